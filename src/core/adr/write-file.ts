// Writes that never leave a half-written record: a temporary file beside the target, then a
// rename (or, for new files, a hard link that fails when the target already exists).
import { randomBytes } from 'node:crypto';
import { link, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

export class FileExistsError extends Error {
  override readonly name = 'FileExistsError';
}

export async function writeFileAtomic(target: string, data: string | Uint8Array, options: { exclusive?: boolean } = {}): Promise<void> {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const mode = await stat(target).then((s) => s.mode, () => undefined);
  await writeFile(temp, data, { flag: 'wx', ...(mode === undefined ? {} : { mode }) });
  try {
    if (options.exclusive) {
      await link(temp, target).catch((error: NodeJS.ErrnoException) => {
        throw error.code === 'EEXIST' ? new FileExistsError(`${target} already exists`) : error;
      });
      await unlink(temp);
    } else {
      await rename(temp, target);
    }
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}
