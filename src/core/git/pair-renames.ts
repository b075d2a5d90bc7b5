// Renames git did not pair. In a commit read without rename detection (a partial clone, a
// copy missing some blobs) git compared no contents, so the pass pairs a deleted and an
// added file itself where git's own detection would: the same content (an exact rename),
// or a record moved to another folder or renumbered and edited on the way (the contents
// git would have compared are what is missing). In any commit, a record written again in
// another format under its name (Markdown to reStructuredText) is the same record.
import { RECORD_FILE } from '../adr/record-extension';
import { numberFromFileName, slugOf } from '../adr/record-name';
import { blobIdsOf, type FileChange } from '../model/history';

/** An added or deleted file of a `--raw` listing, with the blob id of its content. */
export interface RawEntry {
  change: FileChange;
  blob: string;
}

/** Empty files all share one blob: two of them are no rename (git's exact detection skips them too). */
const EMPTY_BLOBS = new Set(['e69de29bb2d1d6434b8b29ae775ad8c2e48c5391', '473a0f4c3be8a93681a267e3b1e9a7dcda1185436fe141f7749120a303721813']);

/** How many folder and file names two paths share from the end and from the start. */
function kinship(a: string, b: string): number {
  const x = a.split('/');
  const y = b.split('/');
  let end = 0;
  while (end < Math.min(x.length, y.length) && x[x.length - 1 - end] === y[y.length - 1 - end]) end += 1;
  let start = 0;
  while (start < Math.min(x.length, y.length) - end && x[start] === y[start]) start += 1;
  return end + start;
}

/** Each added file paired, with the deleted file it was moved from. */
type Moves = Map<FileChange, FileChange>;

/**
 * The same content deleted and added. Among several deleted copies of it (the
 * adr-tools first record is the same everywhere), the one whose path shares the
 * most names with the added one's is its source, then the first listed.
 */
function exactMoves(entries: readonly RawEntry[], moves: Moves): void {
  const deleted = new Map<string, FileChange[]>();
  for (const { change, blob } of entries) {
    if (change.status !== 'D' || EMPTY_BLOBS.has(blob)) continue;
    const list = deleted.get(blob);
    if (list) list.push(change);
    else deleted.set(blob, [change]);
  }
  if (deleted.size === 0) return;
  for (const { change, blob } of entries) {
    const candidates = change.status === 'A' ? deleted.get(blob) : undefined;
    if (!candidates || candidates.length === 0) continue;
    let best = 0;
    for (let i = 1; i < candidates.length; i += 1) if (kinship(candidates[i]?.path ?? '', change.path) > kinship(candidates[best]?.path ?? '', change.path)) best = i;
    const [from] = candidates.splice(best, 1);
    if (from) moves.set(change, from);
  }
}

function fileName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1).toLowerCase();
}

/** A record file's extension with its dot, in lower case (`.md`); '' for none. */
function recordExtension(path: string): string {
  return RECORD_FILE.exec(path)?.[0].toLowerCase() ?? '';
}

/** A record's file name without its number (`0019-centralise-mysql.md` → `centralise-mysql.md`); null for a name without one. */
function unnumbered(path: string): string | null {
  const slug = numberFromFileName(path) === null ? '' : slugOf(path);
  return slug === '' ? null : `${slug}${recordExtension(path)}`;
}

/**
 * Record files of the commit left unpaired, deleted and added under the same file
 * name in two folders, or under the same name but for the number: a record moved
 * or renumbered, edited in the same commit. A name held by two files on either
 * side pairs nothing: there is no telling which is which.
 */
function recordMoves(entries: readonly RawEntry[], moves: Moves): void {
  const gone = new Set(moves.values());
  let left = entries.filter(({ change }) => RECORD_FILE.test(change.path) && (change.status === 'A' ? !moves.has(change) : !gone.has(change)));
  for (const keyOf of [fileName, unnumbered]) {
    const sides = new Map<string, { deleted: FileChange[]; added: FileChange[] }>();
    for (const { change } of left) {
      const key = keyOf(change.path);
      if (key === null) continue;
      let side = sides.get(key);
      if (!side) sides.set(key, (side = { deleted: [], added: [] }));
      (change.status === 'A' ? side.added : side.deleted).push(change);
    }
    const paired = new Set<FileChange>();
    for (const { deleted, added } of sides.values()) {
      const [from] = deleted;
      const [to] = added;
      if (deleted.length !== 1 || added.length !== 1 || !from || !to) continue;
      moves.set(to, from);
      paired.add(from).add(to);
    }
    left = left.filter(({ change }) => !paired.has(change));
  }
}

/**
 * A record written again in another format under the same name (`0001-x.md` → `0001-x.rst`):
 * its text changed too much for git to pair the two, but it is the same record.
 */
function conversions(entries: readonly RawEntry[], moves: Moves): void {
  const gone = new Set(moves.values());
  const stem = (path: string): string => path.replace(RECORD_FILE, '');
  const deleted = new Map<string, FileChange | null>();
  for (const { change } of entries) {
    if (change.status !== 'D' || gone.has(change) || !RECORD_FILE.test(change.path)) continue;
    deleted.set(stem(change.path), deleted.has(stem(change.path)) ? null : change);
  }
  for (const { change } of entries) {
    if (change.status !== 'A' || moves.has(change) || !RECORD_FILE.test(change.path)) continue;
    const from = deleted.get(stem(change.path));
    if (from && recordExtension(from.path) !== recordExtension(change.path)) {
      moves.set(change, from);
      deleted.delete(stem(change.path));
    }
  }
}

/**
 * The commit's files with each pair of a deleted and an added file that is a move as one rename (`R`).
 * `withoutRenameDetection`: git compared no contents (then exact and record moves are paired too);
 * with it, only a record's change of format, which git cannot see as one.
 */
export function pairRenames(files: readonly FileChange[], entries: readonly RawEntry[], withoutRenameDetection = true): FileChange[] {
  const moves: Moves = new Map();
  if (withoutRenameDetection) {
    exactMoves(entries, moves);
    recordMoves(entries, moves);
  }
  conversions(entries, moves);
  if (moves.size === 0) return [...files];
  const gone = new Set(moves.values());
  return files.filter((f) => !gone.has(f)).map((f) => {
    const from = moves.get(f);
    if (from === undefined) return f;
    // The rename's old id is the deleted file's, its new id the added file's.
    const before = blobIdsOf(from).before;
    const after = blobIdsOf(f).after;
    return before !== null && after !== null ? { status: 'R', oldPath: from.path, path: f.path, blobs: `${before} ${after}` } : { status: 'R', oldPath: from.path, path: f.path };
  });
}
