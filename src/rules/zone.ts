// The Goldilocks zone: weighted shares of decided / consulted / informed / around
// over the decisions in a window, and the verdict they support. Each source (ADRs,
// git signals) is weighed alone over its own window; the combined verdict is the
// one they agree on, `split` when they disagree, the one that has a verdict when
// the other has too few decisions, or taken over both pooled when neither has
// enough alone. Every zone says how many people decided and what it rests on.
import { DECISION_SOURCES, ZONE_NOTES, type Decision, type SourceZone, type Zone, type ZoneVerdict, type Zones } from '../core/model/report';
import { isCounted, levelFor, type Countable } from './decision-rules';
import { shareVerdict, splitDirection, sideOf, type ZoneRules } from './zone-verdict';
import { inWindow, widenedWindow, type SourceWindow, type Window } from './zone-window';


export type ZoneNote = (typeof ZONE_NOTES)[number];
type Source = (typeof DECISION_SOURCES)[number];

export interface ZoneItem extends Countable {
  /** People who decided it. */
  deciders?: readonly string[];
  /** Its evidence shows a review or a merge, not authorship alone. */
  reviewed?: boolean;
}

/** Under this many distinct deciders, a leader deciding most is what a small team does. */
export const SMALL_TEAM = 5;

const REVIEW_ROLES: ReadonlySet<string> = new Set(['reviewer', 'merger']);

interface Weighed {
  counted: ZoneItem[];
  weight: number;
  /** Null without a roster or without weight: nothing to share out. */
  shares: { decided: number; consulted: number; informed: number; around: number } | null;
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

function weigh(items: readonly ZoneItem[], hasRoster: boolean): Weighed {
  const counted = items.filter(isCounted);
  const weight = counted.reduce((sum, item) => sum + item.weight, 0);
  if (!hasRoster || weight === 0) return { counted, weight, shares: null };
  const share = (level: string): number => round(counted.filter((i) => i.involvement === level).reduce((s, i) => s + i.weight, 0) / weight);
  return { counted, weight, shares: { decided: share('decided'), consulted: share('consulted'), informed: share('informed'), around: share('around') } };
}

function ownVerdict(weighed: Weighed, rules: ZoneRules): ZoneVerdict {
  return weighed.shares === null ? 'no-data' : shareVerdict(weighed.shares, weighed.counted.length, rules);
}

function zoneOf(weighed: Weighed, verdict: ZoneVerdict, extra: readonly ZoneNote[], hasRoster: boolean): SourceZone {
  const { counted, shares } = weighed;
  const everyone = new Set<string>();
  for (const item of counted) for (const person of item.deciders ?? []) everyone.add(person);
  const deciders = everyone.size;
  const notes = new Set<ZoneNote>(extra);
  if (verdict === 'no-data' && hasRoster) notes.add('too-few-decisions');
  if (counted.length > 0 && deciders < SMALL_TEAM) notes.add('small-team');
  if (sideOf(verdict) === 'far' && !counted.some((item) => item.reviewed)) notes.add('reviews-not-visible');
  return {
    verdict,
    ...(shares ?? { decided: 0, consulted: 0, informed: 0, around: 0 }),
    count: counted.length,
    weight: round(weighed.weight),
    deciders,
    notes: ZONE_NOTES.filter((note) => notes.has(note)),
  };
}

/** Only counted decisions weigh in; under the minimum, or without a roster, the verdict is `no-data`. */
export function computeZone(items: readonly ZoneItem[], rules: ZoneRules, hasRoster = true): SourceZone {
  const weighed = weigh(items, hasRoster);
  return zoneOf(weighed, ownVerdict(weighed, rules), [], hasRoster);
}

/** The combined zone of the two sources' zones, `pooled` holding the items of both windows. */
export function combineZones(sources: { adr: SourceZone; git: SourceZone }, pooled: readonly ZoneItem[], rules: ZoneRules, hasRoster = true): Zone {
  const { adr, git } = sources;
  const weighed = weigh(pooled, hasRoster);
  if (adr.verdict !== 'no-data' && git.verdict !== 'no-data') {
    if (splitDirection(adr.verdict, git.verdict) !== null) return { ...zoneOf(weighed, 'split', [], hasRoster), split: { adr: adr.verdict, git: git.verdict }, sources };
    // The same side at different strengths: the pooled shares say how strongly.
    return { ...zoneOf(weighed, adr.verdict === git.verdict ? adr.verdict : ownVerdict(weighed, rules), [], hasRoster), sources };
  }
  if (adr.verdict !== 'no-data' || git.verdict !== 'no-data') {
    const [one, note] = adr.verdict !== 'no-data' ? [adr, 'adr-only' as const] : [git, 'git-only' as const];
    const { window: _window, ...rest } = one;
    return { ...rest, notes: ZONE_NOTES.filter((n) => n === note || (one.notes ?? []).includes(n)), sources };
  }
  const verdict = ownVerdict(weighed, rules);
  return { ...zoneOf(weighed, verdict, verdict === 'no-data' ? [] : ['pooled'], hasRoster), sources };
}

/** `2026-Q1` for a YYYY-MM-DD date. */
export function quarterOf(date: string): string {
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}-Q${Math.floor((month - 1) / 3) + 1}`;
}

function sortedRecord<T>(entries: Iterable<[string, T]>): Record<string, T> {
  return Object.fromEntries([...entries].sort(([a], [b]) => a.localeCompare(b)));
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K | null): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === null) continue;
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** The people a decision's evidence or fields say decided it. */
export function decidersOf(decision: Pick<Decision, 'decisionMakers' | 'evidence'>): string[] {
  // A handful each, for thousands of decisions: one array, no set.
  const people: string[] = [];
  for (const person of decision.decisionMakers) if (!people.includes(person)) people.push(person);
  for (const e of decision.evidence) if (e.level === 'decided' && !people.includes(e.person)) people.push(e.person);
  return people;
}

/**
 * The roster's item by decision object. Decisions are never changed once built,
 * and a refresh reuses those a commit did not touch, so their deciders are found
 * once for all the zones of every refresh; a leader's item differs only in its level.
 */
const rosterItems = new WeakMap<Decision, ZoneItem>();

function zoneItem(decision: Decision, leader: string | null): ZoneItem {
  let roster = rosterItems.get(decision);
  if (!roster) {
    roster = {
      involvement: levelFor(decision, null),
      weight: decision.weight,
      counted: decision.counted,
      notCountedReason: decision.notCountedReason,
      deciders: decidersOf(decision),
      reviewed: decision.evidence.some((e) => REVIEW_ROLES.has(e.role)),
    };
    rosterItems.set(decision, roster);
  }
  if (leader === null) return roster;
  // One literal, not a spread: thousands of these per leader share one shape.
  const { weight, counted, notCountedReason, deciders, reviewed } = roster;
  return { involvement: levelFor(decision, leader), weight, counted, notCountedReason, deciders, reviewed };
}

export interface ZoneOptions {
  /** The window before widening: one for both sources, or one each. */
  window: Window | Readonly<Record<Source, Window>>;
  /** Widen a source's window to its last N counted decisions when fewer fall inside; null never widens. */
  widenTo: number | null;
  rules: ZoneRules;
  /** Leaders judged over these areas only (person id → area names). */
  leaderAreas?: Readonly<Record<string, readonly string[]>>;
}

interface Scoped {
  zone: Zone;
  /** The decisions inside their source's window. */
  inside: Decision[];
}

/** Each source's window and the decisions inside it: the same for the roster and every leader judged over the same decisions. */
type SourceScopes = Record<Source, { window: SourceWindow; within: Decision[] }>;

function sourceScopes(decisions: readonly Decision[], options: ZoneOptions): SourceScopes {
  const scopes = {} as SourceScopes;
  for (const source of DECISION_SOURCES) {
    const mine = decisions.filter((d) => d.source === source);
    const base = 'since' in options.window ? options.window : options.window[source];
    const window = widenedWindow(base, mine.filter(isCounted).map((d) => d.date), options.widenTo);
    scopes[source] = { window, within: mine.filter((d) => inWindow(d.date, window)) };
  }
  return scopes;
}

function scopedZone(scopes: SourceScopes, leader: string | null, options: ZoneOptions, hasRoster: boolean): Scoped {
  const inside: Decision[] = [];
  const pooled: ZoneItem[] = [];
  const zones = {} as Record<Source, SourceZone>;
  for (const source of DECISION_SOURCES) {
    const { window, within } = scopes[source];
    const items = within.map((d) => zoneItem(d, leader));
    inside.push(...within);
    pooled.push(...items);
    zones[source] = { ...computeZone(items, options.rules, hasRoster), window };
  }
  return { zone: combineZones(zones, pooled, options.rules, hasRoster), inside };
}

/**
 * overall and byLeader with their sources, each source over its own window;
 * byArea over the decisions inside the roster's source windows; byQuarter is the
 * trend over all of history (every quarter that has dated decisions).
 */
export function computeZones(decisions: readonly Decision[], leaders: readonly string[], options: ZoneOptions): Zones {
  const hasRoster = leaders.length > 0;
  const { rules } = options;
  const all = sourceScopes(decisions, options);
  const overall = scopedZone(all, null, options, hasRoster);
  const byLeader = leaders.map((leader): [string, Zone] => {
    const areas = options.leaderAreas?.[leader];
    const scopes = areas === undefined ? all : sourceScopes(decisions.filter((d) => areas.includes(d.area)), options);
    return [leader, scopedZone(scopes, leader, options, true).zone];
  });
  const roster = (list: readonly Decision[]): Zone => computeZone(list.map((d) => zoneItem(d, null)), rules, hasRoster);
  return {
    overall: overall.zone,
    byLeader: sortedRecord(byLeader),
    byArea: sortedRecord([...groupBy(overall.inside, (d) => d.area)].map(([area, list]): [string, Zone] => [area, roster(list)])),
    byQuarter: sortedRecord([...groupBy(decisions, (d) => (d.date === null ? null : quarterOf(d.date)))].map(([q, list]): [string, Zone] => [q, roster(list)])),
    thresholds: { tooClose: rules.tooClose, tooFar: rules.tooFar, minDecisions: rules.minDecisions },
  };
}
