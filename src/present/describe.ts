// Plain-language pieces every output format shares: names, shares, the zone rows,
// the window, why a decision went around leadership and who owns decisions how far
// from it.
import type { Decision, Evidence, ForgeAction, Report, SourceZone, Zone, ZoneVerdict } from '../core/model/report';
import { isRoutedAround } from '../rules/decision-rules';
import { decisionOwners, type Owner } from '../rules/owners';
import { inReportWindow, sourceWindowOf } from '../rules/report-window';
import type { ZoneNote } from '../rules/zone';
import { splitDirection } from '../rules/zone-verdict';
import { WIDEN_TO, type SourceWindow } from '../rules/zone-window';
import { formatCount } from '../core/util/format-count';

export { formatCount };

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

/** `space` goes between the number and the sign: the map passes a non-breaking one so "0 %" never breaks across lines. */
export function percent(share: number, space = ' '): string {
  return `${Math.round(share * 100)}${space}%`;
}

/** The verdict in words, as a sentence uses it ("leadership is too far"). */
export const VERDICT_WORDS: Record<ZoneVerdict, string> = {
  'too-close': 'too close', goldilocks: 'Goldilocks', 'too-far': 'too far', 'leaning-close': 'leaning close', 'leaning-far': 'leaning far', split: 'split', 'no-data': 'no data',
};

/** Which way a split goes: ADRs closer to leadership than the signals, or the reverse. */
const SPLIT_WORDS = { paper: 'split: decided on paper, not in code', code: 'split: decided in code, not on paper' } as const;

/** A zone's verdict in words: a split says which way, and no-data under the minimum says so. */
export function verdictWords(zone: Pick<Zone, 'verdict' | 'split' | 'notes'>): string {
  if (zone.verdict === 'split' && zone.split) return SPLIT_WORDS[splitDirection(zone.split.adr, zone.split.git) ?? 'paper'];
  if (zone.verdict === 'no-data' && zone.notes?.includes('too-few-decisions')) return 'too few decisions';
  return VERDICT_WORDS[zone.verdict];
}

/** "too far", or "split: decided on paper, not in code (ADRs too close, git signals too far)". */
export function verdictLine(zone: Pick<Zone, 'verdict' | 'split' | 'notes'>): string {
  const words = verdictWords(zone);
  return zone.split ? `${words} (ADRs ${VERDICT_WORDS[zone.split.adr]}, git signals ${VERDICT_WORDS[zone.split.git]})` : words;
}

/** What a note code says; a code this table does not know is shown as it is. */
export const NOTE_WORDS: Record<ZoneNote, string> = {
  'small-team': 'small team: with fewer than 5 people deciding, a leader deciding most is expected',
  'reviews-not-visible': 'reviews not visible: git shows authorship only',
  'too-few-decisions': 'too few decisions for a verdict',
  pooled: 'ADRs and git signals pooled: neither had enough decisions alone',
  'adr-only': 'rests on the ADRs: too few git signals',
  'git-only': 'rests on the git signals: too few ADRs',
};

export function noteWords(note: string): string {
  return (NOTE_WORDS as Record<string, string | undefined>)[note] ?? note;
}

const SOURCE_LABELS = { adr: 'ADRs', git: 'git signals' } as const;

export interface SourceRow {
  label: string;
  zone: SourceZone;
  /** `2026-03-19 … 2026-09-15`, with "widened to the last 20 decisions" when it was. */
  window: string | null;
  /** The source's own caveats in words (reviews not visible); what its verdict words and the footnote say are left out. */
  caveats: string[];
}

/** Each source's zone under a combined one, with the window it was weighed over. */
export function sourceRows(zone: Zone): SourceRow[] {
  if (!zone.sources) return [];
  return (['adr', 'git'] as const).map((source) => {
    const sourceZone = zone.sources?.[source] ?? zone;
    const w = sourceZone.window;
    return {
      label: SOURCE_LABELS[source],
      zone: sourceZone,
      window: w ? `${w.since} … ${w.until}${w.widened ? `, widened to the last ${WIDEN_TO} decisions` : ''}` : null,
      caveats: (sourceZone.notes ?? []).filter((note) => note !== 'too-few-decisions' && note !== 'small-team').map(noteWords),
    };
  });
}

const DAY_MS = 86_400_000;
/** In a view's header, beside the other source's window. */
const SHORT_SOURCE_LABELS = { adr: 'ADRs', git: 'signals' } as const;

function days(window: SourceWindow): number {
  return Math.round((Date.parse(window.until) - Date.parse(window.since)) / DAY_MS);
}

/** Past two years a span in days is a number nobody reads at a glance: years, to a tenth. */
const YEARS_AFTER_DAYS = 730;

/** A span as a header says it: "315 d", or "4.7 y" past two years. */
export function spanBrief(span: number): string {
  return span > YEARS_AFTER_DAYS ? `${(span / 365.25).toFixed(1)} y` : `${span} d`;
}

function spanWords(window: SourceWindow): string {
  // A widened window starts at its oldest counted decision; the zone's tooltip says why.
  return window.widened ? `since ${window.since}` : `last ${days(window)} days`;
}

/** One source's window in words: "last 180 days", or "since 2022-07-30" when widened. */
export function sourceWindowWords(report: Report, source: Decision['source'], zone?: Zone): string {
  return spanWords(sourceWindowOf(report, source, zone));
}

/** "last 180 days", or per source when the two differ ("ADRs since 2022-07-30 · signals last 180 days"): the full sentence under a short header. */
export function windowWords(report: Report, zone?: Zone): string {
  const adr = sourceWindowWords(report, 'adr', zone);
  const git = sourceWindowWords(report, 'git', zone);
  return adr === git ? adr : `${SHORT_SOURCE_LABELS.adr} ${adr} · ${SHORT_SOURCE_LABELS.git} ${git}`;
}

/**
 * The window as a view's header says it, whole at a normal sidebar width (about 22
 * characters beside "Routed around"): `windowWords` when the sources agree, else each
 * source's span in days, or years past two ("ADRs 4.7 y · git 180 d"); the full sentence
 * is said below it.
 */
export function windowBrief(report: Report, zone?: Zone): string {
  const adr = sourceWindowOf(report, 'adr', zone);
  const git = sourceWindowOf(report, 'git', zone);
  return spanWords(adr) === spanWords(git) ? spanWords(adr) : `${SHORT_SOURCE_LABELS.adr} ${spanBrief(days(adr))} · git ${spanBrief(days(git))}`;
}

/** "3 people decided; small team: …; reviews not visible: …" or null when the zone says neither. */
export function zoneFootnote(zone: Pick<Zone, 'deciders' | 'notes'>): string | null {
  const parts = [
    ...(zone.deciders === undefined ? [] : [`${zone.deciders} ${zone.deciders === 1 ? 'person' : 'people'} decided`]),
    ...(zone.notes ?? []).filter((note) => note !== 'too-few-decisions').map(noteWords),
  ];
  return parts.length > 0 ? parts.join('; ') : null;
}

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

function decisionCount(count: number): string {
  return `${formatCount(count)} decision${count === 1 ? '' : 's'}`;
}

/** "decided 40 % · consulted/informed 35 % · around 25 % (12 decisions)": the one sentence every surface shows for a zone's shares (a page passes a non-breaking space). */
export function shares(zone: Pick<SourceZone, 'decided' | 'consulted' | 'informed' | 'around' | 'count'>, space = ' '): string {
  if (zone.decided + zone.consulted + zone.informed + zone.around === 0) return `${decisionCount(zone.count)}, no shares`;
  return `decided ${percent(zone.decided, space)} · consulted/informed ${percent(zone.consulted + zone.informed, space)} · around ${percent(zone.around, space)} (${decisionCount(zone.count)})`;
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

/** "83 % away from leadership": 0 % when leadership decided every decision they own, 100 % when every one went around it ("from leadership" alone read as the share that came from it). */
export function distanceWords(distance: number): string {
  return `${percent(distance)} away from leadership`;
}

const ownersByReport = new WeakMap<Report, Owner[]>();

/** The owners of the counted decisions in the report's window (each source's own), for the roster, most first; once per report. */
export function windowOwners(report: Report): Owner[] {
  let owners = ownersByReport.get(report);
  if (!owners) {
    owners = decisionOwners(report.decisions.filter((d) => inReportWindow(report, d)), (d) => d.involvement, (id) => personName(report, id));
    ownersByReport.set(report, owners);
  }
  return owners;
}

/** "4 decisions · 83 % away from leadership"; without a roster there is no distance to give. */
export function ownerWords(owner: Owner): string {
  const count = decisionCount(owner.decisions.length);
  return owner.distance === null ? count : `${count} · ${distanceWords(owner.distance)}`;
}

/**
 * "Carol Diaz (60 % away from leadership), Bob Li": each person with the distance of their
 * decisions in the report's window; someone who owns none there, or a report without
 * a roster, gives the name alone.
 */
export function namesWithDistance(report: Report, people: readonly string[]): string {
  const owners = new Map(windowOwners(report).map((o) => [o.person, o]));
  return people.map((id) => {
    const distance = owners.get(id)?.distance;
    return distance === undefined || distance === null ? personName(report, id) : `${personName(report, id)} (${distanceWords(distance)})`;
  }).join(', ');
}

/**
 * The decisions routed around leadership that the zone weighed (each inside its own
 * source's window), newest first, records and signals together; none without a roster.
 */
export function routedAroundInWindow(report: Report): Decision[] {
  if (report.leadership.length === 0) return [];
  return report.decisions.filter((d) => isRoutedAround(d) && inReportWindow(report, d)).sort(newestFirst);
}

/** The one order of every decision list: newest first, undated last; on one day records (heavier) before signals, then by id. */
export function newestFirst(a: Decision, b: Decision): number {
  return (b.date ?? '').localeCompare(a.date ?? '') || b.weight - a.weight || a.id.localeCompare(b.id);
}

export function decisionCounts(report: Report): string {
  const adrs = report.decisions.filter((d) => d.source === 'adr').length;
  return `${report.decisions.length} decisions (${adrs} ADRs, ${report.decisions.length - adrs} git signals)`;
}

const FORGE_ACTION_WORDS: Record<ForgeAction, string> = {
  approved: 'approved in', 'changes-requested': 'requested changes in', commented: 'commented in', merged: 'merged', 'review-requested': 'was asked to review',
};

/** "approved in #123" and the PR's address, for forge evidence whose ref is an http(s) URL; null otherwise. */
export function forgeEvidenceLink(evidence: Evidence): { text: string; url: string } | null {
  if (evidence.source !== 'forge-review' || evidence.action === undefined || !/^https?:\/\//.test(evidence.ref)) return null;
  const number = /\/pull\/(\d+)\/?$/.exec(evidence.ref)?.[1];
  return { text: `${FORGE_ACTION_WORDS[evidence.action]} ${number === undefined ? 'its PR' : `#${number}`}`, url: evidence.ref };
}
