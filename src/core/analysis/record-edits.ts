// What each later commit to a record changed in it (adr/record-change.ts), from the
// record's text before and after the commit, read through the analysis's one `git cat-file --batch`.
// Kept by a long-lived host, and in the cache folder for the CLI's next run: a
// commit's change never changes, so a refresh reads only the edits it has not seen.
import { gistChange, recordGist, type RecordGist } from '../adr/record-change';
import type { FileHistory } from '../git/file-history';
import { blobRequestKey, type BlobReader, type BlobRequest } from '../git/read-blobs';
import type { KnownBlobs } from '../signals/structural/blob-facts';
import type { RecordChangeKind } from '../model/report';
import { loadRecordEdits, saveRecordEdits } from './record-edit-file';

/** What each later commit changed, by record path and then commit sha; a commit whose text could not be read is absent. */
export type RecordChanges = ReadonlyMap<string, ReadonlyMap<string, RecordChangeKind>>;

interface Asked {
  key: string;
  path: string;
  before: BlobRequest;
  after: BlobRequest;
}

/** Only what was read: an unreadable side (a blob a partial clone lacks today) is asked again next time. */
function readable(known: ReadonlyMap<string, RecordChangeKind | null>): Map<string, RecordChangeKind> {
  const kept = new Map<string, RecordChangeKind>();
  for (const [key, kind] of known) if (kind !== null) kept.set(key, kind);
  return kept;
}

export class RecordEditMemo {
  /**
   * By `record\0sha\0before\0after` (the record's path names how its versions are read);
   * null when one side could not be read (a missing or oversized blob).
   */
  private known = new Map<string, RecordChangeKind | null>();
  /** The repository whose kept classifications were looked for in `dir`. */
  private loadedFor: string | undefined;

  /** `dir`: a cache folder where the classifications are also kept, for the next process (the CLI's re-run). */
  constructor(private readonly dir?: string) {}

  /**
   * `skip`: commits whose edits give nobody involvement (bulk commits), left unread.
   * Commits that added a record are not edits and are never read. `known`: what this
   * analysis has read already (early-facts.ts): an edit whose both versions it read is
   * compared from those, with nothing asked of cat-file.
   */
  async classify(histories: ReadonlyMap<string, FileHistory>, skip: ReadonlyMap<string, number>, blobReader: BlobReader, root: string, known?: KnownBlobs): Promise<RecordChanges> {
    if (this.dir !== undefined && this.loadedFor !== root) {
      this.loadedFor = root;
      this.known = (await loadRecordEdits(this.dir, root)) ?? new Map();
    }
    // A null key: a deletion (the record came back later), which changes neither its status nor its decision.
    const wanted = new Map<string, Array<{ sha: string; key: string | null }>>();
    const asked = new Map<string, Asked>();
    const next = new Map<string, RecordChangeKind | null>();
    const readEarly = (record: string, { revision, path }: { revision: string; path: string }): RecordGist | undefined => {
      const id = known?.idOf(revision, path);
      return id === undefined ? undefined : known?.facts.gists.get(record, id);
    };
    for (const [record, history] of histories) {
      const list: Array<{ sha: string; key: string | null }> = [];
      for (const edit of history.edits) {
        if (edit.before === null || edit.sha === history.added || skip.has(edit.sha)) continue;
        if (edit.deleted) {
          list.push({ sha: edit.sha, key: null });
          continue;
        }
        const key = `${record}\0${edit.sha}\0${edit.before}\0${edit.path}`;
        list.push({ sha: edit.sha, key });
        if (this.known.has(key) || asked.has(key) || next.has(key)) continue;
        const versions = { before: { revision: `${edit.sha}^1`, path: edit.before }, after: { revision: edit.sha, path: edit.path } };
        const [before, after] = [readEarly(record, versions.before), readEarly(record, versions.after)];
        if (before && after) next.set(key, gistChange(before, after));
        else asked.set(key, { key, path: record, ...versions });
      }
      wanted.set(record, list);
    }
    if (asked.size > 0) {
      const blobs = await blobReader.read([...asked.values()].flatMap((a) => [a.before, a.after]));
      // One version is the `after` of one edit and the `before` of the next: each is read once.
      const gists = new Map<string, RecordGist>();
      const gist = (path: string, request: BlobRequest): RecordGist | null => {
        const text = blobs.get(blobRequestKey(request)) ?? null;
        if (text === null) return null;
        let found = gists.get(text);
        if (!found) gists.set(text, (found = recordGist(path, text)));
        return found;
      };
      for (const a of asked.values()) {
        const before = gist(a.path, a.before);
        const after = gist(a.path, a.after);
        next.set(a.key, before === null || after === null ? null : gistChange(before, after));
      }
    }
    const result = new Map<string, Map<string, RecordChangeKind>>();
    for (const [record, list] of wanted) {
      const changes = new Map<string, RecordChangeKind>();
      for (const { sha, key } of list) {
        if (key === null) {
          changes.set(sha, 'other');
          continue;
        }
        const kind = next.get(key) ?? this.known.get(key) ?? null;
        if (!next.has(key)) next.set(key, kind);
        if (kind !== null) changes.set(sha, kind);
      }
      result.set(record, changes);
    }
    const changed = asked.size > 0 || next.size !== this.known.size;
    // Only what this history still holds is kept: a rewritten history lets go of the rest.
    this.known = next;
    // Not kept costs the next run its reading, nothing else: a failed write does not fail the analysis.
    if (this.dir !== undefined && changed) await saveRecordEdits(this.dir, root, readable(next)).catch(() => undefined);
    return result;
  }
}
