// Facts about the repository that the history pass needs before it starts.
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { GitRunOptions } from './run';
import { runShortGit } from './short-call';

export interface RepositoryInfo {
  root: string;
  head: string | null;
  shallow: boolean;
  /**
   * A partial clone: its blobs are expected to be missing, so the history pass
   * reads it without rename detection from the start (renames need blob contents,
   * and git would otherwise fetch them from the promisor remote one by one).
   */
  partialClone: boolean;
}

type GitCallOptions = Pick<GitRunOptions, 'gitPath' | 'signal' | 'timeoutMs' | 'env'>;

export async function findRepositoryRoot(path: string, options: GitCallOptions = {}): Promise<string> {
  const { stdout } = await runShortGit(['rev-parse', '--show-toplevel'], { ...options, cwd: path });
  return stdout.trim();
}

const FALSE_WORDS = new Set(['false', 'no', 'off', '0', '']);

/**
 * `git config --null --get-regexp` output of the keys that make a partial clone:
 * `extensions.partialClone` names a promisor remote; `remote.<name>.promisor` is a
 * boolean (a key with no value at all is true, as git reads it).
 */
export function isPartialCloneConfig(output: string): boolean {
  return output.split('\0').some((entry) => {
    if (entry === '') return false;
    const newline = entry.indexOf('\n');
    const key = (newline === -1 ? entry : entry.slice(0, newline)).toLowerCase();
    const value = newline === -1 ? null : entry.slice(newline + 1).trim();
    if (key === 'extensions.partialclone') return value !== null && value !== '';
    return key.startsWith('remote.') && key.endsWith('.promisor') && (value === null || !FALSE_WORDS.has(value.toLowerCase()));
  });
}

/** The repository's own config file as last seen: changed in any way, it is read again. */
function configStamp(file: string): Promise<string | null> {
  return stat(file).then((s) => `${s.ino} ${s.size} ${s.mtimeMs} ${s.ctimeMs}`, () => null);
}

/**
 * The partial-clone answer kept between a long-lived host's analyses, by the
 * repository's config file: git writes both keys that make a partial clone
 * (`extensions.partialClone`, `remote.<name>.promisor`) there when it clones or
 * fetches with a filter, so while that file is unchanged the answer is too, and a
 * refresh runs one git process for the check instead of two.
 */
export class PartialCloneMemo {
  private readonly known = new Map<string, { stamp: string; partialClone: boolean }>();

  async answer(configFile: string, read: () => Promise<boolean>): Promise<boolean> {
    const stamp = await configStamp(configFile);
    const known = this.known.get(configFile);
    if (stamp !== null && known?.stamp === stamp) return known.partialClone;
    const partialClone = await read();
    if (stamp === null) this.known.delete(configFile);
    else this.known.set(configFile, { stamp, partialClone });
    return partialClone;
  }
}

/**
 * A pack fetched from a promisor remote is marked by a `.promisor` file beside it. A
 * copy whose config lost the promisor settings (an archive, a restored backup) still
 * lacks what the promisor would have sent, and reading it as a snapshot that lost
 * blobs would cost a first pass with rename detection until it fails.
 */
async function hasPromisorPack(objects: string): Promise<boolean> {
  const names = await readdir(join(objects, 'pack')).catch(() => []);
  return names.some((name) => name.endsWith('.promisor'));
}

async function readPartialClone(path: string, options: GitCallOptions): Promise<boolean> {
  const config = await runShortGit(['config', '--null', '--get-regexp', '^(extensions\\.partialclone|remote\\..*\\.promisor)$'], { ...options, cwd: path, okExitCodes: [1] });
  return isPartialCloneConfig(config.stdout);
}

/** rev-parse prints the root, shallowness and the common git folder even when HEAD has no commit yet (exit 1). */
async function revParseFacts(path: string, options: GitCallOptions): Promise<{ info: Omit<RepositoryInfo, 'partialClone'>; configFile: string; objects: string }> {
  const result = await runShortGit(
    ['rev-parse', '--show-toplevel', '--is-shallow-repository', '--git-common-dir', '--git-path', 'objects', '--verify', '--quiet', '--end-of-options', 'HEAD^{commit}'],
    { ...options, cwd: path, okExitCodes: [1] },
  );
  const [root = path, shallow = 'false', commonDir = '.git', objects = '.git/objects', head = ''] = result.stdout.split('\n');
  return {
    // Relative folders are relative to where git ran.
    configFile: resolve(path, commonDir.trim(), 'config'),
    objects: resolve(path, objects.trim()),
    info: { root, head: result.exitCode === 0 && head.trim() !== '' ? head.trim() : null, shallow: shallow.trim() === 'true' },
  };
}

/**
 * rev-parse and config (which finds a partial clone; exit 1: none) side by side;
 * with a `memo` that kept the answer for an unchanged config file, rev-parse alone.
 */
export async function readRepositoryInfo(path: string, options: GitCallOptions = {}, memo?: PartialCloneMemo): Promise<RepositoryInfo> {
  if (memo) {
    const { info, configFile, objects } = await revParseFacts(path, options);
    return { ...info, partialClone: (await memo.answer(configFile, () => readPartialClone(path, options))) || (await hasPromisorPack(objects)) };
  }
  const [revParse, config] = await Promise.allSettled([revParseFacts(path, options), readPartialClone(path, options)]);
  // rev-parse's failure first: it is the one that tells what is wrong with the folder.
  if (revParse.status === 'rejected') throw revParse.reason;
  if (config.status === 'rejected') throw config.reason;
  return { ...revParse.value.info, partialClone: config.value || (await hasPromisorPack(revParse.value.objects)) };
}
