// Facts about the repository that the history pass needs before it starts.
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

/**
 * Two git processes side by side: rev-parse prints the root and shallowness even
 * when HEAD has no commit yet (exit 1); config finds a partial clone (exit 1: none).
 */
export async function readRepositoryInfo(path: string, options: GitCallOptions = {}): Promise<RepositoryInfo> {
  const [revParse, config] = await Promise.allSettled([
    runShortGit(
      ['rev-parse', '--show-toplevel', '--is-shallow-repository', '--verify', '--quiet', '--end-of-options', 'HEAD^{commit}'],
      { ...options, cwd: path, okExitCodes: [1] },
    ),
    runShortGit(['config', '--null', '--get-regexp', '^(extensions\\.partialclone|remote\\..*\\.promisor)$'], { ...options, cwd: path, okExitCodes: [1] }),
  ]);
  // rev-parse's failure first: it is the one that tells what is wrong with the folder.
  if (revParse.status === 'rejected') throw revParse.reason;
  if (config.status === 'rejected') throw config.reason;
  const result = revParse.value;
  const [root = path, shallow = 'false', head = ''] = result.stdout.split('\n');
  return {
    root,
    head: result.exitCode === 0 && head.trim() !== '' ? head.trim() : null,
    shallow: shallow.trim() === 'true',
    partialClone: isPartialCloneConfig(config.value.stdout),
  };
}
