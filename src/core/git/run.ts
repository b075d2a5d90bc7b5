// Every git process goes through here: argument arrays, never a shell, stdin
// ignored, and the safety flags that stop a hostile repository's config from
// running programs (DESIGN.md "Safety").
//
// We spawn git directly rather than through simple-git: simple-git gathers the
// whole stdout of a task into memory before resolving it, and the history pass
// must stream (100,000 commits are hundreds of megabytes of output).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { GitError, classifyGitFailure } from './errors';

export const GIT_SAFETY_ARGS: readonly string[] = [
  '-c', 'core.fsmonitor=',
  '-c', 'core.hooksPath=/dev/null',
  '-c', 'log.showSignature=false',
  '-c', 'core.quotePath=false',
  '--no-pager',
];

export const DEFAULT_GIT_TIMEOUT_MS = 10 * 60 * 1000;

export interface GitRunOptions {
  cwd: string;
  gitPath?: string;
  signal?: AbortSignal;
  timeoutMs?: number;
  /** The environment to run git in, under the safety variables; the process's own when absent. */
  env?: NodeJS.ProcessEnv;
  /** Receives stdout as it arrives; when set, `stdout` in the result stays empty. */
  onStdout?: (chunk: Buffer) => void;
  /** Exit codes that are answers, not failures (e.g. 1 for `rev-parse --verify --quiet` of a missing ref). */
  okExitCodes?: readonly number[];
}

export interface GitRunResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export function gitEnvironment(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return {
    ...base,
    LC_ALL: 'C',
    LANGUAGE: 'C',
    GIT_TERMINAL_PROMPT: '0',
    GIT_PAGER: 'cat',
    PAGER: 'cat',
    GIT_OPTIONAL_LOCKS: '0',
    GIT_ASKPASS: '',
    SSH_ASKPASS: '',
    GCM_INTERACTIVE: 'never',
  };
}

export function runGit(args: readonly string[], options: GitRunOptions): Promise<GitRunResult> {
  const fullArgs = [...GIT_SAFETY_ARGS, ...args];
  const gitPath = options.gitPath ?? 'git';
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) {
      reject(new GitError('Cancelled', 'the analysis was cancelled', fullArgs));
      return;
    }
    const child = spawn(gitPath, fullArgs, {
      cwd: options.cwd,
      env: gitEnvironment(options.env),
      stdio: ['ignore', 'pipe', 'pipe'],
      shell: false,
      windowsHide: true,
    });
    const stdoutChunks: Buffer[] = [];
    const stderrChunks: Buffer[] = [];
    let failure: GitError | undefined;
    // Settles at once: a process git started (a hook, a helper) may hold the pipes
    // open long after git itself is killed, and 'close' waits for the pipes.
    const stop = (error: GitError): void => {
      if (failure) return;
      failure = error;
      child.kill('SIGKILL');
      child.stdout.destroy();
      child.stderr.destroy();
      finish();
      reject(error);
    };
    const timer = setTimeout(
      () => stop(new GitError('Timeout', `git did not finish within ${Math.round((options.timeoutMs ?? DEFAULT_GIT_TIMEOUT_MS) / 1000)} s`, fullArgs)),
      options.timeoutMs ?? DEFAULT_GIT_TIMEOUT_MS,
    );
    const onAbort = (): void => stop(new GitError('Cancelled', 'the analysis was cancelled', fullArgs));
    options.signal?.addEventListener('abort', onAbort, { once: true });

    child.stdout.on('data', (chunk: Buffer) => {
      if (failure) return;
      if (options.onStdout) {
        try {
          options.onStdout(chunk);
        } catch (error) {
          stop(error instanceof GitError ? error : new GitError('Unknown', error instanceof Error ? error.message : String(error), fullArgs));
        }
      } else {
        stdoutChunks.push(chunk);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => stderrChunks.push(chunk));
    const finish = (): void => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
    };
    child.on('error', (error: NodeJS.ErrnoException) => {
      finish();
      if (error.code === 'ENOENT' && !existsSync(options.cwd)) {
        reject(new GitError('NotAGitRepository', `${options.cwd} does not exist`, fullArgs));
      } else if (error.code === 'ENOENT') {
        reject(new GitError('GitMissing', `git was not found (looked for "${gitPath}"): install git or set its path`, fullArgs));
      } else {
        reject(new GitError('Unknown', error.message, fullArgs));
      }
    });
    child.on('close', (code) => {
      if (failure) return;
      finish();
      const stderr = Buffer.concat(stderrChunks).toString('utf8');
      const exitCode = code ?? -1;
      if (exitCode !== 0 && !(options.okExitCodes ?? []).includes(exitCode)) {
        const { code: errorCode, message, remedy } = classifyGitFailure(stderr, options.cwd);
        reject(new GitError(errorCode, message, fullArgs, exitCode, stderr, remedy));
        return;
      }
      resolve({ exitCode, stdout: Buffer.concat(stdoutChunks).toString('utf8'), stderr });
    });
  });
}
