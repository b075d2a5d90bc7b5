// Renders a report: the verdicts with their shares, the decisions routed around
// leadership (newest first, with why), and every decision with its evidence.
import type { Decision, Report, Zone } from '../core/model/report';
import { element } from './dom';
import { inVsCode, post } from './host';

const VERDICT_TEXT: Record<Zone['verdict'], string> = { 'too-close': 'Too close', goldilocks: 'Goldilocks', 'too-far': 'Too far', 'no-data': 'No data' };

function percent(share: number): string {
  return `${Math.round(share * 100)} %`;
}

function zoneCard(title: string, zone: Zone): HTMLElement {
  return element('section', { className: `zone zone-${zone.verdict}`, attributes: { 'aria-label': `${title}: ${VERDICT_TEXT[zone.verdict]}` } }, [
    element('h3', { text: title }),
    element('p', { className: 'verdict', text: VERDICT_TEXT[zone.verdict] }),
    element('p', { className: 'shares', text: `decided ${percent(zone.decided)} · consulted or informed ${percent(zone.consulted + zone.informed)} · around ${percent(zone.around)} · ${zone.count} decisions` }),
  ]);
}

function names(report: Report, ids: readonly string[]): string {
  const byId = new Map(report.people.map((person) => [person.id, person.name]));
  return ids.map((id) => byId.get(id) ?? id).join(', ');
}

function decisionRow(report: Report, decision: Decision): HTMLElement {
  const byId = new Map(report.people.map((person) => [person.id, person.name]));
  const evidence = element('ul', { className: 'evidence' }, decision.evidence.map((item) =>
    element('li', { text: `${byId.get(item.person) ?? item.person} — ${item.role} (${item.source}${item.inferred ? ', inferred' : ''}) ${item.ref}` }),
  ));
  const details = element('details', { className: `decision involvement-${decision.involvement}`, attributes: { 'data-id': decision.id } }, [
    element('summary', { text: `${decision.title} — ${decision.involvement} · ${decision.kind} · ${decision.status} · ${decision.date ?? 'undated'}` }),
    element('p', { text: `Area: ${decision.area}. Decision-makers: ${names(report, decision.decisionMakers) || 'none named'}.` }),
    evidence,
  ]);
  if (inVsCode) {
    const open = element('button', { text: decision.path ? 'Open record' : 'Show commit', attributes: { type: 'button' } });
    open.addEventListener('click', () => post({ type: 'openDecision', id: decision.id }));
    details.append(open);
    if (decision.source === 'adr') {
      const owners = element('button', { text: 'Set owners', attributes: { type: 'button' } });
      owners.addEventListener('click', () => post({ type: 'setOwners', id: decision.id }));
      details.append(owners);
    }
  }
  return details;
}

export function renderReport(app: HTMLElement, report: Report): void {
  const byId = new Map(report.people.map((person) => [person.id, person.name]));
  const leaders = report.leadership.map((leader) => {
    const zone = report.zone.byLeader[leader.person];
    return zone ? zoneCard(`${byId.get(leader.person) ?? leader.person} (${leader.role})`, zone) : null;
  });
  const around = report.decisions
    .filter((decision) => decision.involvement === 'around')
    .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
  app.replaceChildren(
    element('section', { className: 'zones', attributes: { 'aria-label': 'Zone verdicts' } }, [zoneCard('Leadership roster', report.zone.overall), ...leaders]),
    element('h2', { text: `Routed around (${around.length})` }),
    element('div', { className: 'decisions' }, around.map((decision) => decisionRow(report, decision))),
    element('h2', { text: `All decisions (${report.decisions.length})` }),
    element('div', { className: 'decisions' }, report.decisions.map((decision) => decisionRow(report, decision))),
  );
}
