// Files one process leaves in the cache folder (never in the repository) for the
// next one, the CLI's re-run: named by the repository, checked on read as hostile
// input (a damaged or foreign file is no file), replaced in one rename.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { z } from 'zod';

let build: string | undefined;

/**
 * The running engine's code (its bundle, or this module under a TypeScript runner), as a short hash:
 * what a kept result says is the rules' answer, and another build may have other rules.
 */
export function engineBuild(): string {
  build ??= createHash('sha256').update(readFileSync(__filename)).digest('hex').slice(0, 16);
  return build;
}

/** `<dir>/<kind>-<hash of root>.<extension>`: one file of each kind per repository. */
export function cacheFileFor(dir: string, kind: string, root: string, extension = 'json'): string {
  return join(dir, `${kind}-${createHash('sha256').update(root).digest('hex').slice(0, 16)}.${extension}`);
}

/** The file's content when it is there, is JSON and fits `schema`; null otherwise. */
export async function readCacheFile<T>(file: string, schema: z.ZodType<T>): Promise<T | null> {
  const text = await readFile(file, 'utf8').catch(() => null);
  if (text === null) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = schema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/**
 * Replaces `file` with `text` in one rename, so a reader never meets half of one. The temporary
 * file is created anew (`wx`): a link left in its place is removed, never written through.
 */
export async function writeCacheFile(file: string, text: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await rm(temporary, { force: true });
  await writeFile(temporary, text, { flag: 'wx' });
  await rename(temporary, file);
}
