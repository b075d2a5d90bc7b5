// The structural readers' work on signal files, done while the history pass still
// streams. git's `log` is the slower side of that pass: node waits for its output
// most of the time, and the assessment after it read and parsed every signal
// file version on the critical path. Here the versions an assessment will read
// go to the analysis' one `cat-file --batch` as the parser meets them, and their
// facts go into the BlobFacts the assessment then uses (blob-facts.ts).
//
// Only versions an assessment reads are read (assess.ts, changesOf):
// - both sides of the changes of a non-merge commit on HEAD's first-parent line:
//   such a commit is its own unit (a lone commit, a squash) and its tip, and its
//   changes against its first parent are that unit's sides;
// - a first-parent merge's new side of each file its branch changed: the branch's
//   newest version of it, met first as the log follows the branch's own first
//   parents down from the merge. Its old side is the version before on the
//   first-parent line, most often the new side of the unit before, read already.
// A branch's older versions are never read. Nothing here decides anything: a
// version read under another name than the assessment's (a merge whose main line
// changed the file too) costs one read; what was not read early is read by the
// assessment as before.
import { blobIdsOf, type CommitRecord, type FileChange } from '../../model/history';
import type { BlobContent, BlobReader, BlobRequest } from '../../git/read-blobs';
import type { FileSignalKind, PathClassifier } from '../rules';
import { newBlobFacts, type BlobFacts } from './blob-facts';
import { readSideFacts } from './assess-unit';
import { namesReadOf } from './data';

interface EarlySide {
  kind: FileSignalKind;
  side: 'before' | 'after';
  change: { path: string; basePath: string };
  bothSides: boolean;
}

/** How many names go to cat-file at once at most while the log streams: more wait here, so its input never runs far ahead. */
const MAX_IN_FLIGHT = 256;

export class EarlyBlobFacts {
  /** For the assessment of this analysis (StructuralAssessor.assess). */
  readonly facts: BlobFacts = newBlobFacts();
  /** The next commit of HEAD's first-parent line, as the log (children before parents) comes to it. */
  private expected: string | null;
  /** The next commits of first-parent merges' branches, down their own first parents: the merge each leads to. */
  private readonly branchOf = new Map<string, string>();
  /** Per first-parent merge whose branch is still coming, the paths whose newest version was asked. */
  private readonly newest = new Map<string, Set<string>>();
  /** Each side asked for, by its id and the name it is read under: one read each. */
  private readonly asked = new Set<string>();
  private waiting: Array<{ request: BlobRequest; side: EarlySide }> = [];
  private inFlight = 0;
  /** Settles when every name sent so far is answered (or cat-file failed). */
  private reading: Promise<unknown> = Promise.resolve();
  /** The history pass is over: nothing more to wait for. */
  private ended = false;
  private stopped = false;

  constructor(private readonly head: string | null, private readonly classify: PathClassifier, private readonly reader: BlobReader) {
    this.expected = head;
  }

  /** Each commit of the history pass, in `git log` order. */
  commit(record: CommitRecord): void {
    // A pass that starts again (a cached head gone) starts from HEAD again.
    if (record.sha === this.head) this.expected = this.head;
    if (this.stopped || this.ended) return;
    const merge = this.branchOf.get(record.sha);
    if (merge !== undefined) this.branchOf.delete(record.sha);
    if (record.sha === this.expected) {
      // Where a branch forked: its merge has all the versions it will get.
      if (merge !== undefined) this.newest.delete(merge);
      this.expected = record.parents[0] ?? null;
      if (record.parents.length > 1) {
        for (const parent of record.parents.slice(1)) this.branchOf.set(parent, record.sha);
        this.newest.set(record.sha, new Set());
      } else for (const change of record.files) this.offer(change, true);
    } else if (merge !== undefined) {
      const first = record.parents[0];
      if (first !== undefined && !this.branchOf.has(first)) this.branchOf.set(first, merge);
      const asked = this.newest.get(merge);
      // A merge on the branch has no changes in the log.
      if (asked && record.parents.length === 1) {
        for (const change of record.files) {
          if (asked.has(change.path)) continue;
          asked.add(change.path);
          this.offer(change, false);
        }
      }
    }
    this.send();
  }

  /**
   * Settles once every name sent is answered and read: the assessment then knows
   * which sides it need not ask for again (cat-file answers in order, so waiting
   * costs it nothing).
   */
  async settled(): Promise<void> {
    await this.reading;
  }

  /**
   * The history pass is over: every name still waiting goes to cat-file now, ahead
   * of the assessment's own (it reads them next, and the parse is the same work).
   */
  end(): void {
    this.ended = true;
    this.send();
    this.branchOf.clear();
    this.newest.clear();
  }

  /** No more reading: the analysis is ending, or failed. Answers still coming are not read. */
  stop(): void {
    this.stopped = true;
    this.waiting = [];
    this.branchOf.clear();
    this.newest.clear();
  }

  /** `before`: the old side too (a unit's own change), else the new side only (a merge's branch). */
  private offer(change: FileChange, before: boolean): void {
    const kind = this.classify(change.path);
    // CODEOWNERS is compared as text, nothing is kept of it.
    if (kind === null || kind === 'ownership') return;
    const ids = blobIdsOf(change);
    const basePath = change.status === 'R' && change.oldPath ? change.oldPath : change.path;
    const bothSides = ids.before !== null && ids.after !== null;
    const sides = { path: change.path, basePath };
    if (before && ids.before !== null && change.status !== 'A' && change.status !== 'C') this.ask(ids.before, { kind, side: 'before', change: sides, bothSides });
    if (ids.after !== null && change.status !== 'D') this.ask(ids.after, { kind, side: 'after', change: sides, bothSides });
  }

  private ask(id: string, side: EarlySide): void {
    // The name it is read under (readSideFacts): a version is the new side of one unit and the old side of the next.
    const key = `${id}\u0000${side.kind}\u0000${side.side === 'before' ? side.change.basePath : side.change.path}\u0000${side.change.path}`;
    if (this.asked.has(key)) return;
    this.asked.add(key);
    this.waiting.push({ request: { id }, side });
  }

  private send(): void {
    if (this.stopped || this.waiting.length === 0 || (this.inFlight >= MAX_IN_FLIGHT && !this.ended)) return;
    const batch = this.waiting.splice(0, this.ended ? this.waiting.length : MAX_IN_FLIGHT - this.inFlight);
    this.inFlight += batch.length;
    // A failure of cat-file reaches the assessment, which asks the same reader next.
    const read = this.reader.stream(batch.map(({ request }) => request), (index, blob) => {
      this.inFlight -= 1;
      const asked = batch[index];
      if (asked && !this.stopped) readSide(asked.side, blob, this.facts);
    }).then(() => this.send(), () => undefined);
    this.reading = Promise.all([this.reading, read]);
  }
}

function readSide({ kind, side, change, bothSides }: EarlySide, blob: BlobContent, facts: BlobFacts): void {
  if (blob.id === null || blob.text === null) return;
  if (kind === 'data' && !namesReadOf(change.path, blob.text, bothSides)) return;
  readSideFacts(kind, side, change, blob.text, blob.id, facts);
}
