// File contents at given commits, all through one `git cat-file --batch`: the
// structural comparison of manifests reads the old and new side of every change
// it weighs, and one process per file would cost more than the history pass.
// The contents stream to the caller in the order asked, so a caller that is done
// with a blob lets it go before the next arrives.
import { CatFileBatchParser } from './cat-file-batch';
import { GitError } from './errors';
import type { GitContext } from './git-context';
import { runGit } from './run';

export interface BlobRequest {
  /** A commit, or a revision expression such as `<sha>^1`. */
  revision: string;
  path: string;
}

export interface BlobContent {
  /** The blob's id: the same id is the same text (what a caller may remember a result by). */
  id: string | null;
  text: string | null;
}

/** Larger files are no manifest anyone edits by hand; they are skipped, not parsed. */
const MAX_BLOB_BYTES = 2 * 1024 * 1024;

const NONE: BlobContent = { id: null, text: null };

const key = (request: BlobRequest): string => `${request.revision}:${request.path}`;

/**
 * Calls `onBlob` once per request, in the order given, as cat-file writes each
 * one. The content is null where the path is not in that commit, its blob is
 * missing from the object store, it is not a blob, or it is too large. Paths with
 * a newline cannot be named on cat-file's input and are left out (null).
 */
export async function streamBlobs(root: string, git: GitContext, requests: readonly BlobRequest[], onBlob: (index: number, blob: BlobContent) => void): Promise<void> {
  const asked: string[] = [];
  /** The request the next answer belongs to; unnameable ones are answered (null) in their turn. */
  let next = 0;
  const skipUnnameable = (): void => {
    while (next < requests.length && key(requests[next] as BlobRequest).includes('\n')) onBlob(next++, NONE);
  };
  for (const request of requests) if (!key(request).includes('\n')) asked.push(key(request));
  skipUnnameable();
  if (asked.length === 0) return;
  const parser = new CatFileBatchParser(MAX_BLOB_BYTES);
  let answered = 0;
  const take = (entry: { id: string | null; text: string | null }): void => {
    answered += 1;
    onBlob(next++, entry.id === null ? NONE : { id: entry.id, text: entry.text });
    skipUnnameable();
  };
  const args = ['cat-file', '--batch=%(objectname) %(objecttype) %(objectsize)'];
  await runGit(args, {
    cwd: root, gitPath: git.gitPath, env: git.env, signal: git.signal, timeoutMs: git.timeoutMs,
    input: `${asked.join('\n')}\n`, onStdout: (chunk) => parser.push(chunk, take),
  });
  if (answered !== asked.length || !parser.idle) {
    throw new GitError('Unknown', `git cat-file answered ${answered} of ${asked.length} names`, args);
  }
}

/** Contents by `revision:path`, each asked once (see streamBlobs for when it is null). */
export async function readBlobs(root: string, git: GitContext, requests: readonly BlobRequest[]): Promise<Map<string, string | null>> {
  const result = new Map<string, string | null>();
  const unique: BlobRequest[] = [];
  for (const request of requests) {
    if (result.has(key(request))) continue;
    result.set(key(request), null);
    unique.push(request);
  }
  await streamBlobs(root, git, unique, (index, blob) => result.set(key(unique[index] as BlobRequest), blob.text));
  return result;
}
