// Commits that add, move or edit many records at once: an import, a folder move, a lint
// sweep. Whoever made one did not write or decide those records, so such a commit gives
// nobody involvement in them (docs/adr/0010-bulk-record-commits-give-no-involvement.md).
import path from 'node:path';
import { RECORD_FILE } from '../adr/record-extension';
import type { FileHistory } from '../git/file-history';
import type { FileChange } from '../model/history';
import type { Warning } from '../model/report';

/** More records than this in one commit make it a bulk commit. */
export const BULK_RECORD_LIMIT = 5;

export interface BulkCommits {
  /** Bulk commits by sha, with how many records each touched: their edits and moves give nobody involvement. */
  records: ReadonlyMap<string, number>;
  /**
   * Commits that first added records of unknown authorship, with how many: an import (more
   * records added than the limit), or a folder move that added a few (a move git could not
   * follow looks like an adding). A sweep that moved nothing and adds a record or two of its
   * own (`add the ADR-8`, and a line changed in ten others) wrote those.
   */
  added: ReadonlyMap<string, number>;
}

/**
 * Whether the commit moved or deleted a record: a file named like one (`0003-x.md`) or one in a
 * folder of records. An adding beside it may be a move git could not follow; a summary page
 * deleted at the root is no such sign.
 */
function movesRecords(files: readonly FileChange[], recordFolders: ReadonlySet<string>): boolean {
  return files.some((change) => {
    const from = change.oldPath ?? change.path;
    return (change.status === 'R' || change.status === 'D') && RECORD_FILE.test(from)
      && (NUMBERED.test(path.posix.basename(from)) || recordFolders.has(path.posix.dirname(from)));
  });
}

const NUMBERED = /^(?:adr[-_ ]?)?\d/i;

/** What tells records written in one commit from records brought into it: the dates they state, and the commit's day. */
export interface RecordDays {
  /** The date (YYYY-MM-DD) a record states itself (a field, its file or folder name), or null. */
  stated: (path: string) => string | null;
  /** The day (YYYY-MM-DD) a commit was authored, or null. */
  authored: (sha: string) => string | null;
}

/** How long before its commit a record may be dated and still be written for it (ADR 0010, amended). */
const WRITTEN_WITHIN_DAYS = 120;
const DAY_MS = 86_400_000;

/**
 * Whether every record a commit added states a date in the months up to the commit's day: a
 * team writing down several decisions at once (`Add ADRs to explain existing decisions`, six
 * records dated weeks before), not records brought from elsewhere (an import of records dated
 * years before, or undated).
 */
function writtenForCommit(paths: readonly string[], sha: string, days: RecordDays): boolean {
  const day = days.authored(sha);
  if (day === null) return false;
  const at = Date.parse(day);
  return paths.every((file) => {
    const stated = days.stated(file);
    const time = stated === null ? Number.NaN : Date.parse(stated);
    return time <= at + DAY_MS && time >= at - WRITTEN_WITHIN_DAYS * DAY_MS;
  });
}

/** `filesOf`: a commit's changes as the history kept them (record-like files are always kept). */
export function bulkRecordCommits(histories: ReadonlyMap<string, FileHistory>, filesOf: (sha: string) => readonly FileChange[], days: RecordDays): BulkCommits {
  const touched = new Map<string, number>();
  const added = new Map<string, string[]>();
  for (const [file, history] of histories) {
    for (const sha of history.commits) touched.set(sha, (touched.get(sha) ?? 0) + 1);
    if (history.added !== null) added.set(history.added, [...(added.get(history.added) ?? []), file]);
  }
  const records = new Map([...touched].filter(([, count]) => count > BULK_RECORD_LIMIT));
  const recordFolders = new Set([...histories].flatMap(([file, history]) => [file, ...history.previousPaths].map((known) => path.posix.dirname(known))));
  const unknown = ([sha, paths]: [string, string[]]): boolean =>
    (paths.length > BULK_RECORD_LIMIT && !writtenForCommit(paths, sha, days)) || (records.has(sha) && movesRecords(filesOf(sha), recordFolders));
  return { records, added: new Map([...added].filter(unknown).map(([sha, paths]) => [sha, paths.length])) };
}

/**
 * One finding per bulk commit that first added records: the report says their first authors
 * are unknown. A sweep over many records that also added a few says how many it touched.
 */
export function bulkImportWarnings(bulk: BulkCommits): Warning[] {
  return [...bulk.added].map(([sha, count]) => {
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
