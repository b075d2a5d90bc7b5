// The zone gauge: for the roster and each leader, the verdict with the decided /
// consulted+informed / around shares as one bar with the thresholds marked, and
// the roster's trend per quarter. Words and numbers carry every verdict; colour
// only repeats them.
import type { Zone } from '../core/model/report';
import { button, element, svgElement } from './dom';
import { noteWords, shares, sourceRows, type SourceRow } from '../present/describe';
import { formatCount, NBSP, percent, plural, VERDICT_HINT, VERDICT_TEXT, verdictText } from './format';
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

/** "since 2022-07-30 (widened)": the window's end is HEAD's date for every source, so the title carries it with the widening in full. */
function sourceWindow(row: SourceRow): { text: string; title: string } | null {
  const w = row.zone.window;
  if (!w || row.window === null) return null;
  return { text: `since ${w.since}${w.widened ? ' (widened)' : ''}`, title: row.window };
}

/** A note's words up to its colon ("reviews not visible"), the whole sentence in the title. */
function shortNote(words: string): HTMLElement {
  return element('span', { className: 'note', text: words.split(':')[0] ?? words, attributes: { title: words } });
}

function card(label: string, zone: Zone, model: ViewModel, options: { focusId: string; actions: GaugeActions }): HTMLElement {
  const thresholds = model.report.zone.thresholds ?? { tooClose: 0.5, tooFar: 0.5 };
  const active = model.focus === options.focusId;
  const focus = button(active ? 'At the centre' : 'Centre', () => options.actions.focus(options.focusId), { 'aria-pressed': String(active), class: 'focus-button', title: active ? 'This zone is at the centre of the orbit' : `Put ${label} at the centre of the orbit` });
  const notes = (zone.notes ?? []).filter((note) => note !== 'too-few-decisions');
  const rows = sourceRows(zone);
  // Each source over its own window, so the reader sees what the combined verdict rests on; a caveat the whole card carries is said once, below.
  const sources = rows.map((row) => {
    const window = sourceWindow(row);
    const own = (row.zone.notes ?? []).filter((note) => !notes.includes(note) && note !== 'too-few-decisions' && note !== 'small-team').map(noteWords);
    return element('li', { attributes: { 'data-source': row.label, ...(window ? { title: window.title } : {}) } }, [
      element('strong', { text: `${row.label}: ${verdictText(row.zone)}` }),
      element('span', { text: ` · ${formatCount(row.zone.count)}${window ? ` · ${window.text}` : ''}` }),
      ...own.flatMap((words) => [document.createTextNode(' · '), shortNote(words)]),
    ]);
  });
  const footnote = [
    ...(zone.deciders === undefined ? [] : [element('span', { text: `${plural(zone.deciders, 'person', 'people')} decided` })]),
    ...notes.map((note) => shortNote(noteWords(note))),
  ].flatMap((node, index) => (index === 0 ? [node] : [document.createTextNode(' · '), node]));
  return element('section', { className: `zone-card zone-${zone.verdict}${active ? ' active' : ''}`, attributes: { 'aria-label': `${label}: ${verdictText(zone)}`, 'data-verdict': zone.verdict } }, [
    element('div', { className: 'zone-head' }, [element('h3', { text: label, attributes: { title: label } }), focus]),
    element('p', { className: 'verdict', attributes: { title: VERDICT_HINT[zone.verdict] } }, [
      element('span', { className: 'verdict-icon', attributes: { 'aria-hidden': 'true' }, text: zone.verdict === 'goldilocks' ? '●' : zone.verdict === 'no-data' ? '○' : '◐' }),
      element('span', { text: verdictText(zone) }),
      rows.length > 0 ? element('span', { className: 'verdict-scope', text: 'combined' }) : null,
    ]),
    zone.verdict === 'no-data' ? null : bar(zone, thresholds),
    element('p', { className: 'shares', text: zone.verdict === 'no-data' ? `${plural(zone.count, 'decision')} in view` : shares(zone, NBSP) }),
    sources.length > 0 ? element('ul', { className: 'zone-sources', attributes: { 'aria-label': 'By source' } }, sources) : null,
    footnote.length === 0 ? null : element('p', { className: 'zone-notes' }, footnote),
  ]);
}

/** A quarter's column and its bar, in pixels: twelve quarters stand beside the zone cards. */
const COLUMN = 34;
const BAR = 24;

function trend(model: ViewModel): HTMLElement {
  const quarters = Object.entries(model.trend).slice(-12);
  const width = Math.max(1, quarters.length) * COLUMN;
  const height = 96;
  const chart = svgElement('svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': `Trend per quarter: ${quarters.map(([q, z]) => `${q} ${VERDICT_TEXT[z.verdict]}`).join(', ') || 'no dated decisions'}` });
  quarters.forEach(([quarter, zone], index) => {
    const x = index * COLUMN + 4;
    let y = 70;
    const parts: Array<[string, number]> = [['decided', zone.decided], ['middle', zone.consulted + zone.informed], ['around', zone.around]];
    for (const [name, share] of parts) {
      const h = share * 60;
      y -= h;
      chart.append(svgElement('rect', { x, y, width: BAR, height: h, class: `trend-${name}` }));
    }
    chart.append(svgElement('rect', { x, y: 10, width: BAR, height: 60, class: 'trend-frame' }, [svgElement('title', {}, [document.createTextNode(`${quarter}: ${VERDICT_TEXT[zone.verdict]}, ${plural(zone.count, 'decision')}`)])]));
    const label = svgElement('text', { x: x + BAR / 2, y: 84, class: 'trend-label' });
    label.textContent = quarter.slice(2).replace('-', '');
    const verdict = svgElement('text', { x: x + BAR / 2, y: 95, class: 'trend-verdict' });
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
  return element('section', { className: 'gauge', attributes: { 'aria-label': 'Zone gauge' } }, [element('p', { className: 'weighed', text: weighedOver(model) }), element('div', { className: 'gauge-row' }, [element('div', { className: 'zone-cards' }, cards), trend(model)])]);
}
