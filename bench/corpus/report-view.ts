// What the corpus bench reads of the engine's report, loosely: the v1 report of
// today and the v2 report other helpers are moving to (ids per unit, `kinds`,
// `counted` / `notCountedReason`, per-source zones) both parse, and a field a
// report lacks reads as absent ("n/a"), never as a guess.
import * as z from 'zod';

const looseDecision = z.object({
  id: z.string(),
  source: z.string(),
  kind: z.string().optional(),
  kinds: z.array(z.string()).optional(),
  path: z.string().nullable().optional(),
  status: z.string().optional(),
  date: z.string().nullable().optional(),
  decisionMakers: z.array(z.string()).default([]),
  consulted: z.array(z.string()).default([]),
  informed: z.array(z.string()).default([]),
  involvement: z.string(),
  involvementByLeader: z.record(z.string(), z.string()).optional(),
  commits: z.array(z.string()).default([]),
  pr: z.union([z.string(), z.number()]).nullable().optional(),
  counted: z.boolean().optional(),
  notCountedReason: z.string().nullable().optional(),
});

const loosePerson = z.object({
  id: z.string(),
  name: z.string(),
  emails: z.array(z.string()).default([]),
  aliases: z.array(z.string()).default([]),
});

export const reportViewSchema = z.object({
  schema: z.string(),
  leadership: z.array(z.object({ person: z.string() })),
  people: z.array(loosePerson),
  decisions: z.array(looseDecision),
  zone: z.record(z.string(), z.unknown()),
});

export type ReportView = z.infer<typeof reportViewSchema>;
export type DecisionView = z.infer<typeof looseDecision>;
export type PersonView = z.infer<typeof loosePerson>;

/** Reasons a consumer knows to mean "a decision, just not weighed" (DESIGN.md: unknown reasons read as not counted). */
const DECISION_NOT_WEIGHED = new Set(['pending', 'unattributed', 'unknown']);

/** Does the engine call this git decision a decision (v2: counted or only unweighable; v1: anything not automated)? */
export function engineCallsDecision(decision: DecisionView): boolean {
  if (decision.counted !== undefined) {
    return decision.counted || DECISION_NOT_WEIGHED.has(decision.notCountedReason ?? '');
  }
  return decision.involvement !== 'automated' && decision.involvement !== 'maintenance';
}

export function kindsOf(decision: DecisionView): string[] {
  return decision.kinds ?? (decision.kind === undefined ? [] : [decision.kind]);
}

export function prNumberOf(decision: DecisionView): number | null {
  if (decision.pr === null || decision.pr === undefined) return null;
  const digits = String(decision.pr).replace(/\D/g, '');
  return digits === '' ? null : Number(digits);
}

export interface ZoneVerdict {
  verdict: string;
  count: number | null;
}

function verdictOf(value: unknown): ZoneVerdict | null {
  if (typeof value !== 'object' || value === null) return null;
  const { verdict, count } = value as { verdict?: unknown; count?: unknown };
  if (typeof verdict !== 'string') return null;
  return { verdict, count: typeof count === 'number' ? count : null };
}

function at(root: unknown, path: readonly string[]): unknown {
  let here: unknown = root;
  for (const key of path) {
    if (typeof here !== 'object' || here === null) return undefined;
    here = (here as Record<string, unknown>)[key];
  }
  return here;
}

/** The first of these places that holds a verdict: v2's per-source zones are looked for where they may land. */
function firstVerdict(zone: unknown, places: readonly (readonly string[])[]): ZoneVerdict | null {
  for (const place of places) {
    const found = verdictOf(at(zone, place));
    if (found !== null) return found;
  }
  return null;
}

export interface Verdicts {
  adr: ZoneVerdict | null;
  git: ZoneVerdict | null;
  combined: ZoneVerdict | null;
}

export function verdictsOf(zone: unknown): Verdicts {
  const source = (name: string): readonly (readonly string[])[] => [
    ['bySource', name], ['sources', name], [name], ['overall', 'bySource', name], ['overall', 'sources', name],
  ];
  return {
    adr: firstVerdict(zone, [...source('adr'), ...source('adrs')]),
    git: firstVerdict(zone, [...source('git'), ...source('signals')]),
    combined: firstVerdict(zone, [['combined'], ['overall']]),
  };
}
