// Commits that add, move or edit many records at once: an import, a folder move, a lint
// sweep. Whoever made one did not write or decide those records, so such a commit gives
// nobody involvement in them (docs/adr/0010-bulk-record-commits-give-no-involvement.md).
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

/** Whether the commit moved or deleted a record-like file: an adding beside it may be a move git could not follow. */
function movesRecords(files: readonly FileChange[]): boolean {
  return files.some((change) => (change.status === 'R' || change.status === 'D') && RECORD_FILE.test(change.path));
}

/** `filesOf`: a commit's changes as the history kept them (record-like files are always kept). */
export function bulkRecordCommits(histories: ReadonlyMap<string, FileHistory>, filesOf: (sha: string) => readonly FileChange[]): BulkCommits {
  const touched = new Map<string, number>();
  const added = new Map<string, number>();
  for (const history of histories.values()) {
    for (const sha of history.commits) touched.set(sha, (touched.get(sha) ?? 0) + 1);
    if (history.added !== null) added.set(history.added, (added.get(history.added) ?? 0) + 1);
  }
  const records = new Map([...touched].filter(([, count]) => count > BULK_RECORD_LIMIT));
  const unknown = ([sha, count]: [string, number]): boolean => count > BULK_RECORD_LIMIT || (records.has(sha) && movesRecords(filesOf(sha)));
  return { records, added: new Map([...added].filter(unknown)) };
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
