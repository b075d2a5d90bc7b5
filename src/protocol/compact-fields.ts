// The one field table of each record in the compact report: for every field, in
// stream order, the codec that writes it and reads it back. The encoder and the
// decoder both walk these tables, so their order cannot drift apart, and the
// tables are typed against the report model: a field added to a Person, an
// Evidence, a Decision or a BusFactorRisk without a codec here fails to compile.
import {
  BUS_FACTOR_REASONS, DECISION_KINDS, DECISION_SOURCES, DECISION_STATUSES, EVIDENCE_ROLES, EVIDENCE_SOURCES, FORGE_ACTIONS, INVOLVEMENTS,
  RECORD_CHANGE_KINDS, SIGNAL_KINDS,
  type BusFactorRisk, type Decision, type Evidence, type Involvement, type Person,
} from '../core/model/report';
import { ABSENT, NULL, pick, type Reader, type Sink } from './compact-streams';

export interface Codec<T> {
  write(out: Sink, value: T): void;
  read(input: Reader): T;
}

const BOOLEANS = [false, true] as const;

// The sentinels are negative, so where one is not allowed `pick` rejects it.
const string: Codec<string> = {
  write: (out, value) => out.string(value),
  read: (input) => input.string(),
};

const number: Codec<number> = {
  write: (out, value) => out.number(value),
  read: (input) => input.number(),
};

const boolean: Codec<boolean> = {
  write: (out, value) => out.integer(value ? 1 : 0),
  read: (input) => pick(BOOLEANS, input.next()),
};

/** An enum as its position in `values`, which encoder and decoder share. */
function oneOf<T>(values: readonly T[]): Codec<T> {
  return {
    write: (out, value) => out.integer(values.indexOf(value)),
    read: (input) => pick(values, input.next()),
  };
}

function nullable<T>(codec: Codec<T>): Codec<T | null> {
  return {
    write: (out, value) => (value === null ? out.integer(NULL) : codec.write(out, value)),
    read: (input) => (input.skip(NULL) ? null : codec.read(input)),
  };
}

/** A field that may be missing: ABSENT in the stream, no key in the decoded record. */
function optional<T>(codec: Codec<T>): Codec<T | undefined> {
  return {
    write: (out, value) => (value === undefined ? out.integer(ABSENT) : codec.write(out, value)),
    read: (input) => (input.skip(ABSENT) ? undefined : codec.read(input)),
  };
}

/** The length, then each item. */
function list<T>(codec: Codec<T>): Codec<T[]> {
  return {
    write(out, items) {
      out.integer(items.length);
      for (const item of items) codec.write(out, item);
    },
    read(input) {
      // Sized up front: a pushed-to empty array takes room for 17 items, and the
      // 80,000 short lists of a 10,000-decision report are most of what the
      // decoding allocates before the first frame.
      const count = input.length();
      const items = new Array<T>(count);
      for (let i = 0; i < count; i += 1) items[i] = codec.read(input);
      return items;
    },
  };
}

/**
 * A field no part of the map shows (a signal's findings, a record's tags and
 * teams, a date's source, a person's last activity and how their identities were
 * joined): not carried, so the decoded record has no such key. The map's page
 * is not the report; `decision-orbit --json` is. Findings alone were a fifth of a
 * real repository's page.
 */
function leftOut<T>(): Codec<T | undefined> {
  return { write: () => undefined, read: () => undefined };
}

type FieldTable<T> = { readonly [K in keyof T]-?: Codec<T[K]> };

/** A record as its fields in table order; a decoded record has only the keys the encoded one had. */
export function record<T extends object>(table: FieldTable<T>): Codec<T> {
  // Plain indexed loops: this runs once per field of ten thousand decisions before the map's first frame.
  const keys = Object.keys(table) as Array<keyof T & string>;
  const codecs = keys.map((key) => table[key] as Codec<unknown>);
  const count = keys.length;
  return {
    write(out, value) {
      for (let i = 0; i < count; i += 1) (codecs[i] as Codec<unknown>).write(out, value[keys[i] as keyof T]);
    },
    read(input) {
      const value: Record<string, unknown> = {};
      for (let i = 0; i < count; i += 1) {
        const field = (codecs[i] as Codec<unknown>).read(input);
        if (field !== undefined) value[keys[i] as string] = field;
      }
      return value as T;
    },
  };
}

const strings = list(string);

const involvement = oneOf(INVOLVEMENTS);
const pairs = list<[string, Involvement]>({
  write(out, [person, level]) {
    string.write(out, person);
    involvement.write(out, level);
  },
  read: (input) => [string.read(input), involvement.read(input)],
});

/** Person id → level, as pairs; built with fromEntries so a key such as `__proto__` stays a plain key. */
const levels: Codec<Record<string, Involvement>> = {
  write: (out, value) => pairs.write(out, Object.entries(value)),
  read: (input) => Object.fromEntries(pairs.read(input)),
};

export const PERSON = record<Person>({
  id: string,
  name: string,
  emails: strings,
  aliases: strings,
  isLeader: boolean,
  isBot: boolean,
  lastActive: leftOut(),
  seenAs: leftOut(),
  mergedBecause: leftOut(),
});

export const EVIDENCE = record<Evidence>({
  person: string,
  role: oneOf(EVIDENCE_ROLES),
  source: oneOf(EVIDENCE_SOURCES),
  ref: string,
  inferred: boolean,
  level: optional(involvement),
  action: optional(oneOf(FORGE_ACTIONS)),
  change: optional(oneOf(RECORD_CHANGE_KINDS)),
});

export const DECISION = record<Decision>({
  id: string,
  source: oneOf(DECISION_SOURCES),
  kind: oneOf(DECISION_KINDS),
  title: string,
  path: nullable(string),
  number: nullable(number),
  status: oneOf(DECISION_STATUSES),
  statusText: string,
  date: nullable(string),
  area: string,
  decisionMakers: strings,
  consulted: strings,
  informed: strings,
  involvement,
  involvementByLeader: optional(levels),
  evidence: list(EVIDENCE),
  commits: strings,
  pr: nullable(string),
  supersedes: strings,
  supersededBy: strings,
  weight: number,
  files: optional(strings),
  tags: leftOut(),
  summary: optional(string),
  counted: boolean,
  notCountedReason: nullable(string),
  kinds: list(oneOf(SIGNAL_KINDS)),
  findings: leftOut(),
  dateSource: leftOut(),
  teams: leftOut(),
});

export const BUS_FACTOR_RISK = record<BusFactorRisk>({
  decision: string,
  people: strings,
  reason: oneOf(BUS_FACTOR_REASONS),
});

/** Every record of a stream, to its end. */
export function readAll<T>(input: Reader, codec: Codec<T>): T[] {
  const items: T[] = [];
  while (!input.done) items.push(codec.read(input));
  return items;
}
