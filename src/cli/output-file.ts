// A file the user asked us to write (`--html FILE`) is checked before the
// analysis starts, so a typo or an unwritable place costs nothing and says so in
// one line; the report is then written beside it and renamed into place.
import { constants, promises as fs } from 'node:fs';
import path from 'node:path';
import { UsageError } from './io';

const CANNOT: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOENT: 'files cannot be created there',
  ENOTDIR: 'its folder is not a folder',
  EISDIR: 'it is a folder',
};

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  return CANNOT[code] ?? code;
}

/** Throws a UsageError unless `file` can be written; leaves nothing behind. */
export async function checkOutputFile(flag: string, file: string): Promise<void> {
  const existing = await fs.stat(file).catch(() => null);
  if (existing?.isDirectory()) throw new UsageError(`${flag} ${file} is a folder; name the file to write`);
  const folder = path.dirname(file);
  const parent = await fs.stat(folder).catch(() => null);
  if (!parent) throw new UsageError(`${flag} ${file}: the folder ${folder} does not exist`);
  if (!parent.isDirectory()) throw new UsageError(`${flag} ${file}: ${folder} is not a folder`);
  if (existing) {
    await fs.access(file, constants.W_OK).catch((error: unknown) => {
      throw new UsageError(`${flag} ${file} cannot be written (${reason(error)})`);
    });
    return;
  }
  // Creating it is the only test that tells (root passes access(), /proc still refuses).
  const handle = await fs.open(file, 'wx').catch((error: unknown) => {
    throw new UsageError(`${flag} ${file} cannot be created (${reason(error)})`);
  });
  await handle.close();
  await fs.rm(file, { force: true });
}

/** Writes `text` to a temporary file beside `file`, then renames it into place; a device (e.g. /dev/stdout) is written directly. */
export async function writeOutputFile(file: string, text: string): Promise<void> {
  const existing = await fs.stat(file).catch(() => null);
  if (existing && !existing.isFile()) {
    await fs.writeFile(file, text);
    return;
  }
  // The user's own path: a link they named is written through, not replaced.
  const target = existing ? await fs.realpath(file) : file;
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    await fs.writeFile(temporary, text, { flag: 'wx', mode: existing ? existing.mode & 0o777 : 0o666 });
    await fs.rename(temporary, target);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw new Error(`the report could not be written to ${file} (${reason(error)})`);
  }
}
