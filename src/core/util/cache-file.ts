// Files one process leaves in the cache folder (never in the repository) for the
// next one, the CLI's re-run: named by the repository, checked on read as hostile
// input (a damaged or foreign file is no file), replaced in one rename.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import * as z from 'zod';
import { cacheFileFor, writeCacheFile } from './cache-folder';

let build: string | undefined;

/**
 * The running engine's code (its bundle, or this module under a TypeScript runner), as a short hash:
 * what a kept result says is the rules' answer, and another build may have other rules.
 */
export function engineBuild(): string {
  build ??= createHash('sha256').update(readFileSync(__filename)).digest('hex').slice(0, 16);
  return build;
}

/** The sha-256 in hex of the engine's bundle, from whoever loaded it and has hashed it already (the CLI's launcher). */
export function knowEngineBuild(sha256: string): void {
  build = sha256.slice(0, 16);
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
 * What every file of results the engine's rules gave carries: the build that wrote it (another
 * build may have other rules) and the repository it is for. Part of each such file's schema.
 */
export const KEPT_RESULTS_HEADER = { build: z.string(), root: z.string() };
type KeptResultsHeader = { build: string; root: string };

/** The results kept in `dir` for `root` when they fit `schema` and this build wrote them; null otherwise. */
export async function readKeptResults<T extends KeptResultsHeader>(dir: string, kind: string, root: string, schema: z.ZodType<T>): Promise<T | null> {
  const file = await readCacheFile(cacheFileFor(dir, kind, root), schema);
  return file !== null && file.build === engineBuild() && file.root === root ? file : null;
}

/** Keeps `content` for `root`, marked with this build. */
export function writeKeptResults<T extends KeptResultsHeader>(dir: string, kind: string, root: string, content: Omit<T, keyof KeptResultsHeader>): Promise<void> {
  return writeCacheFile(cacheFileFor(dir, kind, root), JSON.stringify({ ...content, build: engineBuild(), root }));
}
