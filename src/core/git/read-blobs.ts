// File contents at given commits, all through one `git cat-file --batch`: the
// structural comparison of manifests reads the old and new side of every change
// it weighs, and one process per file would cost more than the history pass.
import type { GitContext } from './git-context';
import { runGit } from './run';

export interface BlobRequest {
  /** A commit, or a revision expression such as `<sha>^1`. */
  revision: string;
  path: string;
}

/** Larger files are no manifest anyone edits by hand; they are skipped, not parsed. */
const MAX_BLOB_BYTES = 2 * 1024 * 1024;

const key = (request: BlobRequest): string => `${request.revision}:${request.path}`;

/**
 * Contents by `revision:path`; null where the path is not in that commit, its blob
 * is missing from the object store, it is not a blob, or it is too large. Paths
 * with a newline cannot be named on cat-file's input and are left out (null).
 */
export async function readBlobs(root: string, git: GitContext, requests: readonly BlobRequest[]): Promise<Map<string, string | null>> {
  const result = new Map<string, string | null>();
  const asked: string[] = [];
  for (const request of requests) {
    const name = key(request);
    if (result.has(name)) continue;
    result.set(name, null);
    if (!name.includes('\n')) asked.push(name);
  }
  if (asked.length === 0) return result;
  const chunks: Buffer[] = [];
  await runGit(['cat-file', '--batch=%(objecttype) %(objectsize)'], {
    cwd: root, gitPath: git.gitPath, env: git.env, signal: git.signal, timeoutMs: git.timeoutMs,
    input: `${asked.join('\n')}\n`, onStdout: (chunk) => chunks.push(chunk),
  });
  const output = Buffer.concat(chunks);
  let offset = 0;
  for (const name of asked) {
    const end = output.indexOf(0x0a, offset);
    if (end < 0) break;
    const header = output.toString('utf8', offset, end);
    offset = end + 1;
    const match = /^(\w+) (\d+)$/.exec(header);
    if (!match) continue;
    const size = Number(match[2]);
    if (match[1] === 'blob' && size <= MAX_BLOB_BYTES) result.set(name, output.toString('utf8', offset, offset + size));
    offset += size + 1;
  }
  return result;
}
