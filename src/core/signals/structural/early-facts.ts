// The structural readers' work on signal files, done while the history pass still
// runs. git writes its log to a file (ADR 0026), so node's thread was idle for
// most of the pass while the assessment after it read and parsed every signal file
// version on the critical path. Here the versions an assessment will read go to
// the analysis' one `cat-file --batch` as the parser meets them, and their facts go
// into the BlobFacts the assessment then uses (ADR 0028).
//
// Only versions an assessment reads are read (assess.ts, changesOf):
// - both sides of the changes of a non-merge commit on HEAD's first-parent line:
//   such a commit is its own unit (a lone commit, a squash) and its tip, and its
//   changes against its first parent are that unit's sides;
// - both sides of each file a first-parent merge's branch changed, by the names the
//   assessment gives them (`<merge>^1:<path>`, `<merge>:<path>`), as the log meets
//   the branch's newest change to it: the log shows a merge no changes, so their ids
//   are learnt from cat-file's answers, and the assessment then names those sides by
//   id (idOf).
// - both sides of a decision record's edit by a non-merge commit (record-edits.ts
//   reads `<sha>^1:<old path>` and `<sha>:<path>`: the ids the log gives), once the
//   records are known (knowRecords), for the comparison of its versions.
// A branch's own versions of signal files are never read. Nothing here decides
// anything: the facts are those the assessment would make of the same blob under the
// same name, and what was not read early is read by the assessment as before.
import { recordGist } from '../../adr/record-change';
import { blobIdsOf, existedBefore, pathBefore, type CommitRecord, type FileChange } from '../../model/history';
import { blobRequestKey, type BlobContent, type BlobReader, type BlobRequest } from '../../git/read-blobs';
import type { FileSignalKind, PathClassifier } from '../rules';
import { newBlobFacts, type BlobFacts, type KnownBlobs } from './blob-facts';
import { readSideFacts } from './assess-unit';
import { dependencyDiff } from './manifest-facts';
import { namesCompared } from './data';
import { isReleaseToolCommit } from './release-tools';

interface EarlySide {
  /** A signal file's kind, or a decision record. */
  kind: FileSignalKind | 'record';
  side: 'before' | 'after';
  change: { path: string; basePath: string };
  bothSides: boolean;
  /** Both sides' names, when both are asked: a manifest's two versions are compared as soon as both are read. */
  pair?: { before: BlobRequest; after: BlobRequest };
}

/** How many names go to cat-file at once at most while the log runs: more wait here, so its input never runs far ahead. */
const MAX_IN_FLIGHT = 256;
/** Names go to cat-file in batches of this many while the log runs: a write per commit cost more than the reading. */
const BATCH = 64;

export class EarlyBlobFacts implements KnownBlobs {
  /** For the assessment of this analysis (StructuralAssessor.assess). */
  readonly facts: BlobFacts = newBlobFacts();
  /** Per `<revision>:<path>` asked, the id of the blob cat-file gave. */
  private readonly ids = new Map<string, string>();
  /** The next commit of HEAD's first-parent line, as the log (children before parents) comes to it. */
  private expected: string | null;
  /** The next commits of first-parent merges' branches, down their own first parents: the merge each leads to. */
  private readonly branchOf = new Map<string, string>();
  /** Per first-parent merge whose branch is still coming, the paths whose sides were asked. */
  private readonly newest = new Map<string, Set<string>>();
  /** Each side asked for, by its id and the name it is read under: one read each. */
  private readonly asked = new Set<string>();
  private waiting: Array<{ request: BlobRequest; sides: EarlySide[] }> = [];
  /** The sides of each name asked and not yet answered: a blob met again under another name meanwhile is read once. */
  private readonly unanswered = new Map<string, EarlySide[]>();
  private inFlight = 0;
  /** Settles when every name sent so far is answered (or cat-file failed). */
  private reading: Promise<unknown> = Promise.resolve();
  /** The history pass is over: nothing more to wait for. */
  private ended = false;
  private stopped = false;
  /** A send of fewer than a batch is due after the parser's current chunk. */
  private flushing = false;
  /** The decision records, once read (knowRecords), by each path the log has shown them under: their edits are read too. */
  private readonly records = new Map<string, string>();

  /** `head`: HEAD's commit, when known before the pass; else the first the log gives (a refresh learns HEAD from its log). */
  constructor(private head: string | undefined, private readonly classify: PathClassifier, private readonly reader: BlobReader) {
    this.expected = head ?? null;
  }

  /** Each commit of the history pass, in `git log` order. */
  commit(record: CommitRecord): void {
    this.head ??= record.sha;
    // A pass that starts again (a cached head gone) starts from HEAD again.
    if (record.sha === this.head) this.expected = record.sha;
    if (this.stopped || this.ended) return;
    if (this.records.size > 0) this.followRecords(record);
    const merge = this.branchOf.get(record.sha);
    if (merge !== undefined) this.branchOf.delete(record.sha);
    if (record.sha === this.expected) {
      // Where a branch forked: its merge has all the versions it will get.
      if (merge !== undefined) this.newest.delete(merge);
      this.expected = record.parents[0] ?? null;
      if (record.parents.length > 1) {
        for (const parent of record.parents.slice(1)) this.branchOf.set(parent, record.sha);
        this.newest.set(record.sha, new Set());
      } else if (!isReleaseToolCommit(record.subject)) for (const change of record.files) this.offer(change);
    } else if (merge !== undefined) {
      const first = record.parents[0];
      if (first !== undefined && !this.branchOf.has(first)) this.branchOf.set(first, merge);
      const asked = this.newest.get(merge);
      // A merge on the branch has no changes in the log.
      if (asked && record.parents.length === 1) {
        for (const change of record.files) {
          if (asked.has(change.path)) continue;
          asked.add(change.path);
          this.offerMerged(merge, change);
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
   * The history pass is over. What still waits goes to cat-file now, ahead of the
   * assessment's own names, when it is no more than one window of names; a longer
   * backlog is left to the assessment, which reads a unit at a time and lets its
   * texts go: read in one go after a short log, govuk-aws' 9,000 names raised the
   * CLI's peak RSS by 40 MB and saved nothing. A merge whose branch has not reached
   * its fork yet asks nothing more.
   */
  end(): void {
    this.ended = true;
    if (this.waiting.length > MAX_IN_FLIGHT) {
      for (const { request } of this.waiting) this.unanswered.delete(blobRequestKey(request));
      this.waiting = [];
    }
    this.send();
    this.asked.clear();
    this.branchOf.clear();
    this.newest.clear();
  }

  /** No more reading: the analysis is ending, or failed. Answers still coming are not read. */
  stop(): void {
    this.stopped = true;
    this.waiting = [];
    this.unanswered.clear();
    this.asked.clear();
    this.branchOf.clear();
    this.newest.clear();
  }

  /** The decision records' paths: the edits the log meets from here on are read as the log runs. */
  knowRecords(paths: Iterable<string>): void {
    for (const path of paths) this.records.set(path, path);
  }

  /** A property, not a method: the assessment calls it on its own. */
  readonly idOf = (revision: string, path: string): string | undefined => this.ids.get(blobRequestKey({ revision, path }));

  /**
   * A commit's changes to records, followed back across renames as file-history.ts
   * follows them (the log meets a rename before the record's older edits): both
   * versions of each edit by a non-merge commit, by the ids the log gave, known by
   * the names record-edits.ts gives them, and read for the record's current path.
   */
  private followRecords(commit: CommitRecord): void {
    for (const change of commit.files) {
      const record = this.records.get(change.path);
      if (record === undefined) continue;
      if (change.oldPath !== undefined) this.records.set(change.oldPath, record);
      const ids = blobIdsOf(change);
      if (commit.parents.length > 1 || ids.before === null || ids.after === null || !existedBefore(change) || change.status === 'D') continue;
      this.ids.set(blobRequestKey({ revision: `${commit.sha}^1`, path: pathBefore(change) }), ids.before);
      this.ids.set(blobRequestKey({ revision: commit.sha, path: change.path }), ids.after);
      this.askBoth('record', { path: record, basePath: record }, true, { id: ids.before }, { id: ids.after });
    }
  }

  /** Both sides of a lone commit's change, by the ids the log gave. */
  private offer(change: FileChange): void {
    const kind = this.kindOf(change.path);
    if (kind === null) return;
    const ids = blobIdsOf(change);
    const bothSides = ids.before !== null && ids.after !== null;
    const sides = { path: change.path, basePath: pathBefore(change) };
    this.askBoth(kind, sides, bothSides, ids.before !== null && existedBefore(change) ? { id: ids.before } : null, ids.after !== null && change.status !== 'D' ? { id: ids.after } : null);
  }

  /**
   * A file a merge's branch changed, met at its newest change there: both sides,
   * by path at the merge and at its first parent, as the log comes to it (the
   * branch's own first parents need not reach its fork before the log ends). The
   * old side is asked by the path this change started from, unless it added the
   * file; where an older change on the branch added or renamed it, the answer is
   * missing or not the one the assessment asks for, and it reads that side itself.
   */
  private offerMerged(merge: string, change: FileChange): void {
    const kind = this.kindOf(change.path);
    if (kind === null) return;
    const sides = { path: change.path, basePath: pathBefore(change) };
    // Whether the file was there before the branch is not known here: a schema's names may be read for nothing.
    this.askBoth(kind, sides, true, existedBefore(change) ? { revision: `${merge}^1`, path: sides.basePath } : null, change.status !== 'D' ? { revision: merge, path: change.path } : null);
  }

  private askBoth(kind: EarlySide['kind'], change: EarlySide['change'], bothSides: boolean, before: BlobRequest | null, after: BlobRequest | null): void {
    const pair = before && after ? { before, after } : undefined;
    if (before) this.ask(before, { kind, side: 'before', change, bothSides, pair });
    if (after) this.ask(after, { kind, side: 'after', change, bothSides, pair });
  }

  /** A manifest's change whose both sides are read: its dependencies compared now (dependencyDiff), while the log runs. */
  private compareEarly({ kind, change, pair }: EarlySide): void {
    if (kind !== 'dependency' || pair === undefined) return;
    const beforeId = this.idOfRequest(pair.before);
    const afterId = this.idOfRequest(pair.after);
    if (beforeId === undefined || afterId === undefined) return;
    const before = this.facts.manifests.get(change.basePath, beforeId);
    const after = this.facts.manifests.get(change.path, afterId);
    if (before && after) dependencyDiff(before, after);
  }

  private idOfRequest(request: BlobRequest): string | undefined {
    return 'id' in request ? request.id : this.ids.get(blobRequestKey(request));
  }

  /** CODEOWNERS is compared as text: nothing is kept of it. */
  private kindOf(path: string): FileSignalKind | null {
    const kind = this.classify(path);
    return kind === 'ownership' ? null : kind;
  }

  private ask(request: BlobRequest, side: EarlySide): void {
    // The name it is read under (readSideFacts): a version is the new side of one unit and the old side of the next.
    const name = blobRequestKey(request);
    const key = `${name}\u0000${side.kind}\u0000${side.side === 'before' ? side.change.basePath : side.change.path}\u0000${side.change.path}`;
    if (this.asked.has(key)) return;
    this.asked.add(key);
    const sides = this.unanswered.get(name);
    if (sides) sides.push(side);
    else {
      const waiting = { request, sides: [side] };
      this.unanswered.set(name, waiting.sides);
      this.waiting.push(waiting);
    }
  }

  /**
   * Sends what waits, a batch at a time while the log runs; fewer than a batch
   * go once the parser has given every commit of its current chunk.
   */
  private send(whatWaits = false): void {
    if (this.stopped || this.waiting.length === 0) return;
    if (!this.ended && this.inFlight >= MAX_IN_FLIGHT) return;
    if (!this.ended && !whatWaits && this.waiting.length < BATCH) {
      if (!this.flushing) {
        this.flushing = true;
        setImmediate(() => {
          this.flushing = false;
          this.send(true);
        });
      }
      return;
    }
    const batch = this.waiting.splice(0, this.ended ? this.waiting.length : MAX_IN_FLIGHT - this.inFlight);
    this.inFlight += batch.length;
    // A failure of cat-file reaches the assessment, which asks the same reader next.
    const read = this.reader.stream(batch.map(({ request }) => request), (index, blob) => {
      this.inFlight -= 1;
      const asked = batch[index];
      if (!asked || this.stopped) return;
      const name = blobRequestKey(asked.request);
      this.unanswered.delete(name);
      if ('path' in asked.request && blob.id !== null) this.ids.set(name, blob.id);
      for (const side of asked.sides) {
        readSide(side, blob, this.facts);
        this.compareEarly(side);
      }
    }).then(() => this.send(), () => undefined);
    this.reading = Promise.all([this.reading, read]);
  }
}

function readSide({ kind, side, change, bothSides }: EarlySide, blob: BlobContent, facts: BlobFacts): void {
  if (blob.id === null || blob.text === null) return;
  const text = blob.text;
  if (kind === 'record') {
    facts.gists.of(change.path, blob.id, () => recordGist(change.path, text));
    return;
  }
  // A schema's names are read only where compareSchema compares them (as far as this side tells).
  if (kind === 'data' && !namesCompared(change.path, bothSides)) return;
  readSideFacts(kind, side, change, blob.text, blob.id, facts);
}
