// File contents at given commits, all through one `git cat-file --batch` per
// analysis: the record edits and the structural comparison of signal files both
// read the old and new side of the changes they weigh, and one process per file
// (or per reader) would cost more than it reads. The contents stream to each
// caller in the order it asked, so a caller that is done with a blob lets it go
// before the next arrives.
import { PassThrough } from 'node:stream';
import { CatFileBatchParser, type BatchEntry } from './cat-file-batch';
import { GitError } from './errors';
import type { GitContext } from './git-context';
import { openObjectStoreView, type ObjectStoreView } from './object-store-view';
import { runGit } from './run';

/**
 * A file at a commit, or a blob by its id. An id is what cat-file answers
 * cheapest: a path is resolved through the commit's trees, which a packed
 * repository keeps as deltas to undo first.
 */
export type BlobRequest =
  | {
    /** A commit, or a revision expression such as `<sha>^1`. */
    revision: string;
    path: string;
  }
  | { id: string };

export interface BlobContent {
  /** The blob's id: the same id is the same text (what a caller may remember a result by). */
  id: string | null;
  text: string | null;
}

/** Larger files are no manifest anyone edits by hand; they are skipped, not parsed. */
const MAX_BLOB_BYTES = 2 * 1024 * 1024;

const NONE: BlobContent = { id: null, text: null };
const ARGS = ['cat-file', '--batch=%(objectname) %(objecttype) %(objectsize)'];

/** The name cat-file is given for a request, and the key of `read`'s answer. */
export function blobRequestKey(request: BlobRequest): string {
  return 'id' in request ? request.id : `${request.revision}:${request.path}`;
}

/** One caller's requests: answered in turn, then settled. */
interface Asking {
  requests: readonly BlobRequest[];
  onBlob: (index: number, blob: BlobContent) => void;
  /** The request the next answer belongs to; unnameable ones are answered (null) in their turn. */
  next: number;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * One `git cat-file --batch` for every caller of an analysis, started with the
 * first name asked and kept open until `close`: each `stream` writes its names
 * and is answered in order, the callers one after another in the order they asked.
 */
export class BlobReader {
  private readonly queue: Asking[] = [];
  private input: PassThrough | null = null;
  private running: Promise<unknown> = Promise.resolve();
  private failure: unknown = null;
  private closed = false;
  private readonly parser = new CatFileBatchParser(MAX_BLOB_BYTES);
  /** A partial clone's view of its objects without the promisor (object-store-view.ts), once cat-file starts. */
  private view: Promise<ObjectStoreView | null> = Promise.resolve(null);

  /** `partialClone`: cat-file reads through an object-store view, where a blob the clone lacks is `missing`. */
  constructor(private readonly root: string, private readonly git: GitContext, private readonly partialClone = false) {}

  /**
   * Calls `onBlob` once per request, in the order given, as cat-file writes each
   * one. The content is null where the path is not in that commit, its blob is
   * missing from the object store, it is not a blob, or it is too large. Paths with
   * a newline cannot be named on cat-file's input and are left out (null).
   */
  stream(requests: readonly BlobRequest[], onBlob: (index: number, blob: BlobContent) => void): Promise<void> {
    if (this.closed) throw new Error('BlobReader.stream after close');
    const names = requests.map(blobRequestKey).filter((name) => !name.includes('\n'));
    return new Promise<void>((resolve, reject) => {
      const asking: Asking = { requests, onBlob, next: 0, resolve, reject };
      if (names.length === 0) {
        this.skipUnnameable(asking);
        resolve();
        return;
      }
      if (this.failure !== null) {
        reject(this.failure);
        return;
      }
      this.queue.push(asking);
      this.start().write(`${names.join('\n')}\n`);
      if (this.queue.length === 1) this.skipUnnameable(asking);
    });
  }

  /** Contents by `revision:path` (or id), each asked once (see stream for when it is null). */
  async read(requests: readonly BlobRequest[]): Promise<Map<string, string | null>> {
    const result = new Map<string, string | null>();
    const unique: BlobRequest[] = [];
    for (const request of requests) {
      if (result.has(blobRequestKey(request))) continue;
      result.set(blobRequestKey(request), null);
      unique.push(request);
    }
    await this.stream(unique, (index, blob) => result.set(blobRequestKey(unique[index] as BlobRequest), blob.text));
    return result;
  }

  /**
   * Ends cat-file's input and waits for it to exit, then removes the object-store
   * view. A failure has already gone to every caller still waiting for an
   * answer; one that comes after every answer is in (a signal, a timeout at the
   * very end) loses nothing.
   */
  async close(): Promise<void> {
    this.closed = true;
    this.input?.end();
    await this.running.catch(() => undefined);
    await (await this.view.catch(() => null))?.remove();
  }

  private start(): PassThrough {
    if (this.input) return this.input;
    const input = new PassThrough();
    this.input = input;
    if (this.partialClone) this.view = openObjectStoreView(this.root, this.git);
    // The names written before git starts wait in the stream.
    this.running = this.view.then((view) => runGit(view ? [...view.args, ...ARGS] : ARGS, {
      cwd: this.root, gitPath: this.git.gitPath, env: view?.env ?? this.git.env, signal: this.git.signal, timeoutMs: this.git.timeoutMs,
      input, onStdout: (chunk) => this.parser.push(chunk, (entry) => this.answer(entry)),
    })).then(() => {
      if (this.queue.length > 0 || !this.parser.idle) this.fail(new GitError('Unknown', 'git cat-file stopped before answering every name', ARGS));
    }, (error: unknown) => this.fail(error));
    return input;
  }

  private answer(entry: BatchEntry): void {
    const asking = this.queue[0];
    if (!asking) throw new GitError('Unknown', 'git cat-file answered a name nobody asked', ARGS);
    asking.onBlob(asking.next++, entry.id === null ? NONE : { id: entry.id, text: entry.text });
    this.skipUnnameable(asking);
  }

  /** Answers the caller's unnameable requests up to its next named one; settles it when none are left. */
  private skipUnnameable(asking: Asking): void {
    const { requests } = asking;
    while (asking.next < requests.length && blobRequestKey(requests[asking.next] as BlobRequest).includes('\n')) asking.onBlob(asking.next++, NONE);
    if (asking.next < requests.length) return;
    if (this.queue[0] === asking) {
      this.queue.shift();
      const following = this.queue[0];
      if (following) this.skipUnnameable(following);
    }
    asking.resolve();
  }

  private fail(error: unknown): void {
    this.failure = error;
    for (const asking of this.queue.splice(0)) asking.reject(error);
  }
}
