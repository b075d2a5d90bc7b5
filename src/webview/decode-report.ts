// The map's way in for a report: the compact form of src/core/model/compact-report.ts
// (zod checks its shape: flat arrays, cheap) read back into the `Report` the app
// renders. The reading is total: an index out of its table, a length past the end
// of its stream, a stream cut short or left over, all give `undefined`, never a
// throw, since the data comes from a file anyone can edit.
import { ABSENT, compactReportSchema, ENUMS, NULL, type CompactReport } from '../core/model/compact-report';
import type { BusFactorRisk, Decision, Evidence, Involvement, Person, Report } from '../core/model/report';

export const INVALID_EMBEDDED_REPORT = 'The embedded report is not a valid decision-orbit/v2 report.';

/** Thrown inside the reader only; `decodeReport` turns it into `undefined`. */
class Malformed extends Error {}

/** values[index], for an index read from a stream: negative, fractional or too large fails. */
function pick<T>(values: readonly T[], index: number): T {
  const value = values[index];
  if (value === undefined) throw new Malformed();
  return value;
}

class Reader {
  private at = 0;

  constructor(private readonly stream: readonly number[], private readonly table: readonly string[], private readonly numbers: readonly number[]) {}

  get done(): boolean {
    return this.at >= this.stream.length;
  }

  private next(): number {
    const value = this.stream[this.at];
    if (value === undefined) throw new Malformed();
    this.at += 1;
    return value;
  }

  // The sentinels are negative, so where one is not allowed `pick` rejects it.
  string(): string {
    return pick(this.table, this.next());
  }

  nullableString(): string | null {
    const index = this.next();
    return index === NULL ? null : pick(this.table, index);
  }

  optionalString(): string | undefined {
    const index = this.next();
    return index === ABSENT ? undefined : pick(this.table, index);
  }

  optionalNullableString(): string | null | undefined {
    const index = this.next();
    return index === ABSENT ? undefined : index === NULL ? null : pick(this.table, index);
  }

  oneOf<T>(values: readonly T[]): T {
    return pick(values, this.next());
  }

  optionalOneOf<T>(values: readonly T[]): T | undefined {
    const index = this.next();
    return index === ABSENT ? undefined : pick(values, index);
  }

  boolean(): boolean {
    return pick(BOOLEANS, this.next());
  }

  number(): number {
    return pick(this.numbers, this.next());
  }

  nullableNumber(): number | null {
    const index = this.next();
    return index === NULL ? null : pick(this.numbers, index);
  }

  list<T>(read: () => T): T[] {
    return this.items(this.next(), read);
  }

  optionalList<T>(read: () => T): T[] | undefined {
    const length = this.next();
    return length === ABSENT ? undefined : this.items(length, read);
  }

  strings(): string[] {
    return this.stringsOf(this.length(this.next()));
  }

  optionalStrings(): string[] | undefined {
    const length = this.next();
    return length === ABSENT ? undefined : this.stringsOf(this.length(length));
  }

  /** Every item takes at least one number, so a length beyond the rest of the stream is a lie. */
  private length(value: number): number {
    if (!Number.isInteger(value) || value < 0 || value > this.stream.length - this.at) throw new Malformed();
    return value;
  }

  private stringsOf(length: number): string[] {
    const items: string[] = [];
    for (let i = 0; i < length; i += 1) items.push(this.string());
    return items;
  }

  private items<T>(length: number, read: () => T): T[] {
    const count = this.length(length);
    const items: T[] = [];
    for (let i = 0; i < count; i += 1) items.push(read());
    return items;
  }
}

const BOOLEANS = [false, true] as const;

// Each reader reads its fields in the order the encoder wrote them, which is the
// schema's. Optional fields are assigned after the literal, only when present, so
// a decoded report has the keys the encoded one had; their order is the schema's
// but for `involvementByLeader`, which lands after `weight`. (A conditional spread
// in the middle of the literal keeps the order, but decoded the 10,000-decision
// report 30 ms slower in Chromium.)
function readPerson(read: Reader): Person {
  const person: Person = {
    id: read.string(), name: read.string(), emails: read.strings(), aliases: read.strings(), isLeader: read.boolean(), isBot: read.boolean(),
  };
  const lastActive = read.optionalNullableString();
  if (lastActive !== undefined) person.lastActive = lastActive;
  const seenAs = read.optionalStrings();
  if (seenAs !== undefined) person.seenAs = seenAs;
  const mergedBecause = read.optionalStrings();
  if (mergedBecause !== undefined) person.mergedBecause = mergedBecause;
  return person;
}

function readEvidence(read: Reader): Evidence {
  const evidence: Evidence = {
    person: read.string(), role: read.oneOf(ENUMS.role), source: read.oneOf(ENUMS.evidenceSource), ref: read.string(), inferred: read.boolean(),
  };
  const level = read.optionalOneOf(ENUMS.involvement);
  if (level !== undefined) evidence.level = level;
  const action = read.optionalOneOf(ENUMS.forgeAction);
  if (action !== undefined) evidence.action = action;
  const change = read.optionalOneOf(ENUMS.recordChange);
  if (change !== undefined) evidence.change = change;
  return evidence;
}

/** Person id → level; built with fromEntries so a key such as `__proto__` stays a plain key. */
function readLevels(read: Reader): Record<string, Involvement> | undefined {
  const pairs = read.optionalList((): [string, Involvement] => [read.string(), read.oneOf(ENUMS.involvement)]);
  return pairs && Object.fromEntries(pairs);
}

function readDecision(read: Reader): Decision {
  const id = read.string();
  const source = read.oneOf(ENUMS.source);
  const kind = read.oneOf(ENUMS.kind);
  const title = read.string();
  const path = read.nullableString();
  const number = read.nullableNumber();
  const status = read.oneOf(ENUMS.status);
  const statusText = read.string();
  const date = read.nullableString();
  const area = read.string();
  const decisionMakers = read.strings();
  const consulted = read.strings();
  const informed = read.strings();
  const involvement = read.oneOf(ENUMS.involvement);
  const involvementByLeader = readLevels(read);
  const decision: Decision = {
    id, source, kind, title, path, number, status, statusText, date, area, decisionMakers, consulted, informed, involvement,
    evidence: read.list(() => readEvidence(read)),
    commits: read.strings(),
    pr: read.nullableString(),
    supersedes: read.strings(),
    supersededBy: read.strings(),
    weight: read.number(),
    counted: false,
    notCountedReason: null,
    kinds: [],
  };
  if (involvementByLeader !== undefined) decision.involvementByLeader = involvementByLeader;
  const files = read.optionalStrings();
  if (files !== undefined) decision.files = files;
  const tags = read.optionalStrings();
  if (tags !== undefined) decision.tags = tags;
  const summary = read.optionalString();
  if (summary !== undefined) decision.summary = summary;
  decision.counted = read.boolean();
  decision.notCountedReason = read.nullableString();
  decision.kinds = read.list(() => read.oneOf(ENUMS.signalKind));
  const findings = read.optionalStrings();
  if (findings !== undefined) decision.findings = findings;
  const dateSource = read.optionalOneOf(ENUMS.dateSource);
  if (dateSource !== undefined) decision.dateSource = dateSource;
  const teams = read.optionalList(() => ({ name: read.string(), role: read.oneOf(ENUMS.teamRole) }));
  if (teams !== undefined) decision.teams = teams;
  return decision;
}

function readRisk(read: Reader): BusFactorRisk {
  return { decision: read.string(), people: read.strings(), reason: read.oneOf(ENUMS.busFactorReason) };
}

function readAll<T>(compact: CompactReport, stream: readonly number[], read: (reader: Reader) => T): T[] {
  const reader = new Reader(stream, compact.strings, compact.numbers);
  const items: T[] = [];
  while (!reader.done) items.push(read(reader));
  return items;
}

/** The report a zod-checked compact form stands for, or undefined when its streams do not read as one. */
export function decodeReport(compact: CompactReport): Report | undefined {
  try {
    const people = readAll(compact, compact.people, readPerson);
    const decisions = readAll(compact, compact.decisions, readDecision);
    const busFactor = readAll(compact, compact.busFactor, readRisk);
    if (!compact.insights && busFactor.length > 0) return undefined;
    const { schema, repository, leadership, zone, warnings } = compact.report;
    const insights = compact.insights && { breadthByQuarter: compact.insights.breadthByQuarter, busFactor, drift: compact.insights.drift, suggestedLeaders: compact.insights.suggestedLeaders };
    return { schema, repository, leadership, people, decisions, zone, ...(insights ? { insights } : {}), warnings };
  } catch (error) {
    if (error instanceof Malformed) return undefined;
    // Nothing in a zod-checked compact form can make the reader throw anything else: that would be a bug here.
    throw error;
  }
}

/** The report in a page's JSON block (text as the page holds it), or undefined for anything else. */
export function readEmbeddedReport(text: string): Report | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  const compact = compactReportSchema.safeParse(data);
  return compact.success ? decodeReport(compact.data) : undefined;
}
