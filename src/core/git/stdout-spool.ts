// The history pass's git writes its stdout into a temporary file that node reads
// behind it. Through a pipe git stops whenever node is late to empty the pipe's few
// hundred KiB (a garbage collection, a burst of parsing), though node keeps up on
// average: the log took 10–30 % longer than git alone (ADR 0026). A file never
// fills, so git runs at its own pace and node catches up when it can.
import { close, closeSync, openSync, read, unlink, unlinkSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Large reads when node is behind: one call per MiB instead of one per pipe's worth. */
const READ_SIZE = 1 << 20;
/** How long to wait for more of git's output when node has caught up with it. */
const POLL_MS = 2;

export interface StdoutSpool {
  /** The descriptor to give git as its stdout. */
  readonly gitFd: number;
  /** Called once git has the descriptor: this process keeps only its reading end. */
  started(): void;
  /** Called when git could not be started at all: closes and removes everything. */
  discard(): void;
  /** Called when git has exited or could not start: what is in the file is all there will be. */
  ended(): void;
  /**
   * Hands what git has written to `onChunk` until git has ended and the file is read
   * to its end, or `stopped()` says to give up; then removes the file. A chunk is
   * valid only during the call (its buffer is read into again).
   */
  drain(onChunk: (chunk: Buffer) => void, stopped: () => boolean): Promise<void>;
}

function readAt(fd: number, buffer: Buffer): Promise<number> {
  return new Promise((resolve, reject) => read(fd, buffer, 0, buffer.length, null, (error, bytesRead) => (error ? reject(error) : resolve(bytesRead))));
}

/** A new spool in the system's temporary folder, or undefined when no file can be made there (git then writes to a pipe). */
export function openStdoutSpool(folder: string = tmpdir()): StdoutSpool | undefined {
  const file = path.join(folder, `decision-orbit-git-${randomUUID()}.out`);
  let gitFd: number | undefined;
  let readFd: number | undefined;
  try {
    gitFd = openSync(file, 'wx', 0o600);
    readFd = openSync(file, 'r');
  } catch {
    if (gitFd !== undefined) closeSync(gitFd);
    unlink(file, () => undefined);
    return undefined;
  }
  // Where the system allows it (not Windows), the file has no name from here on, so
  // nothing is left behind whatever happens to this process.
  let named = true;
  try {
    unlinkSync(file);
    named = false;
  } catch {
    // Removed after reading instead.
  }
  return new FileSpool(gitFd, readFd, () => {
    if (named) unlink(file, () => undefined);
  });
}

class FileSpool implements StdoutSpool {
  private gitEnded = false;
  private wake: (() => void) | undefined;

  constructor(readonly gitFd: number, private readonly readFd: number, private readonly removeName: () => void) {}

  started(): void {
    closeSync(this.gitFd);
  }

  discard(): void {
    closeSync(this.gitFd);
    closeSync(this.readFd);
    this.removeName();
  }

  ended(): void {
    this.gitEnded = true;
    this.wake?.();
  }

  async drain(onChunk: (chunk: Buffer) => void, stopped: () => boolean): Promise<void> {
    const buffer = Buffer.allocUnsafe(READ_SIZE);
    try {
      while (!stopped()) {
        // Asked before reading: once git has ended, an empty read is the end of its output.
        const wasEnded = this.gitEnded;
        const bytesRead = await readAt(this.readFd, buffer);
        if (bytesRead > 0) onChunk(buffer.subarray(0, bytesRead));
        if (wasEnded && bytesRead === 0) return;
        // A short read means node has caught up: reading on at once would take git's
        // output a few KiB at a time, one call each.
        if (!wasEnded && bytesRead < buffer.length) await this.nextOutput();
      }
    } finally {
      close(this.readFd, () => this.removeName());
    }
  }

  private nextOutput(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wake = undefined;
        resolve();
      }, POLL_MS);
      this.wake = (): void => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
    });
  }
}
