// Decisions kept between analyses (the extension's refreshes): thousands of them,
// of which a refresh after one commit changes a handful. Both kinds are rebuilt
// from what they depend on; a kept decision is reused, the same object, only when
// all of it is what it was.
//
// A signal decision is reused when its unit (the same object: SignalUnitBuilder
// keeps a unit whose groups did not change), its PR record and the people its
// witnesses name are what they were. Its witnesses are named again, in the order a
// fresh build names them, so the resolver ends in the state a fresh analysis leaves
// it in; or, when the analysis stands where it stood when they were last named (the
// same resolver log before them), that naming is replayed from the log: the same
// witnesses then name the same people.
//
// A record's decision is reused when the parsed record, the commits that touched
// it, the signal units that joined it, its PR, its links and the evidence
// (named again every time, like the witnesses) with its people's bot and
// assistant flags are what they were.
import type { ParsedAdr } from '../model/adr';
import type { PullRequest } from '../model/history';
import type { Decision } from '../model/report';
import type { ToolClass } from '../people/bots';
import type { SignalUnit } from '../signals/units';
import type { AdrPeople, Witness } from './evidence';
import type { LogStretch } from './memo-resolver';

export interface RememberedDecision {
  pullRequest: PullRequest | undefined;
  witnesses: readonly Witness[];
  /** The person each witness named, and whether that person was a bot or an assistant, when the decision was built. */
  people: readonly string[];
  tools: ReadonlyArray<ToolClass | null>;
  decision: Decision;
  /** The resolver's log where the witnesses were last named, and what naming them asked first. */
  named?: LogStretch;
}

export interface RememberedRecordDecision {
  /** The parsed record: any field of it may reach the decision. */
  record: ParsedAdr;
  commits: readonly string[];
  joined: readonly SignalUnit[];
  pr: string | null;
  supersedes: readonly string[];
  supersededBy: readonly string[];
  found: AdrPeople;
  /** Whether each evidence item's person was a bot or an assistant. */
  tools: ReadonlyArray<ToolClass | null>;
  decision: Decision;
}

export interface DecisionMemoCounts {
  /** Decisions built anew in the last build, by source. */
  records: number;
  signals: number;
}

export class DecisionMemo {
  private fingerprint: string | undefined;
  private signals = new WeakMap<SignalUnit, RememberedDecision>();
  private records = new Map<string, RememberedRecordDecision>();
  /** What the last build made anew, for tests and benches. */
  built: DecisionMemoCounts = { records: 0, signals: 0 };

  /** Starts a build: forgets every decision when what they all share (roster, areas, weights, review keys) changed. */
  begin(fingerprint: string): void {
    this.built = { records: 0, signals: 0 };
    if (fingerprint === this.fingerprint) return;
    this.fingerprint = fingerprint;
    this.signals = new WeakMap();
    this.records = new Map();
  }

  signal(unit: SignalUnit): RememberedDecision | undefined {
    return this.signals.get(unit);
  }

  keepSignal(unit: SignalUnit, entry: RememberedDecision): void {
    this.built.signals += 1;
    this.signals.set(unit, entry);
  }

  record(path: string): RememberedRecordDecision | undefined {
    return this.records.get(path);
  }

  keepRecord(path: string, entry: RememberedRecordDecision): void {
    this.built.records += 1;
    this.records.set(path, entry);
  }

  /** Forgets the records no longer read (deleted or moved). */
  keepOnlyRecords(paths: ReadonlySet<string>): void {
    for (const path of this.records.keys()) if (!paths.has(path)) this.records.delete(path);
  }
}
