// The Goldilocks zone: weighted shares of decided / consulted / informed / around
// over the decisions in a window, and the verdict the thresholds give.
import type { Decision, Involvement, Zone, Zones } from '../model/report';
import { isCounted, levelFor, type Countable } from '../rules/decision-rules';

export interface ZoneThresholds {
  tooClose: number;
  tooFar: number;
}

export interface Window {
  since: string;
  until: string;
}

const EMPTY: Zone = { verdict: 'no-data', decided: 0, consulted: 0, informed: 0, around: 0, count: 0, weight: 0 };

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** Only counted decisions weigh in; no roster gives `no-data` with the counts only. */
export function computeZone(items: readonly Countable[], thresholds: ZoneThresholds, hasRoster = true): Zone {
  const counted = items.filter(isCounted);
  const weight = counted.reduce((sum, item) => sum + item.weight, 0);
  if (counted.length === 0 || weight === 0) return { ...EMPTY, count: counted.length };
  if (!hasRoster) return { ...EMPTY, count: counted.length, weight: round(weight) };
  const share = (level: Involvement): number => round(counted.filter((i) => i.involvement === level).reduce((s, i) => s + i.weight, 0) / weight);
  const zone = { decided: share('decided'), consulted: share('consulted'), informed: share('informed'), around: share('around') };
  const verdict = zone.decided >= thresholds.tooClose ? 'too-close' : zone.around >= thresholds.tooFar ? 'too-far' : 'goldilocks';
  return { verdict, ...zone, count: counted.length, weight: round(weight) };
}

/** `2026-Q1` for a YYYY-MM-DD date. */
export function quarterOf(date: string): string {
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}-Q${Math.floor((month - 1) / 3) + 1}`;
}

/** A calendar day written YYYY-MM-DD that exists. */
export function isDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)) && new Date(value).toISOString().startsWith(value);
}

export function inWindow(date: string | null, window: Window): boolean {
  return date !== null && date >= window.since && date <= window.until;
}

function sortedRecord<T>(entries: Iterable<[string, T]>): Record<string, T> {
  return Object.fromEntries([...entries].sort(([a], [b]) => a.localeCompare(b)));
}

function groupBy<K>(decisions: readonly Decision[], key: (d: Decision) => K | null): Map<K, Decision[]> {
  const groups = new Map<K, Decision[]>();
  for (const decision of decisions) {
    const k = key(decision);
    if (k === null) continue;
    const list = groups.get(k);
    if (list) list.push(decision);
    else groups.set(k, [decision]);
  }
  return groups;
}

/**
 * overall, byLeader and byArea over the window; byQuarter is the trend over all of
 * history (every quarter that has dated decisions).
 */
export function computeZones(decisions: readonly Decision[], leaders: readonly string[], window: Window, thresholds: ZoneThresholds): Zones {
  const hasRoster = leaders.length > 0;
  const inside = decisions.filter((d) => inWindow(d.date, window));
  const roster = (list: readonly Decision[]): Zone => computeZone(list, thresholds, hasRoster);
  const byLeader = leaders.map((leader): [string, Zone] => [leader, computeZone(
    inside.map((d) => ({ involvement: levelFor(d, leader), weight: d.weight, counted: d.counted, notCountedReason: d.notCountedReason })), thresholds, true)]);
  return {
    overall: roster(inside),
    byLeader: sortedRecord(byLeader),
    byArea: sortedRecord([...groupBy(inside, (d) => d.area)].map(([area, list]): [string, Zone] => [area, roster(list)])),
    byQuarter: sortedRecord([...groupBy(decisions, (d) => (d.date === null ? null : quarterOf(d.date)))].map(([q, list]): [string, Zone] => [q, roster(list)])),
    thresholds: { tooClose: thresholds.tooClose, tooFar: thresholds.tooFar },
  };
}
