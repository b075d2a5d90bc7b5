// Decisions out of ADRs and git signals, each with its evidence and involvement.
// Signal changes inside an ADR's PR join that record instead of standing alone.
import type { FileHistory } from '../git/file-history';
import type { ParsedAdr } from '../model/adr';
import type { KeptCommit, PullRequest } from '../model/history';
import type { Decision, Evidence, SignalKind } from '../model/report';
import type { ToolClass } from '../people/bots';
import type { SignalUnit } from '../signals/units';
import { commitUnitOf, decideCounting } from '../../rules/decision-rules';
import { type AreaRules, areaOfAdr, areaOfPaths } from './areas';
import { codeUnitOrder, collatedSort } from '../util/collated-sort';
import type { BulkCommits } from './bulk-commits';
import type { RecordChanges } from './record-edits';
import { adrEvidence, type AdrPeople, type EvidenceContext, signalWitnesses, witnessEvidence, witnessPeople } from './evidence';
import { decisionInvolvement, type InvolvementPeople } from './involvement';
import type { DecisionMemo } from './decision-memo';
import type { ReplayingResolver } from './memo-resolver';
import { attributeToolWork, botAuthored, personOnBotCommits, takeInBotCommits, type ToolPeople } from './tool-work';
import { withoutUndoneChanges } from './reverts';

export interface BuildDecisionsInput {
  adrs: readonly ParsedAdr[];
  fileHistories: ReadonlyMap<string, FileHistory>;
  signals: readonly SignalUnit[];
  evidence: EvidenceContext;
  people: InvolvementPeople;
  areas: AreaRules;
  adrWeight: number;
  signalWeight: (kind: SignalKind) => number;
  /** Decisions of the previous build, kept by a long-lived host. */
  memo?: DecisionMemo;
  /** The evidence's resolver, when it can replay a stretch of its askings (the memo's). */
  replay?: ReplayingResolver;
  /** Commits that touched many records at once (bulk-commits.ts). */
  bulk?: BulkCommits;
  /** What later commits changed in each record (record-edits.ts). */
  changes?: RecordChanges;
}

const TEAM_ROLES = { decisionMakers: 'decision-maker', consulted: 'consulted', informed: 'informed' } as const;

export const adrDecisionId = (path: string): string => `adr:${path}`;

/** Who decided it: people only, never the bot whose work a person merged. */
function deciders(evidence: readonly Evidence[], tools: ToolPeople): string[] {
  const people: string[] = [];
  for (const item of evidence) if (item.level === 'decided' && !tools.isBot(item.person) && !people.includes(item.person)) people.push(item.person);
  return people;
}

function dayOf(iso: string | undefined): string | null {
  return iso === undefined ? null : iso.slice(0, 10);
}

/** ADR path by decision unit (PR or direct commit): the unit that added it first, then units that edited it. */
function adrByUnit(input: BuildDecisionsInput): Map<string, string> {
  const added = new Map<string, string>();
  const edited = new Map<string, string>();
  for (const adr of [...input.adrs].sort((a, b) => a.path.localeCompare(b.path))) {
    const history = input.fileHistories.get(adr.path);
    if (!history) continue;
    // A record deleted and added again joins only the units since it came back: the
    // branch merges of its older life (releases, syncs) are no PR of this record.
    const since = history.restored ?? history.added;
    const joinable = history.restored === undefined ? history.commits : history.commits.slice(0, history.commits.indexOf(history.restored) + 1);
    for (const sha of joinable) {
      const { unit } = commitUnitOf(sha, input.evidence.index);
      const target = sha === since ? added : edited;
      if (!target.has(unit)) target.set(unit, adr.path);
    }
  }
  return new Map([...edited, ...added]);
}

function links(adrs: readonly ParsedAdr[]): { supersedes: Map<string, Set<string>>; supersededBy: Map<string, Set<string>> } {
  const supersedes = new Map<string, Set<string>>();
  const supersededBy = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, from: string, to: string): void => {
    map.set(from, (map.get(from) ?? new Set<string>()).add(to));
  };
  for (const adr of adrs) {
    for (const link of adr.links) {
      if (link.resolvedPath === null || link.resolvedPath === adr.path) continue;
      if (link.kind === 'supersedes') {
        add(supersedes, adr.path, link.resolvedPath);
        add(supersededBy, link.resolvedPath, adr.path);
      } else if (link.kind === 'superseded-by') {
        add(supersededBy, adr.path, link.resolvedPath);
        add(supersedes, link.resolvedPath, adr.path);
      }
    }
  }
  return { supersedes, supersededBy };
}

function ids(paths: Set<string> | undefined): string[] {
  return [...(paths ?? [])].sort().map(adrDecisionId);
}

function commitOf(input: BuildDecisionsInput, sha: string | null | undefined): KeptCommit | undefined {
  return sha ? input.evidence.index.commit(sha) : undefined;
}

const SIGNAL_KINDS: readonly SignalKind[] = ['dependency', 'platform', 'infrastructure', 'ci', 'data', 'architecture', 'ownership'];

/**
 * A unit whose files were read and decided nothing, or one that bots authored
 * where what decided it is routine for a bot, whoever merged it: only moves
 * between pre-1.0 versions (ADR 0016), or no choice of version in work no
 * person had a hand in (ADR 0022).
 */
function isMaintenance(unit: SignalUnit, evidence: readonly Evidence[], people: ToolPeople): boolean {
  if (unit.kinds.length === 0) return !unit.unreadable;
  if (!botAuthored(evidence, people)) return false;
  return unit.preReleaseOnly || (!unit.choosesVersion && !personOnBotCommits(evidence, people));
}

function toolOf(person: string, people: ToolPeople): ToolClass | null {
  return people.isBot(person) ? 'bot' : people.isAssistant(person) ? 'assistant' : null;
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

function newSignalDecision(unit: SignalUnit, evidence: Evidence[], maintenance: boolean, prRecord: PullRequest | undefined, input: BuildDecisionsInput): Decision {
  const first = commitOf(input, unit.commits[0]);
  const landed = commitOf(input, prRecord?.mergeCommit) ?? commitOf(input, unit.commits[unit.commits.length - 1]);
  const statusText = prRecord === undefined ? 'committed' : 'merged';
  const kinds = maintenance || unit.kinds.length === 0 ? unit.touched : unit.kinds;
  const kind = kinds[0] ?? 'dependency';
  const weight = input.signalWeight(kind);
  const { involvement, involvementByLeader } = decisionInvolvement({ status: 'accepted', statusText, evidence, maintenance }, input.people);
  const counting = decideCounting({ involvement, weight, maintenance, unreadable: unit.kinds.length === 0 && unit.unreadable });
  // One literal without spreads, so every one of thousands shares one shape.
  return {
    id: `git:${unit.unit}`,
    source: 'git',
    kind,
    title: prRecord?.title || first?.subject || unit.files.join(', '),
    path: unit.files[0] ?? null,
    number: null,
    status: 'accepted',
    statusText,
    date: dayOf(landed?.committerDate),
    area: areaOfPaths(unit.files, input.areas),
    decisionMakers: deciders(evidence, input.people),
    consulted: [],
    informed: [],
    evidence,
    commits: unit.commits,
    pr: unit.pr,
    supersedes: [],
    supersededBy: [],
    weight,
    files: unit.files,
    involvement,
    involvementByLeader,
    counted: counting.counted,
    notCountedReason: counting.notCountedReason,
    kinds,
    findings: unit.findings,
  };
}

/** A standalone unit's decision: the remembered one when nothing it depends on changed. */
function signalDecision(unit: SignalUnit, input: BuildDecisionsInput): Decision {
  const prRecord = input.evidence.index.pullRequestOf(unit.commits[0] ?? '');
  const known = input.memo?.signal(unit);
  const same = known && known.pullRequest === prRecord ? known : undefined;
  // The same witnesses asked at the same point of the same log name the same people.
  if (same?.named && input.replay?.replay(same.named)) return same.decision;
  const mark = input.replay?.mark();
  const witnesses = same?.witnesses ?? signalWitnesses(unit.commits, input.evidence);
  const people = witnessPeople(witnesses, input.evidence.resolver);
  const tools = people.map((person) => toolOf(person, input.people));
  const named = mark && input.replay?.since(mark);
  // The same witnesses naming the same people give the same evidence, so the same decision.
  if (same && sameList(same.people, people) && sameList(same.tools, tools)) {
    same.named = named;
    return same.decision;
  }
  const witnessed = takeInBotCommits(witnessEvidence(witnesses, people), input.people);
  const maintenance = isMaintenance(unit, witnessed, input.people);
  const evidence = attributeToolWork(witnessed, input.people, { git: true, maintenance });
  const decision = newSignalDecision(unit, evidence, maintenance, prRecord, input);
  input.memo?.keepSignal(unit, { pullRequest: prRecord, witnesses, people, tools, decision, named });
  return decision;
}

/** An ADR's people without assistants, whose work is their driver's. */
function humansOf(found: AdrPeople, people: ToolPeople): AdrPeople {
  const human = (id: string): boolean => !people.isAssistant(id);
  return {
    decisionMakers: found.decisionMakers.filter(human),
    consulted: found.consulted.filter(human),
    informed: found.informed.filter(human),
    evidence: attributeToolWork(found.evidence, people, { git: false }),
  };
}

function sameEvidence(a: readonly Evidence[], b: readonly Evidence[]): boolean {
  return a.length === b.length && a.every((item, i) => {
    const other = b[i];
    return other !== undefined && item.person === other.person && item.role === other.role && item.source === other.source
      && item.ref === other.ref && item.level === other.level && item.inferred === other.inferred && item.change === other.change;
  });
}

function samePeople(a: AdrPeople, b: AdrPeople): boolean {
  return sameList(a.decisionMakers, b.decisionMakers) && sameList(a.consulted, b.consulted) && sameList(a.informed, b.informed) && sameEvidence(a.evidence, b.evidence);
}

/**
 * Every field of the record alike: the parse memo hands back the same parsed
 * fields for the same text, so most compare as the same object; the rest (links,
 * resolved again on every read) by value.
 */
function sameRecord(a: ParsedAdr, b: ParsedAdr): boolean {
  const keys = Object.keys(a) as Array<keyof ParsedAdr>;
  return keys.length === Object.keys(b).length
    && keys.every((key) => a[key] === b[key] || (typeof a[key] === 'object' && JSON.stringify(a[key]) === JSON.stringify(b[key])));
}

interface RecordLinks {
  supersedes: string[];
  supersededBy: string[];
}

/** A record's decision: the remembered one when nothing it depends on changed. */
function recordDecision(adr: ParsedAdr, joinedUnits: readonly SignalUnit[], linked: RecordLinks, input: BuildDecisionsInput): Decision {
  const history = input.fileHistories.get(adr.path);
  const joinedCommits = [...new Set(joinedUnits.flatMap((u) => u.commits))];
  const found = adrEvidence({ adr, fileHistory: history, joinedCommits, bulk: input.bulk, changes: input.changes?.get(adr.path) }, input.evidence);
  const tools = found.evidence.map((item) => toolOf(item.person, input.people));
  const added = commitOf(input, history?.added);
  const pr = added ? input.evidence.index.history.prOfCommit.get(added.sha) ?? null : null;
  const commits = history?.commits ?? [];
  const known = input.memo?.record(adr.path);
  if (known && sameRecord(known.record, adr) && sameList(known.commits, commits) && sameList(known.joined, joinedUnits) && known.pr === pr
    && sameList(known.supersedes, linked.supersedes) && sameList(known.supersededBy, linked.supersededBy)
    && samePeople(known.found, found) && sameList(known.tools, tools)) return known.decision;

  const people = humansOf(found, input.people);
  const involvement = decisionInvolvement({ status: adr.status, statusText: adr.statusText, evidence: people.evidence }, input.people);
  const gitDate = dayOf(added?.authorDate);
  const dateSource = adr.date !== null ? adr.dateSource ?? 'adr-field' : gitDate !== null ? 'git' : undefined;
  const decision: Decision = {
    id: adrDecisionId(adr.path),
    source: 'adr',
    kind: 'adr',
    title: adr.title,
    path: adr.path,
    number: adr.number,
    status: adr.status,
    statusText: adr.statusText,
    date: adr.date ?? gitDate,
    ...(dateSource ? { dateSource } : {}),
    area: areaOfAdr(adr, input.areas),
    ...people,
    ...(adr.teams ? { teams: adr.teams.map((team) => ({ name: team.text, role: TEAM_ROLES[team.field] })) } : {}),
    commits: [...new Set([...commits, ...joinedCommits])],
    pr,
    supersedes: linked.supersedes,
    supersededBy: linked.supersededBy,
    weight: input.adrWeight,
    files: [...new Set(joinedUnits.flatMap((u) => u.files))].sort(),
    tags: adr.tags,
    ...(adr.summary ? { summary: adr.summary } : {}),
    ...involvement,
    ...decideCounting({ involvement: involvement.involvement, weight: input.adrWeight }),
    kinds: [],
  };
  input.memo?.keepRecord(adr.path, { record: adr, commits, joined: joinedUnits, pr, ...linked, found, tools, decision });
  return decision;
}

export function buildDecisions(input: BuildDecisionsInput): Decision[] {
  const ownerOfUnit = adrByUnit(input);
  const joined = new Map<string, SignalUnit[]>();
  const standalone: SignalUnit[] = [];
  for (const unit of input.signals) {
    const adrPath = ownerOfUnit.get(unit.unit);
    if (adrPath === undefined) standalone.push(unit);
    else {
      const units = joined.get(adrPath);
      if (units) units.push(unit);
      else joined.set(adrPath, [unit]);
    }
  }
  const { supersedes, supersededBy } = links(input.adrs);

  input.memo?.begin(JSON.stringify([
    input.people.leaders, input.areas, input.adrWeight, SIGNAL_KINDS.map(input.signalWeight), input.evidence.reviewTrailers,
  ]));
  const adrDecisions = input.adrs.map((adr) => recordDecision(adr, joined.get(adr.path) ?? [], {
    supersedes: ids(supersedes.get(adr.path)), supersededBy: ids(supersededBy.get(adr.path)),
  }, input));
  input.memo?.keepOnlyRecords(new Set(input.adrs.map((adr) => adr.path)));
  const signalDecisions = withoutUndoneChanges(standalone, input.evidence.index).map((unit) => signalDecision(unit, input));

  // Dates are all YYYY-MM-DD, so code-unit order is their order; ids keep locale order.
  const collator = new Intl.Collator();
  const byDate = (a: Decision, b: Decision): number => (a.date === null ? 1 : b.date === null ? -1 : a.date < b.date ? -1 : 1);
  return collatedSort(
    [...adrDecisions, ...signalDecisions],
    (a, b) => (a.date !== b.date ? byDate(a, b) : collator.compare(a.id, b.id)),
    (a, b) => (a.date !== b.date ? byDate(a, b) : codeUnitOrder(a.id, b.id)),
  );
}
