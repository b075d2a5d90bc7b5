// Histories of single files (ADR records) out of the one history pass,
// following renames backwards without a `git log --follow` per file, and through a
// deletion and a later re-adding at the same path (a record dropped from a branch and
// brought back by an import keeps the history it had there, as `git log -- <path>` shows),
// from a copy to where a file of the same folder and name was deleted later (a move in two
// commits), and to the earliest of the parallel branches that added it.
import { RECORD_FILE } from '../adr/record-extension';
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

/** An earlier adding of the same record on a parallel branch takes the place of the one met first. */
function writtenEarlier(entry: FileHistory | undefined, carried: { added: string; authored: number }, sha: string, authored: number): void {
  if (!entry) return;
  const at = entry.commits.lastIndexOf(carried.added);
  const edit = entry.edits[at];
  if (at < 0 || !edit) return;
  entry.commits[at] = sha;
  entry.edits[at] = { ...edit, sha };
  if (entry.added === carried.added) entry.added = sha;
  carried.added = sha;
  carried.authored = authored;
}

/** A file's folder name and own name (`back-end/naming.md`): what a copy of it elsewhere keeps. */
function nameKey(path: string): string {
  return path.split('/').slice(-2).join('/').toLowerCase();
}

export function fileHistories(history: History, paths: readonly string[]): Map<string, FileHistory> {
  const result = new Map<string, FileHistory>();
  // Current name of each tracked file, keyed by the name it has at this point of the walk.
  const tracking = new Map<string, string>();
  // Files whose adding was met, by path, with that commit: an older deletion at that path continues their history.
  const resting = new Map<string, { target: string; added: string; authored: number }>();
  // A name two records held on parallel branches (one PR renamed its record away from a number
  // another record took meanwhile): the older changes of that PR's commits are the renamed record's.
  const claims = new Map<string, { target: string; pr: string }>();
  // Record-like files deleted without a tracked record, newer first, by their folder and name:
  // a record added before one of them was deleted may be its copy (a folder moved in two steps).
  const deleted = new Map<string, string[]>();
  /** The one deleted file an adding of `path` copied: same folder name and file name, deleted after it. */
  const copiedFrom = (path: string): string | undefined => {
    const found = deleted.get(nameKey(path));
    if (found?.length !== 1 || found[0] === path) return undefined;
    deleted.delete(nameKey(path));
    return found[0];
  };
  for (const path of paths) {
    result.set(path, { added: null, commits: [], previousPaths: [], edits: [] });
    tracking.set(path, path);
  }
  for (const commit of history.commits) {
    for (const change of commit.files) {
      const claim = claims.get(change.path);
      const claimed = claim !== undefined && claim.pr === history.prOfCommit.get(commit.sha);
      const revived = !claimed && change.status === 'D' && !tracking.has(change.path) ? resting.get(change.path) : undefined;
      if (revived !== undefined) {
        resting.delete(change.path);
        tracking.set(change.path, revived.target);
        const entry = result.get(revived.target);
        if (entry) entry.restored ??= revived.added;
      } else if (!claimed && change.status === 'D' && !tracking.has(change.path) && RECORD_FILE.test(change.path)) {
        const known = deleted.get(nameKey(change.path));
        if (!known) deleted.set(nameKey(change.path), [change.path]);
        else if (!known.includes(change.path)) known.push(change.path);
      }
      // Added again at the same path with no deletion between: the record came over a
      // parallel branch too (one that took it from its PR before the PR merged, a backport).
      // The walk is by commit date, not by when it was written: the earliest authored adding
      // is where it was written; the others only carried it and are no edits of it.
      const carried = !claimed && change.status === 'A' && !tracking.has(change.path) ? resting.get(change.path) : undefined;
      if (carried !== undefined) {
        const authored = Date.parse(commit.authorDate);
        if (authored < carried.authored) writtenEarlier(result.get(carried.target), carried, commit.sha, authored);
        continue;
      }
      const target = claimed ? claim.target : tracking.get(change.path);
      if (target === undefined) continue;
      const release = (): void => {
        if (claimed) claims.delete(change.path);
        else tracking.delete(change.path);
      };
      const entry = result.get(target);
      if (!entry) continue;
      const copy = change.status === 'A' ? copiedFrom(change.path) : undefined;
      if (entry.commits[entry.commits.length - 1] !== commit.sha) {
        entry.commits.push(commit.sha);
        const added = change.status === 'A' || change.status === 'C';
        const before = added ? copy ?? null : change.oldPath ?? change.path;
        entry.edits.push(change.status === 'D' ? { sha: commit.sha, path: change.path, before, deleted: true } : { sha: commit.sha, path: change.path, before });
      }
      if (copy !== undefined) {
        // Copied here, deleted there later: a move in two commits, followed as a rename.
        release();
        tracking.set(copy, target);
        entry.previousPaths.push(copy);
      } else if (change.status === 'R' && change.oldPath !== undefined) {
        release();
        const holder = tracking.get(change.oldPath);
        const pr = history.prOfCommit.get(commit.sha);
        if (holder !== undefined && holder !== target && pr !== undefined) claims.set(change.oldPath, { target, pr });
        else tracking.set(change.oldPath, target);
        entry.previousPaths.push(change.oldPath);
      } else if (change.status === 'A' || change.status === 'C') {
        entry.added = commit.sha;
        release();
        if (change.status === 'A') resting.set(change.path, { target, added: commit.sha, authored: Date.parse(commit.authorDate) });
      }
    }
  }
  return result;
}
