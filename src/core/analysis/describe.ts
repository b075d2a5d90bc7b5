// Plain-language pieces every output format shares: names, shares, the zone rows
// and why a decision went around leadership.
import type { Decision, Report, Zone, ZoneVerdict } from '../model/report';
import { isRoutedAround } from '../rules/decision-rules';
import { inWindow } from './zone';

/** Control characters become spaces: repository text must not drive a terminal or break a table. */
export function withoutControlChars(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.charCodeAt(0);
    out += code < 0x20 || (code >= 0x7f && code <= 0x9f) ? ' ' : char;
  }
  return out;
}

const namesByReport = new WeakMap<Report, Map<string, string>>();

/** A person's display name, or the id when the report does not know them (looked up once per report). */
export function personName(report: Report, id: string): string {
  let names = namesByReport.get(report);
  if (!names) {
    names = new Map(report.people.map((p) => [p.id, p.name]));
    namesByReport.set(report, names);
  }
  return names.get(id) ?? id;
}

export function percent(share: number): string {
  return `${Math.round(share * 100)} %`;
}

/** The verdict in words, as a sentence uses it ("leadership is too far"). */
export const VERDICT_WORDS: Record<ZoneVerdict, string> = { 'too-close': 'too close', goldilocks: 'Goldilocks', 'too-far': 'too far', 'no-data': 'no data' };

export interface ZoneRow {
  label: string;
  zone: Zone;
}

/** The roster first, then each leader in roster order. */
export function zoneRows(report: Report): ZoneRow[] {
  const rows: ZoneRow[] = [{ label: report.leadership.length > 0 ? 'Leadership (all)' : 'Leadership (no roster)', zone: report.zone.overall }];
  for (const leader of report.leadership) {
    const zone = report.zone.byLeader[leader.person];
    if (zone) rows.push({ label: `${personName(report, leader.person)} (${leader.role})`, zone });
  }
  return rows;
}

export function shares(zone: Zone): string {
  if (zone.verdict === 'no-data') return `${zone.count} decision${zone.count === 1 ? '' : 's'}, no shares`;
  return `decided ${percent(zone.decided)} · consulted/informed ${percent(zone.consulted + zone.informed)} · around ${percent(zone.around)} (${zone.count} decision${zone.count === 1 ? '' : 's'})`;
}

const ROLE_VERBS: Record<string, string> = {
  'decision-maker': 'decided by', author: 'authored by', 'co-author': 'co-authored by', reviewer: 'reviewed by',
  merger: 'merged by', consulted: 'consulted', informed: 'informed',
};

/** Why a decision counts as routed around: who did take part, and that no leader did. */
export function whyAround(report: Report, decision: Decision): string {
  const byRole = new Map<string, Set<string>>();
  for (const e of decision.evidence) byRole.set(e.role, (byRole.get(e.role) ?? new Set<string>()).add(personName(report, e.person)));
  const parts = [...byRole].map(([role, names]) => `${ROLE_VERBS[role] ?? role} ${[...names].join(', ')}`);
  return `${parts.length > 0 ? `${parts.join('; ')}; ` : ''}no leader decided, was consulted or informed`;
}

/** Decisions in the window routed around leadership, heaviest and newest first; none without a roster. */
export function topAround(report: Report, limit: number): Decision[] {
  if (report.leadership.length === 0) return [];
  return report.decisions
    .filter((d) => isRoutedAround(d) && inWindow(d.date, report.repository.window))
    .sort((a, b) => b.weight - a.weight || (b.date ?? '').localeCompare(a.date ?? '') || a.id.localeCompare(b.id))
    .slice(0, limit);
}

export function decisionCounts(report: Report): string {
  const adrs = report.decisions.filter((d) => d.source === 'adr').length;
  return `${report.decisions.length} decisions (${adrs} ADRs, ${report.decisions.length - adrs} git signals)`;
}
