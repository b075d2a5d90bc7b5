// Who owns decisions: each person who decided some, with how many they own and
// how far from leadership those were made (rules/owners.ts); how many non-leaders decide per
// quarter (is the team growing leaders?); decisions whose owners are gone or alone.
import type { Decision } from '../core/model/report';
import { COUNTED_LEVELS } from '../rules/decision-rules';
import { decisionOwners } from '../rules/owners';
import { button, element } from './dom';
import { formatCount, LEVEL_TEXT, percent } from './format';
import { newestFirst } from '../present/describe';
import type { ViewModel } from './view-model';

/** Rows a list shows at most: the page stays quick; the filters reach the rest. */
const MAX_ROWS = 300;
/** Bus-factor risks listed at most, newest first: a short list a reader works through. */
const MAX_RISKS = 20;

function moreNotListed(total: number, shown = MAX_ROWS): HTMLElement | null {
  return total > shown ? element('p', { className: 'hint more-not-listed', text: `${formatCount(total - shown)} more not listed: choose an area, a source or a person to narrow them.` }) : null;
}

export function renderOwners(model: ViewModel, onPerson: (name: string) => void, onOpen: (decision: Decision) => void): HTMLElement {
  const rows = decisionOwners(model.decisions, model.levelOf, model.name);
  const table = element('table', { className: 'owners-table' }, [
    element('caption', { text: 'The people who decided the counted decisions in view, with the leadership involvement in those' }),
    element('thead', {}, [element('tr', {}, ['Owner', 'Decisions', ...COUNTED_LEVELS.map((l) => `Leadership ${LEVEL_TEXT[l]}`), 'Distance from leadership'].map((text) => element('th', { text, attributes: { scope: 'col' } })))]),
    element('tbody', {}, rows.slice(0, MAX_ROWS).map((row) => {
      const person = model.people.get(row.person);
      return element('tr', {}, [
        element('th', { attributes: { scope: 'row' } }, [button(model.name(row.person), () => onPerson(model.name(row.person)), { title: 'Show only their decisions' }), person?.isLeader ? element('span', { className: 'badge', text: 'leadership' }) : null, person?.isBot ? element('span', { className: 'badge', text: 'bot' }) : null]),
        element('td', { text: String(row.decisions.length) }),
        ...COUNTED_LEVELS.map((level) => element('td', { text: String(row.byLevel[level]) })),
        element('td', { text: row.distance === null ? '—' : percent(row.distance), attributes: { title: '0 %: leadership decided all of them; 100 %: every one went around leadership' } }),
      ]);
    })),
  ]);
  const insights = model.report.insights;
  const breadth = Object.entries(insights?.breadthByQuarter ?? {}).slice(-8);
  const widest = Math.max(1, ...breadth.map(([, count]) => count));
  // Every filter but the window applies: an old decision whose makers have left is the very risk to see.
  // Only accepted records: a commit that once added a dependency is no decision anyone has to keep alive.
  const inView = new Map(model.unwindowed.filter((d) => d.source === 'adr' && d.status === 'accepted').map((decision) => [decision.id, decision]));
  const risks = new Map((insights?.busFactor ?? []).map((risk) => [risk.decision, risk]));
  const busFactor = [...inView.values()].filter((d) => risks.has(d.id)).sort(newestFirst).flatMap((decision) => {
    const risk = risks.get(decision.id);
    return risk ? [{ risk, decision }] : [];
  });
  return element('section', { className: 'owners-panel' }, [
    element('h2', { text: `Owners (${rows.length})` }),
    rows.length === 0 ? element('p', { className: 'empty', text: 'No counted decision in this view says who decided it.' }) : table,
    moreNotListed(rows.length),
    element('h2', { text: 'Delegation breadth' }),
    element('p', { className: 'hint', text: 'Distinct non-leadership decision-makers per quarter: a growing number means the team is growing deciders.' }),
    breadth.length === 0 ? element('p', { className: 'empty', text: 'No dated decisions.' }) : element('ol', { className: 'breadth' }, breadth.map(([quarter, count]) => {
      const barNode = element('span', { className: 'breadth-bar', attributes: { 'aria-hidden': 'true' } });
      barNode.style.width = `${(count / widest) * 100}%`;
      return element('li', {}, [element('span', { className: 'breadth-quarter', text: quarter }), barNode, element('span', { text: `${count} ${count === 1 ? 'person' : 'people'}` })]);
    })),
    element('h2', { text: `Bus factor (${formatCount(busFactor.length)} accepted ${busFactor.length === 1 ? 'record' : 'records'})` }),
    element('p', { className: 'hint', text: 'Accepted records whose decision-makers have all stopped committing, or that name one decision-maker only; newest first.' }),
    busFactor.length === 0 ? element('p', { className: 'empty', text: 'Every accepted record in view has more than one active decision-maker.' }) : element('ul', { className: 'bus-factor' }, busFactor.slice(0, MAX_RISKS).map(({ risk, decision }) => element('li', {}, [
      element('span', { className: 'bus-date', text: decision.date ?? 'undated' }),
      button(decision.title, () => onOpen(decision)),
      element('span', { text: risk.reason === 'all-inactive' ? ` — its decision-makers (${risk.people.map(model.name).join(', ')}) have all stopped committing` : ` — one decision-maker only: ${risk.people.map(model.name).join(', ')}` }),
    ]))),
    moreNotListed(busFactor.length, MAX_RISKS),
  ]);
}
