// Decisions over time for onboarding: per quarter, stacked by how involved the
// centre was, and below, every supersede chain drawn from the old record to the
// one that replaced it. Each record on a chain is a focusable, labelled button.
import type { Decision, Involvement } from '../core/model/report';
import { element, svgElement } from './dom';
import { LEVEL_TEXT } from './format';
import { quarterOf } from '../rules/zone';
import { COUNTED_LEVELS, NOT_COUNTED_LEVELS } from '../rules/decision-rules';
import type { ViewModel } from './view-model';

const LEVELS: readonly Involvement[] = [...COUNTED_LEVELS, ...NOT_COUNTED_LEVELS];
const COLUMN = 44;
const CHART_HEIGHT = 140;
const LANE = 26;

function quartersBetween(first: string, last: string): string[] {
  const quarters: string[] = [];
  let year = Number(first.slice(0, 4));
  let quarter = Number(first.slice(6));
  while (`${year}-Q${quarter}` <= last && quarters.length < 400) {
    quarters.push(`${year}-Q${quarter}`);
    quarter += 1;
    if (quarter > 4) {
      quarter = 1;
      year += 1;
    }
  }
  return quarters;
}

/** Groups of records linked by supersede links, each oldest first. */
function chains(decisions: readonly Decision[], byId: ReadonlyMap<string, Decision>): Decision[][] {
  const seen = new Set<string>();
  const result: Decision[][] = [];
  for (const start of decisions) {
    if (seen.has(start.id) || (start.supersedes.length === 0 && start.supersededBy.length === 0)) continue;
    const chain: Decision[] = [];
    const queue = [start.id];
    while (queue.length > 0) {
      const id = queue.pop() ?? '';
      const decision = byId.get(id);
      if (!decision || seen.has(id)) continue;
      seen.add(id);
      chain.push(decision);
      queue.push(...decision.supersedes, ...decision.supersededBy);
    }
    if (chain.length > 1) result.push(chain.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.id.localeCompare(b.id)));
  }
  return result;
}

/** Pending and automated are both not counted: two greys apart, each with its own pattern, so neither rests on colour. */
function hatches(): SVGElement[] {
  return [
    svgElement('pattern', { id: 'hatch-pending', width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' }, [svgElement('rect', { width: 6, height: 6, class: 'hatch-pending-ground' }), svgElement('line', { x1: 0, y1: 0, x2: 0, y2: 6, class: 'hatch-pending-line' })]),
    svgElement('pattern', { id: 'hatch-automated', width: 5, height: 5, patternUnits: 'userSpaceOnUse' }, [svgElement('rect', { width: 5, height: 5, class: 'hatch-automated-ground' }), svgElement('circle', { cx: 2.5, cy: 2.5, r: 1, class: 'hatch-automated-dot' })]),
  ];
}

export function renderTimeline(model: ViewModel, onOpen: (decision: Decision) => void): HTMLElement {
  const dated = model.decisions.filter((decision) => decision.date !== null);
  if (dated.length === 0) return element('section', { className: 'timeline-panel' }, [element('h2', { text: 'Timeline' }), element('p', { className: 'empty', text: 'No dated decisions in this view.' })]);
  const quarters = quartersBetween(quarterOf(dated[0]?.date ?? ''), quarterOf(dated[dated.length - 1]?.date ?? ''));
  const index = new Map(quarters.map((quarter, i) => [quarter, i]));
  const counts = quarters.map(() => new Map<Involvement, number>());
  for (const decision of dated) {
    const column = counts[index.get(quarterOf(decision.date ?? '')) ?? -1];
    const level = model.levelOf(decision);
    column?.set(level, (column.get(level) ?? 0) + 1);
  }
  const highest = Math.max(1, ...counts.map((column) => [...column.values()].reduce((sum, n) => sum + n, 0)));
  const linked = chains(dated, model.decisionsById);
  const width = quarters.length * COLUMN + 40;
  const height = CHART_HEIGHT + 30 + linked.length * LANE + 10;
  const svg = svgElement('svg', { viewBox: `0 0 ${width} ${height}`, width, height, class: 'timeline', role: 'group', 'aria-label': 'Decisions per quarter and supersede chains' });
  counts.forEach((column, i) => {
    const x = 20 + i * COLUMN;
    let y = CHART_HEIGHT;
    const parts: string[] = [];
    for (const level of LEVELS) {
      const n = column.get(level) ?? 0;
      if (n === 0) continue;
      const h = (n / highest) * (CHART_HEIGHT - 10);
      y -= h;
      svg.append(svgElement('rect', { x, y, width: COLUMN - 10, height: h, class: `timeline-${level}` }));
      parts.push(`${n} ${LEVEL_TEXT[level]}`);
    }
    const total = [...column.values()].reduce((sum, n) => sum + n, 0);
    svg.append(svgElement('rect', { x, y: 10, width: COLUMN - 10, height: CHART_HEIGHT - 10, class: 'timeline-hit' }, [svgElement('title', {}, [document.createTextNode(`${quarters[i]}: ${total} decisions${parts.length ? ` (${parts.join(', ')})` : ''}`)])]));
    const label = svgElement('text', { x: x + (COLUMN - 10) / 2, y: CHART_HEIGHT + 14, class: 'timeline-label' });
    label.textContent = (quarters[i] ?? '').replace(/^\d\d/, '’');
    svg.append(label);
  });
  const xOf = (date: string): number => {
    const quarter = quarterOf(date);
    const month = (Number(date.slice(5, 7)) - 1) % 3;
    return 20 + (index.get(quarter) ?? 0) * COLUMN + ((month + 0.5) / 3) * (COLUMN - 10);
  };
  linked.forEach((chain, lane) => {
    const y = CHART_HEIGHT + 34 + lane * LANE;
    for (const decision of chain) {
      for (const target of decision.supersedes) {
        const older = chain.find((d) => d.id === target);
        if (older?.date && decision.date) svg.append(svgElement('path', { d: `M ${xOf(older.date)} ${y} Q ${(xOf(older.date) + xOf(decision.date)) / 2} ${y - 16} ${xOf(decision.date)} ${y}`, class: 'timeline-chain', 'marker-end': 'url(#arrow)' }));
      }
    }
    for (const decision of chain) {
      const label = `${decision.title} (${decision.date ?? 'undated'}, ${decision.status})${decision.supersedes.length ? ', supersedes an older record' : ''}`;
      const dot = svgElement('circle', { cx: xOf(decision.date ?? ''), cy: y, r: 6, class: `timeline-record status-${decision.status}`, tabindex: 0, role: 'button', 'aria-label': label, 'data-id': decision.id }, [svgElement('title', {}, [document.createTextNode(label)])]);
      dot.addEventListener('click', () => onOpen(decision));
      dot.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          onOpen(decision);
        }
      });
      svg.append(dot);
    }
  });
  svg.prepend(svgElement('defs', {}, [...hatches(), svgElement('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 14, refY: 5, markerWidth: 6, markerHeight: 6, orient: 'auto-start-reverse' }, [svgElement('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: 'timeline-arrow' })])]));
  const legend = element('ul', { className: 'legend' }, LEVELS.map((level) => element('li', {}, [element('span', { className: `swatch timeline-${level}`, attributes: { 'aria-hidden': 'true' } }), element('span', { text: LEVEL_TEXT[level] })])));
  return element('section', { className: 'timeline-panel' }, [
    element('h2', { text: 'Timeline' }),
    legend,
    element('div', { className: 'timeline-scroll' }, [svg]),
    element('p', { className: 'hint', text: linked.length === 0 ? 'No supersede chains in this view.' : `${linked.length} supersede chain${linked.length === 1 ? '' : 's'} below the bars: arrows point from a record to the one that replaced it.` }),
  ]);
}
