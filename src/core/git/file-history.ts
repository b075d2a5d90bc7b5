// Histories of single files (ADR records) out of the one history pass,
// following renames backwards without a `git log --follow` per file, and through a
// deletion and a later re-adding at the same path (a record dropped from a branch and
// brought back by an import keeps the history it had there, as `git log -- <path>` shows),
// and back to the oldest of two parallel branches that added it.
import type { History } from '../model/history';

/** One commit's change to a record: its path after the commit, and before it (null where the commit added it). */
export interface FileEdit {
  sha: string;
  path: string;
  before: string | null;
  /** The commit deleted it (it came back later at the same path). */
  deleted?: true;
}

export interface FileHistory {
  /** The commit that first added the file under its first name (null when history is cut: shallow clone). */
  added: string | null;
  /** Every commit that touched it, newest first, across renames. */
  commits: string[];
  /** Earlier names, newest first. */
  previousPaths: string[];
  /** What each commit in `commits` did to it, in the same order. */
  edits: FileEdit[];
  /** The newest commit that added it again after a deletion (its older history is in `commits` too), when one did. */
  restored?: string;
}

export function fileHistories(history: History, paths: readonly string[]): Map<string, FileHistory> {
  const result = new Map<string, FileHistory>();
  // Current name of each tracked file, keyed by the name it has at this point of the walk.
  const tracking = new Map<string, string>();
  // Files whose adding was met, by path, with that commit: an older deletion at that path continues their history.
  const resting = new Map<string, { target: string; added: string }>();
  for (const path of paths) {
    result.set(path, { added: null, commits: [], previousPaths: [], edits: [] });
    tracking.set(path, path);
  }
  for (const commit of history.commits) {
    for (const change of commit.files) {
      const resumed = !tracking.has(change.path) ? resting.get(change.path) : undefined;
      if (resumed !== undefined && change.status === 'D') {
        resting.delete(change.path);
        tracking.set(change.path, resumed.target);
        const entry = result.get(resumed.target);
        if (entry) entry.restored ??= resumed.added;
      }
      // Added again at the same path with no deletion between: the same record added on a
      // parallel branch too (a branch that took it from its PR before the PR merged). The
      // older adding is where it was written.
      const target = tracking.get(change.path) ?? (resumed !== undefined && change.status === 'A' ? resumed.target : undefined);
      if (target === undefined) continue;
      const entry = result.get(target);
      if (!entry) continue;
      if (entry.commits[entry.commits.length - 1] !== commit.sha) {
        entry.commits.push(commit.sha);
        const added = change.status === 'A' || change.status === 'C';
        const before = added ? null : change.oldPath ?? change.path;
        entry.edits.push(change.status === 'D' ? { sha: commit.sha, path: change.path, before, deleted: true } : { sha: commit.sha, path: change.path, before });
      }
      if (change.status === 'R' && change.oldPath !== undefined) {
        tracking.delete(change.path);
        tracking.set(change.oldPath, target);
        entry.previousPaths.push(change.oldPath);
      } else if (change.status === 'A' || change.status === 'C') {
        entry.added = commit.sha;
        tracking.delete(change.path);
        if (change.status === 'A') resting.set(change.path, { target, added: commit.sha });
      }
    }
  }
  return result;
}
