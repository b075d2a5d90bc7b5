// Decisions out of ADRs and git signals, each with its evidence and involvement.
// Signal changes inside an ADR's PR join that record instead of standing alone.
import type { FileHistory } from '../git/file-history';
import type { ParsedAdr } from '../model/adr';
import type { KeptCommit, PullRequest } from '../model/history';
import type { Decision, Evidence, SignalKind } from '../model/report';
import type { SignalGroup } from '../signals/detect';
import { unitOfCommit } from '../rules/decision-rules';
import { type AreaRules, areaOfAdr, areaOfPaths } from './areas';
import { codeUnitOrder, collatedSort } from '../util/collated-sort';
import { adrEvidence, type EvidenceContext, signalWitnesses, witnessEvidence, witnessPeople } from './evidence';
import { decisionInvolvement, type InvolvementPeople } from './involvement';
import type { SignalDecisionMemo } from './signal-decision-memo';

export interface BuildDecisionsInput {
  adrs: readonly ParsedAdr[];
  fileHistories: ReadonlyMap<string, FileHistory>;
  signals: readonly SignalGroup[];
  evidence: EvidenceContext;
  people: InvolvementPeople;
  areas: AreaRules;
  adrWeight: number;
  signalWeight: (kind: SignalKind) => number;
  /** Signal decisions of the previous build, kept by a long-lived host. */
  memo?: SignalDecisionMemo;
}

const KIND_LABELS: Record<SignalKind, string> = {
  dependency: 'Dependencies',
  infrastructure: 'Infrastructure',
  ci: 'CI',
  data: 'Data schema',
  architecture: 'New module',
  ownership: 'Ownership',
};

export const adrDecisionId = (path: string): string => `adr:${path}`;

function deciders(evidence: readonly Evidence[]): string[] {
  const people: string[] = [];
  for (const item of evidence) if (item.level === 'decided' && !people.includes(item.person)) people.push(item.person);
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
    for (const sha of history.commits) {
      const { unit } = unitOfCommit(input.evidence.index.history, sha);
      const target = sha === history.added ? added : edited;
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

const SIGNAL_KINDS = Object.keys(KIND_LABELS) as SignalKind[];

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

function newSignalDecision(group: SignalGroup, evidence: Evidence[], prRecord: PullRequest | undefined, input: BuildDecisionsInput): Decision {
  const first = commitOf(input, group.commits[0]);
  const landed = commitOf(input, prRecord?.mergeCommit) ?? commitOf(input, group.commits[group.commits.length - 1]);
  const statusText = group.pr === null ? 'committed' : 'merged';
  const { involvement, involvementByLeader } = decisionInvolvement({ status: 'accepted', statusText, evidence }, input.people);
  // One literal without spreads, so every one of thousands shares one shape.
  return {
    id: `git:${group.unit}:${group.kind}`,
    source: 'git',
    kind: group.kind,
    title: `${KIND_LABELS[group.kind]}: ${first?.subject || group.files.join(', ')}`,
    path: group.files[0] ?? null,
    number: null,
    status: 'accepted',
    statusText,
    date: dayOf(landed?.committerDate),
    area: areaOfPaths(group.files, input.areas),
    decisionMakers: deciders(evidence),
    consulted: [],
    informed: [],
    evidence,
    commits: group.commits,
    pr: group.pr,
    supersedes: [],
    supersededBy: [],
    weight: input.signalWeight(group.kind),
    files: group.files,
    involvement,
    involvementByLeader,
  };
}

/** A standalone signal's decision: the remembered one when nothing it depends on changed. */
function signalDecision(group: SignalGroup, input: BuildDecisionsInput): Decision {
  const prRecord = group.pr === null ? undefined : input.evidence.index.pullRequest(group.pr);
  const known = input.memo?.get(group);
  const same = known && known.pullRequest === prRecord ? known : undefined;
  const witnesses = same?.witnesses ?? signalWitnesses(group.commits, input.evidence);
  const people = witnessPeople(witnesses, input.evidence.resolver);
  const bots = people.map((person) => input.people.isBot(person));
  // The same witnesses naming the same people give the same evidence, so the same decision.
  if (same && sameList(same.people, people) && sameList(same.bots, bots)) return same.decision;
  const decision = newSignalDecision(group, witnessEvidence(witnesses, people), prRecord, input);
  input.memo?.set(group, { pullRequest: prRecord, witnesses, people, bots, decision });
  return decision;
}

export function buildDecisions(input: BuildDecisionsInput): Decision[] {
  const ownerOfUnit = adrByUnit(input);
  const joined = new Map<string, SignalGroup[]>();
  const standalone: SignalGroup[] = [];
  for (const group of input.signals) {
    const adrPath = ownerOfUnit.get(group.unit);
    if (adrPath === undefined) standalone.push(group);
    else {
      const groups = joined.get(adrPath);
      if (groups) groups.push(group);
      else joined.set(adrPath, [group]);
    }
  }
  const { supersedes, supersededBy } = links(input.adrs);

  const adrDecisions = input.adrs.map((adr): Decision => {
    const history = input.fileHistories.get(adr.path);
    const joinedGroups = joined.get(adr.path) ?? [];
    const joinedCommits = [...new Set(joinedGroups.flatMap((g) => g.commits))];
    const people = adrEvidence({ adr, fileHistory: history, joinedCommits }, input.evidence);
    const added = commitOf(input, history?.added);
    const pr = added ? input.evidence.index.history.prOfCommit.get(added.sha) ?? null : null;
    return {
      id: adrDecisionId(adr.path),
      source: 'adr',
      kind: 'adr',
      title: adr.title,
      path: adr.path,
      number: adr.number,
      status: adr.status,
      statusText: adr.statusText,
      date: adr.date ?? dayOf(added?.authorDate),
      area: areaOfAdr(adr, input.areas),
      ...people,
      commits: [...new Set([...(history?.commits ?? []), ...joinedCommits])],
      pr,
      supersedes: ids(supersedes.get(adr.path)),
      supersededBy: ids(supersededBy.get(adr.path)),
      weight: input.adrWeight,
      files: [...new Set(joinedGroups.flatMap((g) => g.files))].sort(),
      tags: adr.tags,
      ...(adr.summary ? { summary: adr.summary } : {}),
      ...decisionInvolvement({ status: adr.status, statusText: adr.statusText, evidence: people.evidence }, input.people),
    };
  });

  input.memo?.begin(JSON.stringify([
    input.people.leaders, input.areas, SIGNAL_KINDS.map(input.signalWeight), input.evidence.reviewTrailers,
  ]));
  const signalDecisions = standalone.map((group) => signalDecision(group, input));

  // Dates are all YYYY-MM-DD, so code-unit order is their order; ids keep locale order.
  const collator = new Intl.Collator();
  const byDate = (a: Decision, b: Decision): number => (a.date === null ? 1 : b.date === null ? -1 : a.date < b.date ? -1 : 1);
  return collatedSort(
    [...adrDecisions, ...signalDecisions],
    (a, b) => (a.date !== b.date ? byDate(a, b) : collator.compare(a.id, b.id)),
    (a, b) => (a.date !== b.date ? byDate(a, b) : codeUnitOrder(a.id, b.id)),
  );
}
