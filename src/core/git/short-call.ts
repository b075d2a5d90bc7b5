// The short git calls (repository discovery, rev-parse, config reads,
// `show` for a commit) run through simple-git: its argument and environment
// guards check every call on top of our own safety flags, and the call still ends
// in our typed GitError. The history pass and `cat-file --batch` stream, so they
// keep the spawn in run.ts; both take the same arguments and give the same result
// (GitRunner). Why: docs/adr/0014-simple-git-for-the-short-git-calls.md.
import { existsSync } from 'node:fs';
import { GitError as SimpleGitError, GitPluginError, simpleGit } from 'simple-git';
import { classifyGitFailure, GitError } from './errors';
import { DEFAULT_GIT_TIMEOUT_MS, GIT_SAFETY_CONFIG, GIT_SAFETY_FLAGS, gitEnvironment, safetyArgs, type GitRunner, type GitRunOptions, type GitRunResult } from './run';

/**
 * Options for a call whose whole output fits in memory: no stream, no stdin.
 * The variables gitEnvironment sets, the keys GIT_SAFETY_CONFIG sets, and the
 * host's own environment pass simple-git's guards: the host chose them, the
 * repository did not. Every other guarded option or key is refused.
 */
export type ShortCallOptions = Omit<GitRunOptions, 'onStdout' | 'input'>;

function configKeys(): string[] {
  return GIT_SAFETY_CONFIG.map((setting) => setting.slice(0, setting.indexOf('=')));
}

function failure(error: unknown, args: readonly string[], gitPath: string, cwd: string): GitError {
  if (error instanceof GitError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (/\bENOENT\b/.test(message)) return new GitError('GitMissing', `git was not found (looked for "${gitPath}"): install git or set its path`, args);
  if (error instanceof SimpleGitError) return new GitError('Unknown', message, args);
  return new GitError('Unknown', `${message} (in ${cwd})`, args);
}

/** One short git call through simple-git: the same flags, variables, result and errors as runGit. */
export const runShortGit: GitRunner<ShortCallOptions> = async (args, options) => {
  const fullArgs = safetyArgs(args);
  const gitPath = options.gitPath ?? 'git';
  const timeoutMs = options.timeoutMs ?? DEFAULT_GIT_TIMEOUT_MS;
  if (options.signal?.aborted) throw new GitError('Cancelled', 'the analysis was cancelled', fullArgs);
  if (!existsSync(options.cwd)) throw new GitError('NotAGitRepository', `${options.cwd} does not exist: open or name the working tree of a clone`, fullArgs);
  const env = gitEnvironment(options.env);
  let exitCode = -1;
  let stderr = '';
  // simple-git rejects with its own error around the one given back here: kept aside to throw as it is.
  let gitFailure: GitError | undefined;
  const git = simpleGit({
    baseDir: options.cwd,
    binary: gitPath,
    maxConcurrentProcesses: 1,
    config: [...GIT_SAFETY_CONFIG],
    allowConfig: configKeys(),
    allowEnvironment: Object.keys(env),
    // The git path is the user's own setting (a machine setting, never read from an untrusted workspace).
    unsafe: { allowUnsafeCustomBinary: true },
    timeout: { block: timeoutMs },
    ...(options.signal ? { abort: options.signal } : {}),
    errors(error, result) {
      exitCode = result.exitCode;
      stderr = Buffer.concat(result.stdErr).toString('utf8');
      // Cancelled, timed out, or refused by a guard: simple-git says which (failure() maps it).
      if (error instanceof GitPluginError) return error;
      if (exitCode === 0 || (options.okExitCodes ?? []).includes(exitCode)) return undefined;
      if (exitCode > 0) {
        const { code, message, remedy } = classifyGitFailure(stderr, options.cwd);
        gitFailure = new GitError(code, message, fullArgs, exitCode, stderr, remedy);
        return gitFailure;
      }
      return error;
    },
  }).env(env);
  // simple-git kills git on a timeout or abort but settles only when the pipes close, and a
  // program git started (a credential helper) may hold them open: the call settles at once.
  let stop: () => void = () => undefined;
  const stopped = new Promise<never>((_, reject) => {
    const timer = setTimeout(() => reject(new GitError('Timeout', `git did not finish within ${Math.round(timeoutMs / 1000)} s`, fullArgs)), timeoutMs);
    const onAbort = (): void => reject(new GitError('Cancelled', 'the analysis was cancelled', fullArgs));
    options.signal?.addEventListener('abort', onAbort, { once: true });
    stop = () => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
    };
  });
  try {
    const call = git.raw([...GIT_SAFETY_FLAGS, ...args]);
    // Once the call has settled by timeout or abort, simple-git's own rejection comes later and means nothing.
    call.catch(() => undefined);
    const stdout = await Promise.race([call, stopped]);
    return { exitCode, stdout, stderr } satisfies GitRunResult;
  } catch (error) {
    throw gitFailure ?? failure(error, fullArgs, gitPath, options.cwd);
  } finally {
    stop();
  }
};
