// The report as the reader has filtered it: which decisions show, how involved
// the chosen centre (the roster or one leader) was in each, and the zone: the
// report's own while nothing narrows the view, else weighed over what remains
// with the report's thresholds and core's zone math and decision rules.
import { inReportWindow } from '../rules/report-window';
import { computeZones, type ZoneOptions } from '../rules/zone';
import { DEFAULT_MIN_DECISIONS } from '../rules/zone-verdict';
import type { Decision, Involvement, Person, Report, Zone, Zones } from '../core/model/report';
import { isCounted, levelFor } from '../rules/decision-rules';
import { ROSTER, type ViewState } from './state';

export interface TimeWindow {
  since: string | null;
  until: string | null;
}

export interface ViewModel {
  report: Report;
  people: ReadonlyMap<string, Person>;
  decisionsById: ReadonlyMap<string, Decision>;
  /** Decisions that pass every filter, in the report's order (oldest first). */
  decisions: Decision[];
  /** Decisions that pass every filter but the window: the trend over all of history. */
  unwindowed: Decision[];
  focus: string;
  window: TimeWindow;
  /** The roster's zone and each leader's over the window, with the report's thresholds. */
  zones: Zones;
  /** Per quarter over all of history, for the centre (the roster or the chosen leader). */
  trend: Record<string, Zone>;
  levelOf(decision: Decision): Involvement;
  name(personId: string): string;
}

const DEFAULT_THRESHOLDS = { tooClose: 0.5, tooFar: 0.5, minDecisions: DEFAULT_MIN_DECISIONS };

export function windowOf(report: Report, state: ViewState): TimeWindow {
  return state.windowChosen ? { since: state.since, until: state.until } : { ...report.repository.window };
}

function inside(date: string | null, window: TimeWindow): boolean {
  if (window.since === null && window.until === null) return true;
  if (date === null) return false;
  return (window.since === null || date >= window.since) && (window.until === null || date <= window.until);
}

function searchText(decision: Decision, people: ReadonlyMap<string, Person>): string {
  const ids = new Set([...decision.decisionMakers, ...decision.consulted, ...decision.informed, ...decision.evidence.map((e) => e.person)]);
  const who = [...ids].flatMap((id) => {
    const person = people.get(id);
    return person ? [person.name, ...person.emails, ...person.aliases] : [id];
  });
  return [decision.title, decision.path ?? '', decision.area, ...who].join('\n').toLowerCase();
}

export function buildViewModel(report: Report, state: ViewState): ViewModel {
  const people = new Map(report.people.map((person) => [person.id, person]));
  const isLeader = report.leadership.some((leader) => leader.person === state.focus);
  const focus = isLeader ? state.focus : ROSTER;
  const window = windowOf(report, state);
  const query = state.query.trim().toLowerCase();
  const unwindowed = report.decisions.filter((decision) =>
    (state.area === null || decision.area === state.area)
    && (state.source === null || decision.source === state.source)
    && (state.status === null || decision.status === state.status)
    && (query === '' || searchText(decision, people).includes(query)));
  const leader = focus === ROSTER ? null : focus;
  // The report's window is each source's own, as the centre's zone weighed it (the sidebar lists the
  // same); its union, `window`, only fills the date fields. A chosen window holds for both sources.
  const centreZone = leader === null ? undefined : report.zone.byLeader[leader];
  const decisions = unwindowed.filter((decision) => (state.windowChosen ? inside(decision.date, window) : inReportWindow(report, decision, centreZone)));
  const leaders = report.leadership.map((l) => l.person);
  const zoneWindow = { since: window.since ?? '0000-01-01', until: window.until ?? '9999-12-31' };
  const thresholds = report.zone.thresholds ?? DEFAULT_THRESHOLDS;
  // Filters that let every decision through over the report's own window leave core's zones as they are.
  const narrowed = state.windowChosen || unwindowed.length !== report.decisions.length;
  // The report's own source windows while the reader has not chosen one; a chosen window holds for both, never widened.
  const sources = report.zone.overall.sources;
  const options: ZoneOptions = {
    window: !state.windowChosen && sources?.adr.window && sources.git.window ? { adr: sources.adr.window, git: sources.git.window } : zoneWindow,
    widenTo: null,
    rules: { ...DEFAULT_THRESHOLDS, ...thresholds },
    leaderAreas: Object.fromEntries(report.leadership.flatMap((l) => (l.areas ? [[l.person, l.areas]] : []))),
  };
  const zones = narrowed ? computeZones(unwindowed, leaders, options) : report.zone;
  const trend = leader === null
    ? zones.byQuarter
    : computeZones(unwindowed.map((decision) => ({ ...decision, involvement: levelFor(decision, leader) })), leaders, options).byQuarter;
  return {
    report,
    people,
    decisionsById: new Map(report.decisions.map((decision) => [decision.id, decision])),
    decisions,
    unwindowed,
    focus,
    window,
    zones,
    trend,
    levelOf: (decision) => levelFor(decision, leader),
    name: (personId) => people.get(personId)?.name ?? personId,
  };
}

/** The counted decisions in view that went around the centre: the Routed around tab and its count. */
export function routedAroundOf(model: ViewModel): Decision[] {
  return model.decisions.filter((decision) => isCounted(decision) && model.levelOf(decision) === 'around');
}
