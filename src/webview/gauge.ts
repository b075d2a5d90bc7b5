// The zone gauge: for the roster and each leader, the verdict with the decided /
// consulted+informed / around shares as one bar with the thresholds marked, and
// the roster's trend per quarter. Words and numbers carry every verdict; colour
// only repeats them.
import type { Zone } from '../core/model/report';
import { button, element, svgElement } from './dom';
import { shares, sourceRows, zoneFootnote } from '../present/describe';
import { percent, plural, VERDICT_HINT, VERDICT_TEXT, verdictText } from './format';
import { ROSTER } from './state';
import type { ViewModel } from './view-model';

export interface GaugeActions {
  focus(personId: string): void;
}

function bar(zone: Zone, thresholds: { tooClose: number; tooFar: number }): HTMLElement {
  const decided = zone.decided;
  const middle = zone.consulted + zone.informed;
  const segments: Array<[string, number, string]> = [['decided', decided, 'decided'], ['middle', middle, 'consulted or informed'], ['around', zone.around, 'around']];
  const track = element('div', { className: 'gauge-bar', attributes: { role: 'img', 'aria-label': shares(zone) } });
  for (const [name, share] of segments) {
    const segment = element('span', { className: `gauge-segment gauge-${name}` });
    segment.style.width = `${share * 100}%`;
    track.append(segment);
  }
  const close = element('span', { className: 'gauge-threshold', attributes: { title: `too close at ${percent(thresholds.tooClose)} decided` } });
  close.style.left = `${thresholds.tooClose * 100}%`;
  const far = element('span', { className: 'gauge-threshold', attributes: { title: `too far at ${percent(thresholds.tooFar)} around` } });
  far.style.left = `${(1 - thresholds.tooFar) * 100}%`;
  track.append(close, far);
  return track;
}

function card(label: string, zone: Zone, model: ViewModel, options: { focusId: string; actions: GaugeActions }): HTMLElement {
  const thresholds = model.report.zone.thresholds ?? { tooClose: 0.5, tooFar: 0.5 };
  const active = model.focus === options.focusId;
  const focus = button(active ? 'At the centre' : 'Put at the centre', () => options.actions.focus(options.focusId), { 'aria-pressed': String(active) });
  const footnote = zoneFootnote(zone);
  // Each source over its own window, so the reader sees what the verdict rests on.
  const sources = sourceRows(zone).map((s) => element('li', { text: `${s.label}: ${verdictText(s.zone)} · ${plural(s.zone.count, 'decision')}${s.window ? ` · ${s.window}` : ''}` }));
  return element('section', { className: `zone-card zone-${zone.verdict}${active ? ' active' : ''}`, attributes: { 'aria-label': `${label}: ${verdictText(zone)}`, 'data-verdict': zone.verdict } }, [
    element('h3', { text: label }),
    element('p', { className: 'verdict' }, [element('span', { className: 'verdict-icon', attributes: { 'aria-hidden': 'true' }, text: zone.verdict === 'goldilocks' ? '●' : zone.verdict === 'no-data' ? '○' : '◐' }), element('span', { text: verdictText(zone) })]),
    element('p', { className: 'verdict-hint', text: VERDICT_HINT[zone.verdict] }),
    zone.verdict === 'no-data' ? null : bar(zone, thresholds),
    element('p', { className: 'shares', text: zone.verdict === 'no-data' ? `${plural(zone.count, 'decision')} in view` : shares(zone) }),
    sources.length > 0 ? element('ul', { className: 'zone-sources', attributes: { 'aria-label': 'By source' } }, sources) : null,
    footnote === null ? null : element('p', { className: 'zone-notes', text: footnote }),
    focus,
  ]);
}

function trend(model: ViewModel): HTMLElement {
  const quarters = Object.entries(model.trend).slice(-12);
  const width = Math.max(1, quarters.length) * 46;
  const height = 96;
  const chart = svgElement('svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': `Trend per quarter: ${quarters.map(([q, z]) => `${q} ${VERDICT_TEXT[z.verdict]}`).join(', ') || 'no dated decisions'}` });
  quarters.forEach(([quarter, zone], index) => {
    const x = index * 46 + 8;
    let y = 70;
    const parts: Array<[string, number]> = [['decided', zone.decided], ['middle', zone.consulted + zone.informed], ['around', zone.around]];
    for (const [name, share] of parts) {
      const h = share * 60;
      y -= h;
      chart.append(svgElement('rect', { x, y, width: 30, height: h, class: `trend-${name}` }));
    }
    chart.append(svgElement('rect', { x, y: 10, width: 30, height: 60, class: 'trend-frame' }, [svgElement('title', {}, [document.createTextNode(`${quarter}: ${VERDICT_TEXT[zone.verdict]}, ${plural(zone.count, 'decision')}`)])]));
    const label = svgElement('text', { x: x + 15, y: 84, class: 'trend-label' });
    label.textContent = quarter.replace(/^\d\d/, '’');
    const verdict = svgElement('text', { x: x + 15, y: 95, class: 'trend-verdict' });
    verdict.textContent = zone.verdict === 'too-close' ? 'close' : zone.verdict === 'too-far' ? 'far' : zone.verdict === 'goldilocks' ? 'gold' : '–';
    chart.append(label, verdict);
  });
  const whose = model.focus === ROSTER ? 'the roster' : model.name(model.focus);
  return element('figure', { className: 'trend' }, [chart, element('figcaption', { text: `Trend for ${whose} per quarter: decided (bottom), consulted or informed, around (top).` })]);
}

/** Which window the verdicts are weighed over: the report's, or the one the reader chose. */
function weighedOver(model: ViewModel): string {
  const { since, until } = model.window;
  const reportWindow = model.report.repository.window;
  const span = since === null && until === null ? 'all time' : `${since ?? 'the first decision'} to ${until ?? 'today'}`;
  return since === reportWindow.since && until === reportWindow.until ? `Weighed over the report window, ${span}.` : `Weighed over ${span} (the report window is ${reportWindow.since} to ${reportWindow.until}).`;
}

export function renderGauge(model: ViewModel, actions: GaugeActions): HTMLElement {
  const roster = model.report.leadership.length > 0 ? 'Leadership roster' : 'Leadership (no roster configured)';
  const cards = [card(roster, model.zones.overall, model, { focusId: ROSTER, actions })];
  for (const leader of model.report.leadership) {
    const zone = model.zones.byLeader[leader.person];
    if (zone) cards.push(card(`${model.name(leader.person)} (${leader.role})`, zone, model, { focusId: leader.person, actions }));
  }
  return element('section', { className: 'gauge', attributes: { 'aria-label': 'Zone gauge' } }, [element('p', { className: 'weighed', text: weighedOver(model) }), element('div', { className: 'zone-cards' }, cards), trend(model)]);
}
