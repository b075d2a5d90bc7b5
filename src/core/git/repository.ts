// Facts about the repository that the history pass needs before it starts.
import { runGit, type GitRunOptions } from './run';

export interface RepositoryInfo {
  root: string;
  head: string | null;
  shallow: boolean;
}

type GitCallOptions = Pick<GitRunOptions, 'gitPath' | 'signal' | 'timeoutMs' | 'env'>;

export async function findRepositoryRoot(path: string, options: GitCallOptions = {}): Promise<string> {
  const { stdout } = await runGit(['rev-parse', '--show-toplevel'], { ...options, cwd: path });
  return stdout.trim();
}

/** One git process: the root and shallowness are printed even when HEAD has no commit yet (exit 1). */
export async function readRepositoryInfo(path: string, options: GitCallOptions = {}): Promise<RepositoryInfo> {
  const result = await runGit(
    ['rev-parse', '--show-toplevel', '--is-shallow-repository', '--verify', '--quiet', '--end-of-options', 'HEAD^{commit}'],
    { ...options, cwd: path, okExitCodes: [1] },
  );
  const [root = path, shallow = 'false', head = ''] = result.stdout.split('\n');
  return { root, head: result.exitCode === 0 && head.trim() !== '' ? head.trim() : null, shallow: shallow.trim() === 'true' };
}
