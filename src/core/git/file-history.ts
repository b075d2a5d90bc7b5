// Histories of single files (ADR records) out of the one history pass,
// following renames backwards without a `git log --follow` per file.
import type { History } from '../model/history';

/** One commit's change to a record: its path after the commit, and before it (null where the commit added it). */
export interface FileEdit {
  sha: string;
  path: string;
  before: string | null;
}

export interface FileHistory {
  /** The commit that added the file under its first name (null when history is cut: shallow clone). */
  added: string | null;
  /** Every commit that touched it, newest first, across renames. */
  commits: string[];
  /** Earlier names, newest first. */
  previousPaths: string[];
  /** What each commit in `commits` did to it, in the same order. */
  edits: FileEdit[];
}

export function fileHistories(history: History, paths: readonly string[]): Map<string, FileHistory> {
  const result = new Map<string, FileHistory>();
  // Current name of each tracked file, keyed by the name it has at this point of the walk.
  const tracking = new Map<string, string>();
  for (const path of paths) {
    result.set(path, { added: null, commits: [], previousPaths: [], edits: [] });
    tracking.set(path, path);
  }
  for (const commit of history.commits) {
    for (const change of commit.files) {
      const target = tracking.get(change.path);
      if (target === undefined) continue;
      const entry = result.get(target);
      if (!entry) continue;
      if (entry.commits[entry.commits.length - 1] !== commit.sha) {
        entry.commits.push(commit.sha);
        const added = change.status === 'A' || change.status === 'C';
        entry.edits.push({ sha: commit.sha, path: change.path, before: added ? null : change.oldPath ?? change.path });
      }
      if (change.status === 'R' && change.oldPath !== undefined) {
        tracking.delete(change.path);
        tracking.set(change.oldPath, target);
        entry.previousPaths.push(change.oldPath);
      } else if (change.status === 'A' || change.status === 'C') {
        entry.added = commit.sha;
        tracking.delete(change.path);
      }
    }
  }
  return result;
}
