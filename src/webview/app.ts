// The map app: a report and the reader's view state in, the page out. The orbit
// canvas lives across renders (it keeps its zoom); everything else is rebuilt
// from the view model when the report or the state changes.
import type { Decision, Report } from '../core/model/report';
import { renderDecisionList } from './decision-list';
import { renderDetail } from './detail';
import { button, element } from './dom';
import { renderFilters, type FilterChange } from './filters';
import { foldSignals, isFold } from './fold';
import { LEVEL_TEXT, plural, STATUS_TEXT, verdictText } from './format';
import { renderGauge } from './gauge';
import { inVsCode, post } from './host';
import { renderLegend } from './legend';
import { layoutOrbit } from './orbit/layout';
import { OrbitView } from './orbit/orbit-view';
import { renderOwners } from './owners';
import { ROSTER, TABS, type Tab, type ViewState } from './state';
import { onThemeChange, readPalette } from './theme';
import { renderTimeline } from './timeline';
import { buildViewModel, routedAroundOf, type ViewModel } from './view-model';
import { newestFirst, whyAround, windowWords } from '../present/describe';

const TAB_TEXT: Record<Tab, string> = { map: 'Orbit map', around: 'Routed around', owners: 'Owners', timeline: 'Timeline', decisions: 'All decisions' };

export interface StateStore {
  load(): ViewState;
  save(state: ViewState): void;
}

export class App {
  private report: Report | undefined;
  private model: ViewModel | undefined;
  private state: ViewState;
  private readonly orbit: OrbitView;
  private readonly status: HTMLElement;
  /** What the orbit showed last (tab, centre, window, filters): when it changes, the orbit is fitted again. */
  private shown = '';

  constructor(private readonly root: HTMLElement, private readonly store: StateStore) {
    this.state = store.load();
    this.status = document.getElementById('status') ?? element('p');
    this.orbit = new OrbitView(readPalette(root), { onSelect: (decision) => this.open(decision) });
    onThemeChange(() => {
      this.orbit.setPalette(readPalette(this.root));
    });
  }

  get orbitView(): OrbitView {
    return this.orbit;
  }

  setStatus(text: string): void {
    this.status.textContent = text;
  }

  setReport(report: Report): void {
    this.report = report;
    // The window as the sidebar's headers say it: each source's own when they differ.
    this.setStatus(`${plural(report.decisions.length, 'decision')} · ${windowWords(report)} up to ${report.repository.window.until} · analysed ${report.repository.analyzedAt.slice(0, 16).replace('T', ' ')} UTC`);
    this.render();
  }

  private change(update: FilterChange): void {
    this.state = { ...this.state, ...update };
    this.store.save(this.state);
    this.render();
  }

  /** A mark opened on the orbit: a decision's details, or a fold of signals unfolded onto its area. */
  private open(decision: Decision): void {
    if (isFold(decision.id)) this.change({ fold: false, area: decision.area, source: 'git' });
    else this.select(decision.id);
  }

  /** The host's Reveal in Map: the decision's details open beside the map. */
  reveal(id: string): void {
    this.change({ tab: 'map', selected: id });
  }

  private select(id: string | null): void {
    this.change({ selected: id });
    if (id !== null) document.getElementById('detail-title')?.focus();
  }

  private render(): void {
    const report = this.report;
    if (!report) return;
    const focusKey = activeKey();
    const model = buildViewModel(report, this.state);
    this.model = model;
    const selected = this.state.selected ? model.decisionsById.get(this.state.selected) : undefined;
    const main = element('div', { className: 'main' }, [this.tabBar(), this.panel(model)]);
    const body = element('div', { className: `body${selected ? ' with-detail' : ''}` }, [main, selected ? renderDetail(model, selected, { open: (id) => this.select(id), close: () => this.select(null) }) : null]);
    const notices = this.notices(model);
    this.root.replaceChildren(
      renderFilters(model, this.state, (update) => this.change(update)),
      ...(notices ? [notices] : []),
      renderGauge(model, { focus: (focus) => this.change({ focus }) }),
      body,
    );
    this.root.dataset.verdict = model.zones.overall.verdict;
    restoreFocus(focusKey);
  }

  private notices(model: ViewModel): HTMLElement | null {
    const items: Node[] = [];
    const report = model.report;
    if (report.leadership.length === 0) {
      const likely = (report.insights?.suggestedLeaders ?? []).slice(0, 3).map((s) => `${model.name(s.person)} (${s.reason})`);
      items.push(element('p', { className: 'notice', text: `No leadership roster is configured, so nothing counts as leadership yet.${likely.length ? ` Likeliest leaders: ${likely.join('; ')}.` : ''} Add them under leadership: in .decision-orbit.yml.` }));
    }
    if (report.warnings.length > 0) {
      items.push(element('details', { className: 'warnings' }, [
        element('summary', { text: plural(report.warnings.length, 'warning') }),
        element('ul', {}, report.warnings.map((w) => element('li', { text: `${w.path ? `${w.path}${w.line ? `:${w.line}` : ''}: ` : ''}${w.message}` }))),
      ]));
    }
    return items.length ? element('div', { className: 'notices' }, items) : null;
  }

  /** True when the orbit is about to show something else than it did: another window, filter or centre, or the map again after another tab. */
  private shownChanged(): boolean {
    const { focus, since, until, windowChosen, area, source, status, query, automated, fold } = this.state;
    const key = JSON.stringify([focus, since, until, windowChosen, area, source, status, query, automated, fold]);
    const changed = key !== this.shown;
    this.shown = key;
    return changed;
  }

  private tabBar(): HTMLElement {
    const tabs = TABS.map((tab) => {
      const count = tab === 'around' && this.model ? ` (${routedAroundOf(this.model).length})` : '';
      const node = button(`${TAB_TEXT[tab]}${count}`, () => this.change({ tab }), {
        role: 'tab', id: `tab-${tab}`, 'aria-selected': String(this.state.tab === tab), 'aria-controls': 'tab-panel', tabindex: this.state.tab === tab ? '0' : '-1', 'data-focus-key': `tab-${tab}`,
      });
      node.addEventListener('keydown', (event) => {
        const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
        if (step === 0) return;
        event.preventDefault();
        const next = TABS[(TABS.indexOf(tab) + step + TABS.length) % TABS.length] ?? 'map';
        this.change({ tab: next });
        document.getElementById(`tab-${next}`)?.focus();
      });
      return node;
    });
    const refresh = inVsCode ? button('Refresh', () => post({ type: 'refresh' }), { class: 'refresh' }) : null;
    return element('div', { className: 'tab-bar' }, [element('div', { className: 'tabs', attributes: { role: 'tablist', 'aria-label': 'Views' } }, tabs), refresh]);
  }

  private panel(model: ViewModel): HTMLElement {
    const open = (decision: Decision): void => this.select(decision.id);
    if (this.state.tab !== 'map') this.shown = '';
    const panel = element('section', { className: `tab-panel tab-${this.state.tab}`, attributes: { id: 'tab-panel', role: 'tabpanel', 'aria-labelledby': `tab-${this.state.tab}` } });
    switch (this.state.tab) {
      case 'map': {
        const automated = model.decisions.filter((d) => isAutomatedWork(model, d));
        const shown = this.state.automated ? model.decisions : model.decisions.filter((d) => !isAutomatedWork(model, d));
        const onOrbit = this.state.fold ? foldSignals(shown, model.levelOf).decisions : shown;
        panel.append(this.orbit.element, renderLegend({
          automated: { automated: automated.length, shown: this.state.automated, toggle: (on) => this.change({ automated: on }) },
          fold: { signals: shown.filter((d) => d.source === 'git').length, folded: this.state.fold, toggle: (on) => this.change({ fold: on }) },
        }));
        const leaders = new Set(model.report.leadership.map((l) => l.person));
        this.orbit.update({
          layout: layoutOrbit({ decisions: onOrbit, levelOf: model.levelOf, ownerName: model.name }),
          centreLabel: model.focus === ROSTER ? 'Leadership' : model.name(model.focus),
          centreDetail: verdictText((model.focus === ROSTER ? model.zones.overall : model.zones.byLeader[model.focus]) ?? { verdict: 'no-data' }),
          ownerName: model.name,
          isLeader: (person) => leaders.has(person),
          describe: (decision) => describeDecision(model, decision),
          highlighted: new Set(this.state.selected ? [this.state.selected] : []),
        }, this.state.selected, this.shownChanged());
        break;
      }
      case 'around': {
        const around = routedAroundOf(model).sort(newestFirst);
        const empty = model.report.leadership.length === 0 ? 'With no roster configured every decision would be routed around: configure leadership first.' : 'No decision in view went around leadership.';
        panel.append(renderDecisionList(model, around, { label: 'Routed around', empty, detail: (d) => `Why: ${whyAround(model.report, d)}.`, onOpen: open, selected: this.state.selected }));
        break;
      }
      case 'owners':
        panel.append(renderOwners(model, (name) => this.change({ query: name }), open));
        break;
      case 'timeline':
        panel.append(renderTimeline(model, open));
        break;
      case 'decisions':
        panel.append(renderDecisionList(model, [...model.decisions].sort(newestFirst), { label: 'All decisions', empty: 'No decision matches the filters.', detail: (d) => `Owners: ${d.decisionMakers.map(model.name).join(', ') || 'none named'}`, onOpen: open, selected: this.state.selected }));
        break;
    }
    return panel;
  }
}

/** Work a bot did, or that is automated: off the orbit unless asked for, since it can outnumber every decision a person made. */
function isAutomatedWork(model: ViewModel, decision: Decision): boolean {
  const owner = decision.decisionMakers[0];
  return model.levelOf(decision) === 'automated' || (owner !== undefined && model.people.get(owner)?.isBot === true);
}

export function describeDecision(model: ViewModel, decision: Decision): string {
  const owners = decision.decisionMakers.map(model.name).join(', ') || 'no decision-maker named';
  return `${decision.title}: ${decision.source === 'adr' ? 'ADR' : `git signal (${decision.kind})`}, ${STATUS_TEXT[decision.status]}, ${decision.date ?? 'undated'}, ${decision.area}; decided by ${owners}; leadership ${LEVEL_TEXT[model.levelOf(decision)]}.`;
}

/** Re-rendering replaces the controls: keep the reader's place in whichever one had focus. */
function activeKey(): { key: string; start: number | null; end: number | null } | null {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement)) return null;
  const key = active.dataset.focusKey ?? active.getAttribute('name');
  if (!key) return null;
  const input = active instanceof HTMLInputElement && active.type === 'search' ? active : null;
  return { key, start: input?.selectionStart ?? null, end: input?.selectionEnd ?? null };
}

function restoreFocus(saved: ReturnType<typeof activeKey>): void {
  if (!saved) return;
  const target = document.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(saved.key)}"], [name="${CSS.escape(saved.key)}"]`);
  if (!target) return;
  target.focus();
  if (target instanceof HTMLInputElement && saved.start !== null) target.setSelectionRange(saved.start, saved.end);
}
