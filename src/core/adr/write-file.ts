// Writes that never leave a half-written record and that a swap between the check
// (confine.ts) and the write cannot redirect: the record is read through a descriptor
// opened without following links and compared with the file that was checked; the new
// bytes go to a temporary file beside it (created exclusively, never through a link,
// with the record's mode); the folder and the record are checked again, then the
// temporary file is renamed over the record (or, for a new record, hard-linked to its
// name, which fails when anything, a link included, took that name). A rename replaces
// the name, so it never writes through a link or into a file's other hard links.
// What remains: a folder on the way swapped for a link in the microseconds between the
// last check and the rename (ADR 0009).
import { constants, type Stats } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { link, open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { recheckConfined, WriteRefusedError, type ConfinedFile } from './confine';

const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;

function sameFile(a: Pick<Stats, 'dev' | 'ino'>, b: { dev: number; ino: number }): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

/** The checked file's bytes, read without following a link put in its place since. */
export async function readConfined(file: ConfinedFile): Promise<Buffer> {
  const handle = await open(file.absolute, constants.O_RDONLY | NO_FOLLOW | (constants.O_NONBLOCK ?? 0)).catch((error: NodeJS.ErrnoException) => {
    throw error.code === 'ELOOP' ? new WriteRefusedError('symlink', file.shown) : error;
  });
  try {
    const stats = await handle.stat();
    if (file.identity === null || !stats.isFile() || !sameFile(stats, file.identity)) throw new WriteRefusedError('changed', file.shown);
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

async function writeTemporary(file: ConfinedFile, data: string | Uint8Array): Promise<string> {
  const temp = path.join(path.dirname(file.absolute), `.${path.basename(file.absolute)}.${randomBytes(6).toString('hex')}.tmp`);
  const mode = file.identity === null ? 0o666 : file.identity.mode & 0o7777;
  const handle = await open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NO_FOLLOW, mode);
  try {
    // open() applies the umask; the record's own mode is what a replacement keeps.
    if (file.identity !== null) await handle.chmod(mode);
    await handle.writeFile(data);
  } catch (error) {
    await handle.close();
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await handle.close();
  return temp;
}

/**
 * Writes `data` to a confined file: replaces an existing record (`file.identity` set) or
 * creates a new one (never over anything). `allowed` is the rule's record check, run again
 * just before the rename.
 */
export async function writeConfined(file: ConfinedFile, data: string | Uint8Array, allowed: (relative: string) => boolean = () => true): Promise<void> {
  const temp = await writeTemporary(file, data);
  try {
    // The folder must still be the checked one (so the temporary file sits in it) and the target what was checked.
    await recheckConfined(file, allowed);
    if (file.identity === null) {
      await link(temp, file.absolute).catch((error: NodeJS.ErrnoException) => {
        throw error.code === 'EEXIST' ? new WriteRefusedError('exists', file.shown) : error;
      });
      await unlink(temp);
    } else {
      await rename(temp, file.absolute);
    }
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}
