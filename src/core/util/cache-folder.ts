// Naming and replacing files in a cache folder (never in the repository), without zod:
// the CLI's launcher uses these before the engine is loaded.
import { createHash } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** `<dir>/<kind>-<hash of key>.<extension>`: one file of each kind per key (a repository's root, a build). */
export function cacheFileFor(dir: string, kind: string, key: string, extension = 'json'): string {
  return join(dir, `${kind}-${createHash('sha256').update(key).digest('hex').slice(0, 16)}.${extension}`);
}

/**
 * Replaces `file` with `content` in one rename, so a reader never meets half of one. The temporary
 * file is created anew (`wx`): a link left in its place is removed, never written through.
 */
export async function writeCacheFile(file: string, content: string | Uint8Array, mode?: number): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await rm(temporary, { force: true });
  await writeFile(temporary, content, { flag: 'wx', ...(mode !== undefined ? { mode } : {}) });
  await rename(temporary, file);
}
