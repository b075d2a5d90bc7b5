// The structural assessment of every candidate signal group of an analysis: the
// files' changes found in the history, both sides read in one `cat-file --batch`,
// and each group's findings. Kept between refreshes by a long-lived host: a group
// whose commits did not change is not read again.
import type { History, KeptCommit } from '../../model/history';
import { readBlobs, type BlobRequest } from '../../git/read-blobs';
import type { GitContext } from '../../git/git-context';
import type { SignalGroup } from '../detect';
import type { FileSignalKind } from '../rules';
import { assessUnitChanges, newRepositoryMemory, type UnitAssessment, type UnitFileChange } from './assess-unit';

/** The commit whose tree is the unit's result: a PR's merge or squash commit, or the lone commit. */
function tipOf(group: SignalGroup, mergeOf: ReadonlyMap<string, string>): string {
  // Only a `pr-N` unit is named by its number; any other unit is named by its tip.
  if (group.pr !== null && group.unit.startsWith('pr-')) return mergeOf.get(group.pr) ?? group.unit;
  return group.unit.replace(/^merge-/, '');
}

function groupKey(group: SignalGroup, tip: string): string {
  return `${group.unit}\u0000${group.kind}\u0000${tip}\u0000${group.commits.join(',')}`;
}

interface PendingChange {
  change: Omit<UnitFileChange, 'before' | 'after'>;
  before: BlobRequest | null;
  after: BlobRequest | null;
}

function changesOf(group: SignalGroup, commitsBySha: ReadonlyMap<string, KeptCommit>, tip: string): PendingChange[] {
  const files = new Set(group.files);
  const firstAndLast = new Map<string, { first: KeptCommit['files'][number]; last: KeptCommit['files'][number] }>();
  for (const sha of group.commits) {
    for (const file of commitsBySha.get(sha)?.files ?? []) {
      if (!files.has(file.path)) continue;
      const seen = firstAndLast.get(file.path);
      if (seen) seen.last = file;
      else firstAndLast.set(file.path, { first: file, last: file });
    }
  }
  const pending: PendingChange[] = [];
  for (const [path, { first, last }] of firstAndLast) {
    const basePath = first.status === 'R' && first.oldPath ? first.oldPath : path;
    const existedBefore = first.status !== 'A' && first.status !== 'C';
    const existsAfter = last.status !== 'D';
    pending.push({
      change: { kind: group.kind as FileSignalKind, path, basePath, existedBefore, existsAfter },
      before: existedBefore ? { revision: `${tip}^1`, path: basePath } : null,
      after: existsAfter ? { revision: tip, path } : null,
    });
  }
  return pending;
}

export class StructuralAssessor {
  private known = new Map<string, UnitAssessment>();
  /** What the assessed units built up, oldest first (see assessUnitChanges). */
  private memory = newRepositoryMemory();

  async assess(groups: readonly SignalGroup[], history: Pick<History, 'commits' | 'pullRequests'>, root: string, git: GitContext): Promise<Map<SignalGroup, UnitAssessment>> {
    // Oldest first: a number named again maps to its newest PR, the `pr-N` unit.
    const mergeOf = new Map(history.pullRequests.map((pr) => [pr.id, pr.mergeCommit]));
    const commitsBySha = new Map(history.commits.map((commit) => [commit.sha, commit]));
    const result = new Map<SignalGroup, UnitAssessment>();
    const next = new Map<string, UnitAssessment>();
    const toRead: Array<{ group: SignalGroup; key: string; pending: PendingChange[] }> = [];
    const age = new Map(history.commits.map((commit, index) => [commit.sha, index]));
    const ageOf = (group: SignalGroup): number => age.get(group.commits[group.commits.length - 1] ?? '') ?? 0;
    let newestKnown = Infinity;
    for (const group of groups) {
      if (group.kind === 'architecture' || group.kind === 'platform') continue;
      const tip = tipOf(group, mergeOf);
      const key = groupKey(group, tip);
      const known = this.known.get(key);
      if (known) {
        result.set(group, known);
        next.set(key, known);
        newestKnown = Math.min(newestKnown, ageOf(group));
      } else toRead.push({ group, key, pending: changesOf(group, commitsBySha, tip) });
    }
    // What a unit decides depends on the units before it: a refresh that only adds
    // newer units goes on from what is known, anything else is read from the start.
    if (toRead.some(({ group }) => ageOf(group) >= newestKnown)) {
      this.known = new Map();
      return this.assess(groups, history, root, git);
    }
    if (next.size === 0) this.memory = newRepositoryMemory();
    toRead.sort((a, b) => ageOf(b.group) - ageOf(a.group));
    const requests = toRead.flatMap(({ pending }) => pending.flatMap(({ before, after }) => [before, after].filter((r): r is BlobRequest => r !== null)));
    const blobs = requests.length > 0 ? await readBlobs(root, git, requests) : new Map<string, string | null>();
    const text = (request: BlobRequest | null): string | null => (request ? blobs.get(`${request.revision}:${request.path}`) ?? null : null);
    for (const { group, key, pending } of toRead) {
      const assessment = assessUnitChanges(pending.map(({ change, before, after }) => ({ ...change, before: text(before), after: text(after) })), this.memory);
      result.set(group, assessment);
      next.set(key, assessment);
    }
    this.known = next;
    return result;
  }
}
