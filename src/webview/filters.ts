// The filter bar: time window, centre (roster or a leader), area, source,
// status and a person/text search. Every control is a labelled native input.
import { DECISION_STATUSES, type DecisionStatus } from '../core/model/report';
import { button, element } from './dom';
import { STATUS_TEXT } from './format';
import { ROSTER, type ViewState } from './state';
import type { ViewModel } from './view-model';

export type FilterChange = Partial<ViewState>;

function labelled(label: string, control: HTMLElement): HTMLElement {
  return element('label', { className: 'filter' }, [element('span', { text: label }), control]);
}

function choice(name: string, options: Array<[string, string]>, value: string, onChange: (value: string) => void): HTMLSelectElement {
  const select = element('select', { attributes: { name } }, options.map(([optionValue, text]) => {
    const option = element('option', { text, attributes: { value: optionValue } });
    option.selected = optionValue === value;
    return option;
  }));
  select.addEventListener('change', () => onChange(select.value));
  return select;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A plain text field for the day: a date picker shows the browser's locale (mm/dd/yyyy), everything else on the page is ISO. */
function dateInput(name: string, label: string, value: string | null, onChange: (value: string | null) => void): HTMLInputElement {
  const input = element('input', { attributes: { type: 'text', name, inputmode: 'numeric', placeholder: 'YYYY-MM-DD', pattern: '\\d{4}-\\d{2}-\\d{2}', maxlength: '10', size: '10', autocomplete: 'off', 'aria-label': `${label} (YYYY-MM-DD)` } });
  input.value = value ?? '';
  input.addEventListener('change', () => {
    const text = input.value.trim();
    const valid = text === '' || (ISO_DAY.test(text) && !Number.isNaN(Date.parse(text)));
    input.setCustomValidity(valid ? '' : 'A day as YYYY-MM-DD');
    if (valid) onChange(text === '' ? null : text);
    else input.reportValidity();
  });
  return input;
}

export function renderFilters(model: ViewModel, state: ViewState, change: (update: FilterChange) => void): HTMLElement {
  const report = model.report;
  const areas = [...new Set(report.decisions.map((d) => d.area))].sort((a, b) => a.localeCompare(b));
  const search = element('input', { attributes: { type: 'search', name: 'query', placeholder: 'Person, email or title', autocomplete: 'off' } });
  search.value = state.query;
  let timer = 0;
  search.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => change({ query: search.value }), 200);
  });
  const chosen = (update: Partial<Pick<ViewState, 'since' | 'until'>>): void => change({ since: model.window.since, until: model.window.until, ...update, windowChosen: true });
  return element('form', { className: 'filters', attributes: { role: 'search', 'aria-label': 'Filters' } }, [
    labelled('From', dateInput('since', 'From', model.window.since, (since) => chosen({ since }))),
    labelled('To', dateInput('until', 'To', model.window.until, (until) => chosen({ until }))),
    element('div', { className: 'filter presets' }, [
      button('Report window', () => change({ windowChosen: false, since: null, until: null }), { 'aria-pressed': String(!state.windowChosen) }),
      button('All time', () => change({ windowChosen: true, since: null, until: null }), { 'aria-pressed': String(state.windowChosen && state.since === null && state.until === null) }),
    ]),
    labelled('Centre', choice('focus', [[ROSTER, report.leadership.length > 0 ? 'Leadership roster' : 'Leadership (none configured)'], ...report.leadership.map((l): [string, string] => [l.person, `${model.name(l.person)} (${l.role})`])], model.focus, (focus) => change({ focus }))),
    labelled('Area', choice('area', [['', 'All areas'], ...areas.map((area): [string, string] => [area, area])], state.area ?? '', (area) => change({ area: area === '' ? null : area }))),
    labelled('Source', choice('source', [['', 'ADRs and git signals'], ['adr', 'ADRs'], ['git', 'Git signals']], state.source ?? '', (source) => change({ source: source === 'adr' || source === 'git' ? source : null }))),
    labelled('Status', choice('status', [['', 'Any status'], ...DECISION_STATUSES.map((s): [string, string] => [s, STATUS_TEXT[s]])], state.status ?? '', (status) => change({ status: (DECISION_STATUSES as readonly string[]).includes(status) ? (status as DecisionStatus) : null }))),
    labelled('Search', search),
  ]);
}
