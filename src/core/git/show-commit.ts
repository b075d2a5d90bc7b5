// One commit as a person reads it: its header in full and the files it changed,
// with no external diff or textconv program of the repository's config run.
import { runShortGit, type ShortCallOptions } from './short-call';

export function showCommitArgs(sha: string): string[] {
  return ['show', '--stat', '--no-color', '--no-ext-diff', '--no-textconv', '--format=fuller', '--end-of-options', sha, '--'];
}

export async function showCommit(sha: string, options: ShortCallOptions): Promise<string> {
  return (await runShortGit(showCommitArgs(sha), options)).stdout;
}
