// V8's compiled code of the CLI's engine, kept in the cache folder for the next run. Node
// compiles the engine's bundle at every start, and each function again when first called;
// a code cache made at the end of an analysis holds what it ran, so the next start
// compiles next to nothing (Node 20 has no compile cache of its own: that came in 22.1).
// A production build keeps one beside the engine too (scripts/train-code-cache.mjs), for a
// first run whose cache folder has none (ADR 0029).
// V8 takes a code cache on trust, so a file is used only when it is a regular file (not a
// link) that no one but its owner may write, names the engine it was made from and
// matches its own checksum; otherwise the engine is compiled from its source. A kept
// file must be this user's own; the build's may also be root's, as the engine beside it is.
import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readFileSync, type Stats } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { cacheFileFor, writeCacheFile } from '../core/util/cache-folder';

const KIND = 'cli-code';
const MAGIC = 'decision-orbit code cache 1\n';
/** Sha-256 in hex of the engine's source, then of the code cache, each with a newline. */
const HEADER_LENGTH = MAGIC.length + 2 * 65;
/** Far above a cache of the whole bundle (about 1 MB): a larger file is not ours. */
const MAX_BYTES = 64 * 1024 * 1024;

/** In hex: how the launcher names the engine, and how a kept cache checks its own bytes. */
export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** One file per engine build and Node version (V8 takes no cache from another): `engine` is the sha-256 of the engine's source. */
export function codeCacheFile(dir: string, engine: string): string {
  return cacheFileFor(dir, KIND, `${engine} ${process.version} ${process.arch}`, 'bin');
}

/** Where a code cache comes from: the user's cache folder, or the build (beside the engine). */
export type CodeCacheOrigin = 'kept' | 'built';

/** Windows has no owner or mode bits here: a file in the user's profile or the install is left to its access lists. */
function trusted(stat: Stats, origin: CodeCacheOrigin): boolean {
  const uid = process.getuid?.();
  const owners = origin === 'kept' ? [uid] : [uid, 0];
  return stat.isFile() && (uid === undefined || (owners.includes(stat.uid) && (stat.mode & 0o022) === 0));
}

function readTrusted(file: string, origin: CodeCacheOrigin): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  } catch {
    return undefined;
  }
  try {
    const stat = fstatSync(fd);
    return trusted(stat, origin) && stat.size <= MAX_BYTES ? readFileSync(fd) : undefined;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** The code cache in `file` for the engine whose source hashes to `engine`, when it can be trusted; undefined otherwise. */
export function readCodeCache(file: string, engine: string, origin: CodeCacheOrigin = 'kept'): Buffer | undefined {
  const data = readTrusted(file, origin);
  if (data === undefined || data.length <= HEADER_LENGTH) return undefined;
  const code = data.subarray(HEADER_LENGTH);
  const header = data.subarray(0, HEADER_LENGTH).toString('latin1');
  return header === `${MAGIC}${engine}\n${sha256(code)}\n` ? code : undefined;
}

/** Keeps `code` for the engine `engine` in `file`, readable by this user alone, and removes the caches of other builds. */
export async function writeCodeCache(file: string, engine: string, code: Uint8Array): Promise<void> {
  const header = Buffer.from(`${MAGIC}${engine}\n${sha256(code)}\n`, 'latin1');
  await writeCacheFile(file, Buffer.concat([header, code]), 0o600);
  const dir = path.dirname(file);
  const stale = (await readdir(dir)).filter((name) => name.startsWith(`${KIND}-`) && name.endsWith('.bin') && name !== path.basename(file));
  await Promise.all(stale.map((name) => rm(path.join(dir, name), { force: true })));
}
