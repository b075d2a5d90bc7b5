// Every git process goes through one of two runners with the same arguments,
// result and typed errors: argument arrays, never a shell, and the safety flags
// that stop a hostile repository's config from running programs (ARCHITECTURE.md,
// "Safety"). This one spawns git itself and streams: simple-git gathers the whole
// stdout of a task into memory before resolving it, and the history pass must
// stream (100,000 commits are hundreds of megabytes of output). The short calls go
// through simple-git (short-call.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { GitError, classifyGitFailure } from './errors';
import { openStdoutSpool } from './stdout-spool';

/** `-c` settings on every call: no fsmonitor or hook program runs, no signature check, paths unquoted. */
export const GIT_SAFETY_CONFIG: readonly string[] = ['core.fsmonitor=', 'core.hooksPath=/dev/null', 'log.showSignature=false', 'core.quotePath=false'];
export const GIT_SAFETY_FLAGS: readonly string[] = ['--no-pager'];
export const GIT_SAFETY_ARGS: readonly string[] = [...GIT_SAFETY_CONFIG.flatMap((setting) => ['-c', setting]), ...GIT_SAFETY_FLAGS];

/** The whole command line after `git`: the safety arguments first. */
export function safetyArgs(args: readonly string[]): string[] {
  return [...GIT_SAFETY_ARGS, ...args];
}

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
  /**
   * git writes stdout to a temporary file read behind it, so it never waits for
   * `onStdout` (stdout-spool.ts); each chunk is then valid only during the call.
   * For the long history pass; a pipe where no temporary file can be made.
   */
  spoolStdout?: boolean;
  /** Exit codes that are answers, not failures (e.g. 1 for `rev-parse --verify --quiet` of a missing ref). */
  okExitCodes?: readonly number[];
  /**
   * Written to git's stdin, which is otherwise closed (`cat-file --batch` reads its
   * object names there); a stream keeps it open until the stream ends.
   */
  input?: string | NodeJS.ReadableStream;
}

export interface GitRunResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/**
 * The analysis only reads: it never fetches. In a partial clone git fetches a
 * missing object from the promisor remote when a command needs it (rename
 * detection reads blobs), one round trip each, or hangs without a network.
 * GIT_NO_LAZY_FETCH turns that off where git knows it (the security releases of
 * April 2024 on: 2.39.4, 2.45); on an older git, an empty list of allowed
 * protocols makes every fetch fail at once, and it wins over protocol.*.allow.
 */
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
    GIT_NO_LAZY_FETCH: '1',
    GIT_ALLOW_PROTOCOL: '',
  };
}

/** One git call, either way it runs: the arguments after the safety ones, and where and how to run it. */
export type GitRunner<Options extends Omit<GitRunOptions, 'onStdout' | 'input'> = GitRunOptions> = (args: readonly string[], options: Options) => Promise<GitRunResult>;

/** The streaming runner: stdout to `onStdout` as it arrives, `input` on stdin. */
export const runGit: GitRunner = (args, options) => {
  const fullArgs = safetyArgs(args);
  const gitPath = options.gitPath ?? 'git';
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) {
      reject(new GitError('Cancelled', 'the analysis was cancelled', fullArgs));
      return;
    }
    const spool = options.onStdout && options.spoolStdout ? openStdoutSpool() : undefined;
    let child: ChildProcess;
    try {
      child = spawn(gitPath, fullArgs, {
        cwd: options.cwd,
        env: gitEnvironment(options.env),
        stdio: ['pipe', spool?.gitFd ?? 'pipe', 'pipe'],
        shell: false,
        windowsHide: true,
      });
    } catch (error) {
      spool?.discard();
      throw error;
    }
    spool?.started();
    const stdoutChunks: Buffer[] = [];
    const stderrChunks: Buffer[] = [];
    let failure: GitError | undefined;
    // Settles at once: a process git started (a hook, a helper) may hold the pipes
    // open long after git itself is killed, and 'close' waits for the pipes.
    const stop = (error: GitError): void => {
      if (failure) return;
      failure = error;
      child.kill('SIGKILL');
      child.stdout?.destroy();
      child.stderr?.destroy();
      finish();
      reject(error);
    };
    const timer = setTimeout(
      () => stop(new GitError('Timeout', `git did not finish within ${Math.round((options.timeoutMs ?? DEFAULT_GIT_TIMEOUT_MS) / 1000)} s`, fullArgs)),
      options.timeoutMs ?? DEFAULT_GIT_TIMEOUT_MS,
    );
    const onAbort = (): void => stop(new GitError('Cancelled', 'the analysis was cancelled', fullArgs));
    options.signal?.addEventListener('abort', onAbort, { once: true });

    const failed = (error: unknown): void => stop(error instanceof GitError ? error : new GitError('Unknown', error instanceof Error ? error.message : String(error), fullArgs));
    const take = (chunk: Buffer): void => {
      if (failure) return;
      if (options.onStdout) {
        try {
          options.onStdout(chunk);
        } catch (error) {
          failed(error);
        }
      } else {
        stdoutChunks.push(chunk);
      }
    };
    const drained = spool ? spool.drain(take, () => failure !== undefined).catch(failed) : Promise.resolve();
    child.stdout?.on('data', take);
    if (spool) child.on('exit', () => spool.ended());
    child.stderr?.on('data', (chunk: Buffer) => stderrChunks.push(chunk));
    // Closed at once unless there is input: git and anything it starts read end-of-file.
    // git stops reading when it fails; its exit code and stderr tell why, not EPIPE.
    const { stdin } = child;
    stdin?.on('error', () => undefined);
    if (stdin && typeof options.input === 'object') options.input.pipe(stdin);
    else stdin?.end(options.input ?? '');
    const finish = (): void => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
    };
    child.on('error', (error: NodeJS.ErrnoException) => {
      spool?.ended();
      finish();
      if (error.code === 'ENOENT' && !existsSync(options.cwd)) {
        reject(new GitError('NotAGitRepository', `${options.cwd} does not exist: open or name the working tree of a clone`, fullArgs));
      } else if (error.code === 'ENOENT') {
        reject(new GitError('GitMissing', `git was not found (looked for "${gitPath}"): install git or set its path`, fullArgs));
      } else {
        reject(new GitError('Unknown', error.message, fullArgs));
      }
    });
    child.on('close', (code) => void drained.then(() => {
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
    }));
  });
};
