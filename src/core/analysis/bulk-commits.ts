// Commits that add, move or edit many records at once: an import, a folder move, a lint
// sweep. Whoever made one did not write or decide those records, so such a commit gives
// nobody involvement in them (docs/adr/0010-bulk-record-commits-give-no-involvement.md).
import path from 'node:path';
import { RECORD_FILE } from '../adr/record-extension';
import { numberFromFileName } from '../adr/record-name';
import type { FileHistory } from '../git/file-history';
import type { FileChange } from '../model/history';
import type { Warning } from '../model/report';
import { DAY_MS } from '../util/day';

/** More records than this in one commit make it a bulk commit. */
export const BULK_RECORD_LIMIT = 5;

export interface BulkCommits {
  /** Bulk commits by sha, with how many records each touched: their edits and moves give nobody involvement. */
  records: ReadonlyMap<string, number>;
  /**
   * Commits that first added records of unknown authorship, with those records: an import (more
   * records added than the limit), or the records of a folder move (a move git could not follow
   * looks like an adding). A sweep that moved nothing and adds a record or two of its own
   * (`add the ADR-8`, and a line changed in ten others) wrote those, as it wrote a record beside
   * its moves that none of them can be the source of.
   */
  added: ReadonlyMap<string, readonly string[]>;
}

/**
 * The records the commit moved away or deleted: files named like one (`0003-x.md`) or in a
 * folder of records. An adding beside one may be a move git could not follow; a summary page
 * deleted at the root is no such sign.
 */
function recordsMovedAway(files: readonly FileChange[], recordFolders: ReadonlySet<string>): string[] {
  return files.flatMap((change) => {
    const from = change.oldPath ?? change.path;
    const gone = (change.status === 'R' || change.status === 'D') && RECORD_FILE.test(from)
      && (numberFromFileName(from) !== null || recordFolders.has(path.posix.dirname(from)));
    return gone ? [from] : [];
  });
}

/** Whether `added` may be `gone` moved, or rewritten under a new name: the same file name, or the same number. */
function mayBeMovedFrom(added: string, gone: string): boolean {
  const number = numberFromFileName(added);
  return path.posix.basename(added).toLowerCase() === path.posix.basename(gone).toLowerCase() || (number !== null && number === numberFromFileName(gone));
}

/** What tells records written in one commit from records brought into it: the dates they state, and the commit's day. */
export interface RecordDays {
  /** The date (YYYY-MM-DD) a record states itself (a field, its file or folder name), or null. */
  stated: (path: string) => string | null;
  /** The day (YYYY-MM-DD) a commit was authored, or null. */
  authored: (sha: string) => string | null;
}

/** How long before its commit a record may be dated and still be written for it (ADR 0010, amended). */
const WRITTEN_WITHIN_DAYS = 120;

/**
 * When a record is dated against the commit that added it: in the months up to its day or later (a
 * record dated when it was accepted, after its draft was committed), long before (written elsewhere
 * first), or not at all.
 */
type Dating = 'for-commit' | 'before' | 'undated';

function datingOf(file: string, sha: string, days: RecordDays): Dating {
  const stated = days.stated(file);
  const day = days.authored(sha);
  if (stated === null || day === null) return 'undated';
  return Date.parse(stated) >= Date.parse(day) - WRITTEN_WITHIN_DAYS * DAY_MS ? 'for-commit' : 'before';
}

/** `filesOf`: a commit's changes as the history kept them (record-like files are always kept). */
export function bulkRecordCommits(histories: ReadonlyMap<string, FileHistory>, filesOf: (sha: string) => readonly FileChange[], days: RecordDays): BulkCommits {
  const touched = new Map<string, number>();
  const added = new Map<string, string[]>();
  for (const [file, history] of histories) {
    for (const sha of history.commits) touched.set(sha, (touched.get(sha) ?? 0) + 1);
    if (history.added === null) continue;
    const list = added.get(history.added);
    if (list) list.push(file);
    else added.set(history.added, [file]);
  }
  const records = new Map([...touched].filter(([, count]) => count > BULK_RECORD_LIMIT));
  const recordFolders = new Set([...histories].flatMap(([file, history]) => [file, ...history.previousPaths].map((known) => path.posix.dirname(known))));
  const unknown = (sha: string, paths: string[]): string[] => {
    // Several records written down at once (`Add ADRs to explain existing decisions`): each dated in the months up to the commit.
    if (paths.length > BULK_RECORD_LIMIT && !paths.every((file) => datingOf(file, sha, days) === 'for-commit')) return paths;
    if (!records.has(sha)) return [];
    const gone = recordsMovedAway(filesOf(sha), recordFolders);
    // Beside a sweep's moves, a record it brought back where one had been deleted, one it may have moved, or one dated long
    // before (`Move over the ADRs from Interactive`, records of the year before) is as little its own.
    return paths.filter((file) => histories.get(file)?.restored === sha || gone.some((from) => mayBeMovedFrom(file, from)) || datingOf(file, sha, days) === 'before');
  };
  return { records, added: new Map([...added].map(([sha, paths]): [string, string[]] => [sha, unknown(sha, paths)]).filter(([, paths]) => paths.length > 0)) };
}

/**
 * One finding per bulk commit that first added records: the report says their first authors
 * are unknown. A sweep over many records that also added a few says how many it touched.
 */
export function bulkImportWarnings(bulk: BulkCommits): Warning[] {
  return [...bulk.added].map(([sha, paths]) => {
    const count = paths.length;
    const touched = bulk.records.get(sha) ?? count;
    const them = count === 1 ? 'it' : 'them';
    const what = touched === count
      ? `added ${count} record${count === 1 ? '' : 's'} at once`
      : `changed ${touched} records at once and added ${count} of them`;
    return {
      code: 'adr-first-author-unknown',
      message: `commit ${sha.slice(0, 10)} ${what} (an import, or a move git could not follow): who first wrote ${them} is unknown, and the commit gives nobody involvement in ${them}`,
      path: null,
    };
  });
}
