// Facts about the repository that the history pass needs before it starts.
import { lstat, readdir, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
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

/** What rev-parse tells of a repository besides its HEAD. */
export type RepositoryFacts = Omit<RepositoryInfo, 'head'>;

type GitCallOptions = Pick<GitRunOptions, 'gitPath' | 'signal' | 'timeoutMs' | 'env'>;

export async function findRepositoryRoot(path: string, options: GitCallOptions = {}): Promise<string> {
  const { stdout } = await runShortGit(['rev-parse', '--show-toplevel'], { ...options, cwd: path });
  return stdout.trim();
}

const FALSE_WORDS = new Set(['false', 'no', 'off', '0', '']);

/**
 * Whether `git config --null --list` output holds the keys that make a partial clone:
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
class PartialCloneMemo {
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
  // The whole list rather than `--get-regexp` for the two keys: it is never empty (it holds the
  // safety flags' `-c` settings), and simple-git waits 50 ms after a git that printed nothing.
  const config = await runShortGit(['config', '--null', '--list'], { ...options, cwd: path });
  return isPartialCloneConfig(config.stdout);
}

/** rev-parse prints the root, shallowness and the common git folder even when HEAD has no commit yet (exit 1). */
async function revParseFacts(path: string, options: GitCallOptions): Promise<{ info: Omit<RepositoryInfo, 'partialClone'>; configFile: string; objects: string; gitDir: string }> {
  const result = await runShortGit(
    ['rev-parse', '--show-toplevel', '--is-shallow-repository', '--git-common-dir', '--git-path', 'objects', '--git-dir', '--verify', '--quiet', '--end-of-options', 'HEAD^{commit}'],
    { ...options, cwd: path, okExitCodes: [1] },
  );
  const [root = path, shallow = 'false', commonDir = '.git', objects = '.git/objects', gitDir = '.git', head = ''] = result.stdout.split('\n');
  return {
    // Relative folders are relative to where git ran.
    configFile: resolve(path, commonDir.trim(), 'config'),
    objects: resolve(path, objects.trim()),
    gitDir: resolve(path, gitDir.trim()),
    info: { root, head: result.exitCode === 0 && head.trim() !== '' ? head.trim() : null, shallow: shallow.trim() === 'true' },
  };
}

/**
 * rev-parse and config (which finds a partial clone) side by side;
 * with a host's `memo` (which kept the answer for an unchanged config file), rev-parse alone.
 */
export async function readRepositoryInfo(path: string, options: GitCallOptions = {}, memo?: RepositoryMemo): Promise<RepositoryInfo> {
  if (memo) return memo.read(path, options);
  const [revParse, config] = await Promise.allSettled([revParseFacts(path, options), readPartialClone(path, options)]);
  // rev-parse's failure first: it is the one that tells what is wrong with the folder.
  if (revParse.status === 'rejected') throw revParse.reason;
  if (config.status === 'rejected') throw config.reason;
  return { ...revParse.value.info, partialClone: config.value || (await hasPromisorPack(revParse.value.objects)) };
}

/** A file as last seen, a folder by its inode alone (every commit writes in `.git`); null when it is not there. */
function pathStamp(file: string): Promise<string | null> {
  return lstat(file).then((s) => (s.isDirectory() ? `${s.ino} folder` : `${s.ino} ${s.mode} ${s.size} ${s.mtimeMs} ${s.ctimeMs}`), () => null);
}

interface KnownFolder {
  /** The git executable and git's variables of the environment it ran in: they choose the repository too. */
  caller: string;
  /** The folder's `.git`, the shallow file and the config file, as last seen. */
  stamps: string;
  /** The work tree's HEAD file and HEAD's reflog, as last seen. */
  headStamps: string;
  configFile: string;
  objects: string;
  gitDir: string;
  facts: RepositoryFacts;
}

function callerOf(options: GitCallOptions): string {
  const env = options.env ?? process.env;
  return JSON.stringify([options.gitPath ?? 'git', Object.keys(env).filter((key) => key.startsWith('GIT_')).sort().map((key) => [key, env[key]])]);
}

async function stampsOf(root: string, configFile: string): Promise<string | null> {
  const stamps = await Promise.all([pathStamp(join(root, '.git')), pathStamp(join(dirname(configFile), 'shallow')), configStamp(configFile)]);
  // Without a `.git` of its own in the folder (a subfolder, a work tree set by config), only rev-parse knows.
  return stamps[0] === null ? null : JSON.stringify(stamps);
}

async function headStampsOf(gitDir: string): Promise<string> {
  return JSON.stringify(await Promise.all([pathStamp(join(gitDir, 'HEAD')), pathStamp(join(gitDir, 'logs', 'HEAD'))]));
}

/** What `recall` gives: the facts, and whether HEAD looks moved since the repository was last read or recalled. */
export interface RecalledRepository {
  facts: RepositoryFacts;
  /**
   * The HEAD file or HEAD's reflog changed: a commit, a checkout or a reset was
   * likely. Only a hint of which way to learn HEAD costs less: the history pass
   * learns it from its log when HEAD moved on, rev-parse when it stayed.
   */
  headMoved: boolean;
}

/**
 * What a long-lived host keeps of a repository's rev-parse: its root,
 * shallowness, common folder and objects do not change while the root's own
 * `.git` (a folder keeps its inode; a worktree's file, its text), the shallow
 * file and the config file are as they were, so a refresh after a commit can
 * learn HEAD from its `git log` (the history pass) and start no rev-parse: one
 * fork of a large process fewer. Kept only for a folder that is its repository's root.
 */
export class RepositoryMemo {
  private readonly partialClone = new PartialCloneMemo();
  private readonly known = new Map<string, KnownFolder>();

  /** rev-parse (and the partial-clone answer), keeping the facts for `recall`. */
  async read(path: string, options: GitCallOptions): Promise<RepositoryInfo> {
    const { info, configFile, objects, gitDir } = await revParseFacts(path, options);
    const headStamps = headStampsOf(gitDir);
    const partialClone = (await this.partialClone.answer(configFile, () => readPartialClone(path, options))) || (await hasPromisorPack(objects));
    const stamps = resolve(path) === resolve(info.root) ? await stampsOf(info.root, configFile) : null;
    if (stamps === null) this.known.delete(path);
    else this.known.set(path, { caller: callerOf(options), stamps, headStamps: await headStamps, configFile, objects, gitDir, facts: { root: info.root, shallow: info.shallow, partialClone } });
    return { ...info, partialClone };
  }

  /** The facts `read` gave for this folder when nothing they depend on changed since; undefined otherwise. */
  async recall(path: string, options: GitCallOptions): Promise<RecalledRepository | undefined> {
    const known = this.known.get(path);
    if (!known || known.caller !== callerOf(options)) return undefined;
    const [stamps, headStamps] = await Promise.all([stampsOf(known.facts.root, known.configFile), headStampsOf(known.gitDir)]);
    if (stamps !== known.stamps) return undefined;
    const headMoved = headStamps !== known.headStamps;
    known.headStamps = headStamps;
    return { facts: { ...known.facts, partialClone: known.facts.partialClone || (await hasPromisorPack(known.objects)) }, headMoved };
  }
}
