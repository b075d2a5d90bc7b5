// The report as the map app receives it: the same decision-orbit/v2 report in a
// compact JSON form, internal between the CLI/extension and the app (the public
// `--json` output stays the plain report). At 10,000 decisions the plain form is
// 9 MB of JSON whose zod check visits a quarter of a million object keys before
// the first frame. Here every string and number of the people and decisions sits
// once in a table and the people and decisions are two flat streams of small
// integers (table indices, enum positions, list lengths, sentinels): a third of
// the bytes, and a check of flat arrays that costs a few milliseconds. So are the
// bus-factor risks, which a long-lived repository has for most of its decisions.
// The rest of the report (roster, zones, the other insights, warnings) is small
// and travels as it is.
// The webview's `decode-report.ts` reads the streams back in the same order.
import { z } from 'zod';
import {
  BUS_FACTOR_REASONS, DECISION_KINDS, DECISION_SOURCES, DECISION_STATUSES, EVIDENCE_ROLES, EVIDENCE_SOURCES, DATE_SOURCES, FORGE_ACTIONS, INVOLVEMENTS,
  RECORD_CHANGE_KINDS, SIGNAL_KINDS, TEAM_ROLES,
  insightsSchema, reportSchema, type BusFactorRisk, type Decision, type Evidence, type Person, type Report,
} from './report';

export const COMPACT_REPORT_FORMAT = 'decision-orbit/v2+compact-3';

/** Stream values that are not table indices (which are never negative). */
export const NULL = -1;
export const ABSENT = -2;

/** The enums in the streams, by position in these lists: encoder and decoder use the same ones. */
export const ENUMS = {
  source: DECISION_SOURCES,
  kind: DECISION_KINDS,
  signalKind: SIGNAL_KINDS,
  status: DECISION_STATUSES,
  involvement: INVOLVEMENTS,
  role: EVIDENCE_ROLES,
  evidenceSource: EVIDENCE_SOURCES,
  forgeAction: FORGE_ACTIONS,
  busFactorReason: BUS_FACTOR_REASONS,
  dateSource: DATE_SOURCES,
  teamRole: TEAM_ROLES,
  recordChange: RECORD_CHANGE_KINDS,
} as const;

/**
 * An array whose every item passes `test`: one plain loop. z.array(z.number()) gives
 * the same answer but runs a schema per item, 40–130 ms over the half a million
 * stream items of a 10,000-decision report in the browser (jitless, cold).
 */
function flatArray<T>(test: (item: unknown) => item is T, what: string): z.ZodType<T[]> {
  return z.custom<T[]>((value) => Array.isArray(value) && value.every(test), `an array of ${what}`);
}

const isString = (item: unknown): item is string => typeof item === 'string';
const isNumber = (item: unknown): item is number => typeof item === 'number' && Number.isFinite(item);
// The streams hold integers only (other numbers sit in the number table), so the
// browser parses them into small-integer arrays and reads them without boxing.
const isInteger = (item: unknown): item is number => Number.isInteger(item);

export const compactReportSchema = z.object({
  format: z.literal(COMPACT_REPORT_FORMAT),
  report: reportSchema.omit({ people: true, decisions: true, insights: true }),
  insights: insightsSchema.omit({ busFactor: true }).optional(),
  strings: flatArray(isString, 'strings'),
  numbers: flatArray(isNumber, 'numbers'),
  people: flatArray(isInteger, 'integers'),
  decisions: flatArray(isInteger, 'integers'),
  /** Empty when the report has no insights. */
  busFactor: flatArray(isInteger, 'integers'),
});
export type CompactReport = z.infer<typeof compactReportSchema>;

/** The string and number tables being built: each value once, in the order first met. */
class Tables {
  // Map keys compare with SameValueZero: -0 shares 0's entry, as JSON would write it anyway.
  readonly strings = new Map<string, number>();
  readonly numbers = new Map<number, number>();

  static index<T>(table: Map<T, number>, value: T): number {
    let index = table.get(value);
    if (index === undefined) {
      index = table.size;
      table.set(value, index);
    }
    return index;
  }
}

/** One stream being written: integers as they are, strings and numbers as their indices in the tables. */
class Tokens {
  readonly items: number[] = [];

  constructor(private readonly tables: Tables) {}

  number(value: number): void {
    this.items.push(Tables.index(this.tables.numbers, value));
  }

  string(value: string): void {
    this.items.push(Tables.index(this.tables.strings, value));
  }

  nullableString(value: string | null): void {
    if (value === null) this.items.push(NULL);
    else this.string(value);
  }

  optionalString(value: string | null | undefined): void {
    if (value === undefined) this.items.push(ABSENT);
    else this.nullableString(value);
  }

  nullableNumber(value: number | null): void {
    if (value === null) this.items.push(NULL);
    else this.number(value);
  }

  boolean(value: boolean): void {
    this.items.push(value ? 1 : 0);
  }

  oneOf<T>(values: readonly T[], value: T): void {
    this.items.push(values.indexOf(value));
  }

  optionalOneOf<T>(values: readonly T[], value: T | undefined): void {
    this.items.push(value === undefined ? ABSENT : values.indexOf(value));
  }

  /** The length, then each item. */
  list<T>(items: readonly T[], write: (item: T) => void): void {
    this.items.push(items.length);
    for (const item of items) write(item);
  }

  optionalList<T>(items: readonly T[] | undefined, write: (item: T) => void): void {
    if (items === undefined) this.items.push(ABSENT);
    else this.list(items, write);
  }

  strings(items: readonly string[]): void {
    this.list(items, (item) => this.string(item));
  }
}

function writePerson(out: Tokens, person: Person): void {
  out.string(person.id);
  out.string(person.name);
  out.strings(person.emails);
  out.strings(person.aliases);
  out.boolean(person.isLeader);
  out.boolean(person.isBot);
  out.optionalString(person.lastActive);
  out.optionalList(person.seenAs, (alias) => out.string(alias));
  out.optionalList(person.mergedBecause, (reason) => out.string(reason));
}

function writeEvidence(out: Tokens, evidence: Evidence): void {
  out.string(evidence.person);
  out.oneOf(ENUMS.role, evidence.role);
  out.oneOf(ENUMS.evidenceSource, evidence.source);
  out.string(evidence.ref);
  out.boolean(evidence.inferred);
  out.optionalOneOf(ENUMS.involvement, evidence.level);
  out.optionalOneOf(ENUMS.forgeAction, evidence.action);
  out.optionalOneOf(ENUMS.recordChange, evidence.change);
}

function writeDecision(out: Tokens, decision: Decision): void {
  out.string(decision.id);
  out.oneOf(ENUMS.source, decision.source);
  out.oneOf(ENUMS.kind, decision.kind);
  out.string(decision.title);
  out.nullableString(decision.path);
  out.nullableNumber(decision.number);
  out.oneOf(ENUMS.status, decision.status);
  out.string(decision.statusText);
  out.nullableString(decision.date);
  out.string(decision.area);
  out.strings(decision.decisionMakers);
  out.strings(decision.consulted);
  out.strings(decision.informed);
  out.oneOf(ENUMS.involvement, decision.involvement);
  out.optionalList(decision.involvementByLeader && Object.entries(decision.involvementByLeader), ([person, level]) => {
    out.string(person);
    out.oneOf(ENUMS.involvement, level);
  });
  out.list(decision.evidence, (evidence) => writeEvidence(out, evidence));
  out.strings(decision.commits);
  out.nullableString(decision.pr);
  out.strings(decision.supersedes);
  out.strings(decision.supersededBy);
  out.number(decision.weight);
  out.optionalList(decision.files, (file) => out.string(file));
  out.optionalList(decision.tags, (tag) => out.string(tag));
  out.optionalString(decision.summary);
  out.boolean(decision.counted);
  out.nullableString(decision.notCountedReason);
  out.list(decision.kinds, (kind) => out.oneOf(ENUMS.signalKind, kind));
  out.optionalList(decision.findings, (finding) => out.string(finding));
  out.optionalOneOf(ENUMS.dateSource, decision.dateSource);
  out.optionalList(decision.teams, (team) => {
    out.string(team.name);
    out.oneOf(ENUMS.teamRole, team.role);
  });
}

function writeRisk(out: Tokens, risk: BusFactorRisk): void {
  out.string(risk.decision);
  out.strings(risk.people);
  out.oneOf(ENUMS.busFactorReason, risk.reason);
}

/** The compact form of a report, for the map app (`decodeReport` in src/webview/decode-report.ts reads it back). */
export function encodeReport(report: Report): CompactReport {
  const { people, decisions, insights, ...rest } = report;
  const tables = new Tables();
  const peopleOut = new Tokens(tables);
  for (const person of people) writePerson(peopleOut, person);
  const decisionsOut = new Tokens(tables);
  for (const decision of decisions) writeDecision(decisionsOut, decision);
  const risksOut = new Tokens(tables);
  for (const risk of insights?.busFactor ?? []) writeRisk(risksOut, risk);
  const compact: CompactReport = {
    format: COMPACT_REPORT_FORMAT, report: rest, strings: [...tables.strings.keys()], numbers: [...tables.numbers.keys()],
    people: peopleOut.items, decisions: decisionsOut.items, busFactor: risksOut.items,
  };
  if (insights) compact.insights = { breadthByQuarter: insights.breadthByQuarter, drift: insights.drift, suggestedLeaders: insights.suggestedLeaders };
  return compact;
}
