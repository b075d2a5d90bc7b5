// Facts about the repository that the history pass needs before it starts.
import { runGit, type GitRunOptions } from './run';

export interface RepositoryInfo {
  root: string;
  head: string | null;
  shallow: boolean;
}

type GitCallOptions = Pick<GitRunOptions, 'gitPath' | 'signal' | 'timeoutMs'>;

export async function findRepositoryRoot(path: string, options: GitCallOptions = {}): Promise<string> {
  const { stdout } = await runGit(['rev-parse', '--show-toplevel'], { ...options, cwd: path });
  return stdout.trim();
}

export async function readRepositoryInfo(path: string, options: GitCallOptions = {}): Promise<RepositoryInfo> {
  const { stdout } = await runGit(['rev-parse', '--show-toplevel', '--is-shallow-repository'], { ...options, cwd: path });
  const [root = path, shallow = 'false'] = stdout.split('\n');
  const headResult = await runGit(['rev-parse', '--verify', '--quiet', '--end-of-options', 'HEAD^{commit}'], { ...options, cwd: root, okExitCodes: [1] });
  const head = headResult.exitCode === 0 ? headResult.stdout.trim() : null;
  return { root, head, shallow: shallow.trim() === 'true' };
}

export async function isAncestor(ancestor: string, descendant: string, root: string, options: GitCallOptions = {}): Promise<boolean> {
  const result = await runGit(['merge-base', '--is-ancestor', '--end-of-options', ancestor, descendant], { ...options, cwd: root, okExitCodes: [1, 128] });
  return result.exitCode === 0;
}
