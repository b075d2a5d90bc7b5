// Parses the output of buildLogArgs() as a stream. Chunks may split anywhere:
// inside a field, between NULs, inside a multi-byte character. Bytes are only
// decoded once a whole NUL-terminated token is in hand.
import { isUtf8 } from 'node:buffer';
import type { CommitRecord, FileChange, FileChangeStatus } from '../model/history';
import { GitError } from './errors';
import { LOG_FIELDS, RECORD_START, type LogFieldKey } from './log-format';
import { bodyOf, parseTrailers, subjectOf } from './trailers';

const STATUS_TOKEN = /^([AMDTUXB])$|^([RC])\d*$/;
const HEADER_FIELDS = LOG_FIELDS.length;
// WHATWG's "latin1" is windows-1252, which most non-UTF-8 commits really are.
const latin1 = new TextDecoder('latin1');
const FIELD = Object.fromEntries(LOG_FIELDS.map((field, index) => [field.key, index])) as Record<LogFieldKey, number>;

/** UTF-8 when valid; otherwise Latin-1, the usual encoding of old non-UTF-8 commits. */
export function decodeGitText(bytes: Uint8Array): string {
  return isUtf8(bytes) ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8') : latin1.decode(bytes);
}

type State = { kind: 'header'; fields: string[] } | { kind: 'status' } | { kind: 'paths'; status: FileChangeStatus; remaining: number; paths: string[] };

const AWAITING_STATUS: State = { kind: 'status' };

export class LogStreamParser {
  private pending: Buffer[] = [];
  private pendingLength = 0;
  private current: CommitRecord | null = null;
  private state: State = AWAITING_STATUS;
  private readonly done: CommitRecord[] = [];
  private commits = 0;

  /** Commits completed so far. */
  get commitCount(): number {
    return this.commits;
  }

  /** Feeds a chunk; returns the commits it completed. */
  push(chunk: Buffer): CommitRecord[] {
    // One check per chunk: a token wholly inside valid UTF-8 is valid UTF-8, since a
    // NUL never occurs inside a multi-byte character. Tokens then decode in place.
    const utf8Chunk = isUtf8(chunk);
    let start = 0;
    for (let index = chunk.indexOf(0, start); index !== -1; index = chunk.indexOf(0, start)) {
      let token: string;
      if (this.pendingLength > 0) {
        this.pending.push(chunk.subarray(start, index));
        token = decodeGitText(Buffer.concat(this.pending, this.pendingLength + index - start));
        this.pending = [];
        this.pendingLength = 0;
      } else {
        token = utf8Chunk ? chunk.toString('utf8', start, index) : decodeGitText(chunk.subarray(start, index));
      }
      this.onToken(token);
      start = index + 1;
    }
    if (start < chunk.length) {
      const rest = chunk.subarray(start);
      this.pending.push(Buffer.from(rest));
      this.pendingLength += rest.length;
    }
    return this.drain();
  }

  /** Ends the stream; throws when the last record was cut short. */
  end(): CommitRecord[] {
    // git ends its output with a NUL; even a lone newline left over is the start of a file list.
    if (this.pendingLength > 0) {
      this.pending = [];
      this.pendingLength = 0;
      throw new GitError('Unknown', 'git log output ended in the middle of a record (truncated output)');
    }
    if (this.state.kind === 'header') throw new GitError('Unknown', 'git log output ended in the middle of a commit header (truncated output)');
    if (this.state.kind === 'paths') throw new GitError('Unknown', 'git log output ended in the middle of a file list (truncated output)');
    this.finishCommit();
    return this.drain();
  }

  private drain(): CommitRecord[] {
    return this.done.splice(0, this.done.length);
  }

  private onToken(token: string): void {
    const state = this.state;
    if (state.kind === 'header') {
      state.fields.push(token);
      if (state.fields.length === HEADER_FIELDS) this.startCommit(state.fields);
      return;
    }
    if (state.kind === 'paths') {
      state.paths.push(token);
      state.remaining -= 1;
      if (state.remaining === 0) {
        this.addFile(state.status, state.paths);
        this.state = AWAITING_STATUS;
      }
      return;
    }
    if (token.startsWith(RECORD_START)) {
      this.finishCommit();
      this.state = { kind: 'header', fields: [token.slice(RECORD_START.length)] };
      return;
    }
    const statusText = token.replace(/^\n+/, '');
    if (statusText === '') return;
    const match = STATUS_TOKEN.exec(statusText);
    if (!match || !this.current) throw new GitError('Unknown', `unexpected text in git log output: ${JSON.stringify(statusText.slice(0, 40))}`);
    const status = (match[1] ?? match[2]) as FileChangeStatus;
    this.state = { kind: 'paths', status, remaining: status === 'R' || status === 'C' ? 2 : 1, paths: [] };
  }

  private startCommit(fields: string[]): void {
    const value = (key: LogFieldKey): string => fields[FIELD[key]] ?? '';
    const message = value('message');
    const parents = value('parents');
    this.current = {
      sha: value('sha'),
      // split, not filter: filter's result keeps room for 17 elements, and 100,000 of these stay in memory.
      parents: parents === '' ? [] : parents.split(' '),
      author: { name: value('authorName'), email: value('authorEmail') },
      committer: { name: value('committerName'), email: value('committerEmail') },
      authorDate: value('authorDate'),
      committerDate: value('committerDate'),
      subject: subjectOf(message),
      body: bodyOf(message),
      trailers: parseTrailers(message),
      files: [],
    };
    if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(this.current.sha)) {
      throw new GitError('Unknown', `git log output has a malformed commit id: ${JSON.stringify(this.current.sha.slice(0, 64))}`);
    }
    this.state = AWAITING_STATUS;
  }

  private addFile(status: FileChangeStatus, paths: string[]): void {
    const change: FileChange = paths.length === 2 ? { status, oldPath: paths[0] ?? '', path: paths[1] ?? '' } : { status, path: paths[0] ?? '' };
    this.current?.files.push(change);
  }

  private finishCommit(): void {
    if (!this.current) return;
    this.done.push(this.current);
    this.commits += 1;
    this.current = null;
  }
}

/** Parses a whole output at once (tests, small repositories). */
export function parseLogOutput(output: Buffer): CommitRecord[] {
  const parser = new LogStreamParser();
  return [...parser.push(output), ...parser.end()];
}
