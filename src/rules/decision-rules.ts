// The decision rules every surface shares, in one place: whether a decision counts
// toward the zone and why not, its level for the roster or one leader, and the unit
// of history a git decision stands for. Core weighs the zone and the insights with
// them; the extension and the map read them (or what core computed), never a copy.
// Pure and importing only pure code, so the map's browser bundle can take it too.
import { isTopicMerge, type History, type PullRequest } from '../core/model/history';
import type { Involvement } from '../core/model/report';

/** Levels that place a decision relative to leadership, most involved first. */
export const COUNTED_LEVELS = ['decided', 'consulted', 'informed', 'around'] as const satisfies readonly Involvement[];
export type CountedLevel = (typeof COUNTED_LEVELS)[number];

/**
 * Levels shown but left out of the zone: a proposal not yet decided, work only bots did, a
 * record no evidence ties to anyone (bulk-imported or moved, no fields).
 */
export const NOT_COUNTED_LEVELS = ['pending', 'automated', 'unattributed'] as const satisfies readonly Involvement[];
const notCounted = (level: Involvement): level is NotCountedLevel => (NOT_COUNTED_LEVELS as readonly Involvement[]).includes(level);
type NotCountedLevel = (typeof NOT_COUNTED_LEVELS)[number];

/**
 * Why a decision stays out of the zone and the insights (ARCHITECTURE.md's
 * `notCountedReason`): a proposal, bots' work, a record nobody can be named for
 * (unattributed), a change that decided nothing
 * (maintenance), a git change whose content could not be read (unknown), or a
 * kind weighted 0 in config.
 */
export type NotCountedReason = NotCountedLevel | 'maintenance' | 'unknown' | 'zero-weight';

export interface Countable {
  involvement: Involvement;
  weight: number;
  /** What a report already says; consumers read any reason they do not know as not counted. */
  counted?: boolean;
  notCountedReason?: string | null;
}

export interface CountableChange {
  involvement: Involvement;
  weight: number;
  /** A git change that decided nothing: version bumps, reordering, sizes. */
  maintenance?: boolean;
  /** A git change whose files the object store could not give. */
  unreadable?: boolean;
}

/** Decides it once, when core builds a decision; everything after reads `counted`. */
export function decideCounting(item: CountableChange): { counted: boolean; notCountedReason: NotCountedReason | null } {
  const reason: NotCountedReason | null =
    notCounted(item.involvement) ? item.involvement
      : item.maintenance ? 'maintenance'
        : item.unreadable ? 'unknown'
          : item.weight > 0 ? null : 'zero-weight';
  return { counted: reason === null, notCountedReason: reason };
}

export function notCountedReason(item: Countable): string | null {
  if (item.counted !== undefined) return item.counted ? null : item.notCountedReason ?? 'unknown';
  return decideCounting(item).notCountedReason;
}

export function isCounted(item: Countable): boolean {
  return notCountedReason(item) === null;
}

export interface LevelSource {
  involvement: Involvement;
  involvementByLeader?: Readonly<Record<string, Involvement>>;
}

/**
 * The level of a decision for one leader, or for the roster when `leader` is null.
 * Pending, automated and unattributed hold for every leader; a leader the evidence does
 * not name was routed around.
 */
export function levelFor(decision: LevelSource, leader: string | null): Involvement {
  if (leader === null || notCounted(decision.involvement)) return decision.involvement;
  return decision.involvementByLeader?.[leader] ?? 'around';
}

/** Counted and routed around leadership (for one leader, or the roster when `leader` is null). */
export function isRoutedAround(decision: LevelSource & Countable, leader: string | null = null): boolean {
  return isCounted(decision) && levelFor(decision, leader) === 'around';
}

export interface CommitUnit {
  /** `pr-N` for a PR (number without its `#`/`!`), `merge-<sha>` for a topic branch, else a commit sha (see commitUnits). */
  unit: string;
  /** The PR as shown (`#12`, `!12`), or null. */
  pr: string | null;
}

/** Where a commit's PR is found: the history's index answers these without a pass over every PR. */
export interface PullRequestLookup {
  /** The PR that brought the commit in (the last listing it, oldest first). */
  pullRequestOf(sha: string): PullRequest | undefined;
  /** The newest PR of a number. */
  pullRequest(id: string): PullRequest | undefined;
}

/**
 * The decision unit of a commit: its PR (`pr-N`), the topic branch merged without
 * a PR number that brought it in (`merge-<sha>`), or the commit itself. A PR number
 * the first-parent line names again (a history imported from another repository,
 * where numbers restart) is `pr-N` for its newest PR only, the one the forge knows
 * by that number; each older one is the unit of its merge commit.
 */
export function commitUnitOf(sha: string, lookup: PullRequestLookup): CommitUnit {
  const pr = lookup.pullRequestOf(sha);
  if (!pr) return { unit: sha, pr: null };
  if (isTopicMerge(pr)) return { unit: pr.id, pr: null };
  return { unit: lookup.pullRequest(pr.id) === pr ? `pr-${pr.id.replace(/^[#!]/, '')}` : pr.mergeCommit, pr: pr.id };
}

/** commitUnitOf for every commit of a history that has no index. */
export function commitUnits(history: Pick<History, 'pullRequests'>): (sha: string) => CommitUnit {
  const newest = new Map<string, PullRequest>();
  const prOfCommit = new Map<string, PullRequest>();
  // Oldest first: the last PR of a number is its newest, the last listing a commit brought it in.
  for (const pr of history.pullRequests) {
    newest.set(pr.id, pr);
    for (const sha of pr.commits) prOfCommit.set(sha, pr);
  }
  const lookup: PullRequestLookup = { pullRequestOf: (sha) => prOfCommit.get(sha), pullRequest: (id) => newest.get(id) };
  return (sha) => commitUnitOf(sha, lookup);
}

/** PR numbers the first-parent line names more than once, sorted (usually none). */
export function reusedPullRequestIds(history: Pick<History, 'pullRequests'>): string[] {
  const seen = new Set<string>();
  const reused = new Set<string>();
  for (const pr of history.pullRequests) (seen.has(pr.id) ? reused : seen).add(pr.id);
  return [...reused].sort();
}

/**
 * How far from leadership someone's decisions were made: 0 when leadership decided
 * every counted one, 1 when every one went around it (consulted a third of the way,
 * informed two thirds); null with nothing counted.
 */
export function distanceFromLeadership(byLevel: Readonly<Record<CountedLevel, number>>): number | null {
  const counted = COUNTED_LEVELS.reduce((sum, level) => sum + byLevel[level], 0);
  if (counted === 0) return null;
  return (byLevel.consulted * 1 + byLevel.informed * 2 + byLevel.around * 3) / (3 * counted);
}
