// Lists of decisions (routed around, all decisions): one row a decision, a
// button that opens its details, shown a page at a time so 10,000 stay cheap.
import type { Decision } from '../core/model/report';
import { button, element } from './dom';
import { formatCount, LEVEL_TEXT, STATUS_TEXT } from './format';
import type { ViewModel } from './view-model';

const PAGE = 200;

export interface ListOptions {
  label: string;
  empty: string;
  /** The second line of a row: why it is here. */
  detail(decision: Decision): string;
  onOpen(decision: Decision): void;
  selected: string | null;
}

function row(model: ViewModel, decision: Decision, options: ListOptions): HTMLElement {
  const level = model.levelOf(decision);
  const open = button(decision.title, () => options.onOpen(decision), { class: 'decision-open', 'data-id': decision.id, 'aria-current': String(options.selected === decision.id) });
  const meta = `${decision.date ?? 'undated'} · ${decision.source === 'adr' ? 'ADR' : decision.kind} · ${STATUS_TEXT[decision.status]} · ${decision.area} · leadership ${LEVEL_TEXT[level]}`;
  return element('li', { className: `decision-row level-${level}` }, [open, element('span', { className: 'decision-meta', text: meta }), element('span', { className: 'decision-why', text: options.detail(decision) })]);
}

export function renderDecisionList(model: ViewModel, decisions: readonly Decision[], options: ListOptions): HTMLElement {
  const list = element('ol', { className: 'decision-list', attributes: { 'aria-label': options.label } });
  let shown = 0;
  const more = button('', () => showMore());
  const showMore = (): void => {
    const next = decisions.slice(shown, shown + PAGE);
    list.append(...next.map((decision) => row(model, decision, options)));
    shown += next.length;
    more.textContent = `Show ${Math.min(PAGE, decisions.length - shown)} more of ${decisions.length - shown}`;
    more.hidden = shown >= decisions.length;
  };
  showMore();
  const heading = element('h2', { text: `${options.label} (${formatCount(decisions.length)})` });
  return element('section', { className: 'list-panel' }, [heading, decisions.length === 0 ? element('p', { className: 'empty', text: options.empty }) : list, more]);
}

/** Newest first, then heaviest: what a reader checks first. */
