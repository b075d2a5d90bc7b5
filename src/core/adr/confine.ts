// The one rule every write obeys, in the CLI and in the extension: it touches only a
// regular file that discovery found as a record (or the config file at the repository
// root) whose real path is inside the repository's work tree. A symbolic link is
// refused, never followed or replaced; so is a folder on the way that leads outside.
// A hostile repository can commit a "record" that links to ~/.ssh/id_rsa: following it
// would copy the key into the working tree, replacing it would write outside.
// What this check cannot close (a file or folder swapped between the check and the
// write) is narrowed by the writers: src/core/adr/write-file.ts in the CLI, the
// save-time check in src/extension/adr/write-guard.ts; ADR 0009 states what remains.
import type { Stats } from 'node:fs';
import { lstat, realpath } from 'node:fs/promises';
import path from 'node:path';
import { toPosix } from './repo-paths';

export type WriteRefusal = 'outside' | 'symlink' | 'not-record' | 'not-regular' | 'missing' | 'exists' | 'changed';

const REASONS: Record<WriteRefusal, string> = {
  outside: 'is outside the repository; Decision Orbit writes only inside the repository it works on',
  symlink: 'is a symbolic link; Decision Orbit never writes through or over a link',
  'not-record': 'is not a decision record that discovery found; Decision Orbit edits only records (and .decision-orbit.yml)',
  'not-regular': 'is not a regular file of its own (a folder, a device, or a file with other hard links)',
  missing: 'does not exist',
  exists: 'already exists; nothing was written',
  changed: 'was replaced while being edited; nothing was written',
};

/** A write the rule refuses: one line naming the path as the user wrote it and the reason. */
export class WriteRefusedError extends Error {
  override readonly name = 'WriteRefusedError';
  constructor(
    readonly reason: WriteRefusal,
    readonly shown: string,
  ) {
    super(`${shown} ${REASONS[reason]}`);
  }
}

/** A file the rule allows, and the identity it had when checked (writers compare it again). */
export interface ConfinedFile {
  /** Real path of the repository's work tree. */
  root: string;
  /** Real path of the file. */
  absolute: string;
  /** Repository-relative POSIX path. */
  relative: string;
  /** How messages name it. */
  shown: string;
  /** Identity and mode when checked; null for a file still to be created. */
  identity: { dev: number; ino: number; mode: number } | null;
}

export interface ConfineOptions {
  /** How messages name the file (the user's own spelling); default: the repository-relative path. */
  shown?: string;
  /** True for the repository-relative POSIX paths that may be written (records discovery found, the config file). */
  allowed: (relative: string) => boolean;
}

function escapes(relative: string): boolean {
  return relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative);
}

async function lstatOrNull(absolute: string): Promise<Stats | null> {
  return lstat(absolute).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return null;
    throw error;
  });
}

/** The real path of `absolute`'s folder, resolving only the folders that exist (a new record's folder may not yet). */
async function realFolder(absolute: string): Promise<string> {
  const folder = path.dirname(absolute);
  const real = await realpath(folder).catch(() => null);
  if (real !== null) return real;
  const parent = path.dirname(folder);
  if (parent === folder) return folder;
  return path.join(await realFolder(folder), path.basename(folder));
}

async function locate(root: string, target: string, shown: string | undefined): Promise<{ realRoot: string; absolute: string; relative: string; shown: string }> {
  const realRoot = await realpath(root);
  const lexical = path.resolve(realRoot, target);
  // The folder is resolved, so a folder on the way that links outside lands outside;
  // the file's own name is not, so a link there is seen as one.
  const absolute = path.join(await realFolder(lexical), path.basename(lexical));
  const relative = path.relative(realRoot, absolute);
  const label = shown ?? (escapes(relative) ? lexical : toPosix(relative));
  if (relative === '' || escapes(relative)) throw new WriteRefusedError('outside', label);
  return { realRoot, absolute, relative: toPosix(relative), shown: label };
}

/** Checks an existing file against the rule; throws WriteRefusedError with the first reason that applies. */
export async function confineExisting(root: string, target: string, options: ConfineOptions): Promise<ConfinedFile> {
  const { realRoot, absolute, relative, shown } = await locate(root, target, options.shown);
  const stats = await lstatOrNull(absolute);
  if (stats === null) throw new WriteRefusedError('missing', shown);
  if (stats.isSymbolicLink()) throw new WriteRefusedError('symlink', shown);
  // A second hard link is another name for the same bytes, possibly outside: the writers
  // replace the name (breaking the link) but VS Code writes in place.
  if (!stats.isFile() || stats.nlink > 1) throw new WriteRefusedError('not-regular', shown);
  if (!options.allowed(relative)) throw new WriteRefusedError('not-record', shown);
  return { root: realRoot, absolute, relative, shown, identity: { dev: stats.dev, ino: stats.ino, mode: stats.mode } };
}

/** Checks a file still to be created: inside the repository, nothing (not even a dangling link) in its place. */
export async function confineNew(root: string, target: string, options: Pick<ConfineOptions, 'shown'> = {}): Promise<ConfinedFile> {
  const { realRoot, absolute, relative, shown } = await locate(root, target, options.shown);
  const stats = await lstatOrNull(absolute);
  if (stats?.isSymbolicLink()) throw new WriteRefusedError('symlink', shown);
  if (stats !== null) throw new WriteRefusedError('exists', shown);
  return { root: realRoot, absolute, relative, shown, identity: null };
}

/** Runs the check again on a file checked before: same place, same identity, still allowed. */
export async function recheckConfined(file: ConfinedFile, allowed: (relative: string) => boolean): Promise<void> {
  const again = file.identity === null ? await confineNew(file.root, file.absolute, { shown: file.shown }) : await confineExisting(file.root, file.absolute, { shown: file.shown, allowed });
  if (again.absolute !== file.absolute) throw new WriteRefusedError('outside', file.shown);
  if (file.identity !== null && (again.identity?.dev !== file.identity.dev || again.identity.ino !== file.identity.ino)) {
    throw new WriteRefusedError('changed', file.shown);
  }
}
