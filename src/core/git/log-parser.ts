// Parses the output of buildLogArgs() as a stream. Chunks may split anywhere:
// inside a field, between NULs, inside a multi-byte character. Bytes are only
// decoded once a whole NUL-terminated token is in hand.
import { isUtf8 } from 'node:buffer';
import { blobIdsOf, type CommitRecord, type FileChange, type FileChangeStatus } from '../model/history';
import { GitError } from './errors';
import { LOG_FIELDS, RECORD_START, type LogFieldKey } from './log-format';
import { parseTrailers, splitMessage } from './trailers';
import { pairRenames, type RawEntry } from './pair-renames';
import { RECORD_FILE } from '../adr/record-extension';

const HEADER_FIELDS = LOG_FIELDS.length;
// WHATWG's "latin1" is windows-1252, which most non-UTF-8 commits really are.
const latin1 = new TextDecoder('latin1');
const FIELD = Object.fromEntries(LOG_FIELDS.map((field, index) => [field.key, index])) as Record<LogFieldKey, number>;

/** UTF-8 when valid; otherwise Latin-1, the usual encoding of old non-UTF-8 commits. */
export function decodeGitText(bytes: Uint8Array): string {
  return isUtf8(bytes) ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8') : latin1.decode(bytes);
}

/** The status each name-status letter stands for, by its character code; `R` and `C` carry a score (`R087`). */
const STATUS_LETTERS = new Map(['A', 'M', 'D', 'T', 'U', 'X', 'B', 'R', 'C'].map((letter) => [letter.charCodeAt(0), letter as FileChangeStatus]));

/**
 * The status written in `length` characters that `codeAt` gives (a letter, and for `R` and `C`
 * a score of digits), or null for anything else: one rule for a `--raw` line's bytes and a
 * name-status token's text.
 */
function statusFrom(length: number, codeAt: (at: number) => number): FileChangeStatus | null {
  const status = STATUS_LETTERS.get(codeAt(0));
  if (status === undefined) return null;
  if (status !== 'R' && status !== 'C') return length === 1 ? status : null;
  for (let at = 1; at < length; at += 1) {
    const code = codeAt(at);
    if (code < 0x30 || code > 0x39) return null;
  }
  return status;
}

/** Where the blob ids start in a `--raw` line: after `:<mode> <mode> `. */
const RAW_IDS_START = 15;
/** The length in hex of a SHA-1 and a SHA-256 id. */
const ID_LENGTHS = [40, 64] as const;
const COLON = 0x3a;
const SPACE = 0x20;
const NEWLINE = 0x0a;

/** 1 for the bytes of lowercase hex digits. */
const HEX_BYTE = new Uint8Array(256);
for (const char of '0123456789abcdef') HEX_BYTE[char.charCodeAt(0)] = 1;

function isHexRun(bytes: Uint8Array, from: number, to: number): boolean {
  for (let at = from; at < to; at += 1) if (HEX_BYTE[bytes[at] as number] === 0) return false;
  return true;
}

/**
 * The length of each blob id of the `--raw` line `bytes[from, to)` (`:<mode> <mode> <old> <new> <status>`,
 * modes of six digits), or 0 when the line is not so shaped.
 */
function rawIdLength(bytes: Uint8Array, from: number, to: number): number {
  if (bytes[from] !== COLON || bytes[from + RAW_IDS_START - 1] !== SPACE) return 0;
  const ids = from + RAW_IDS_START;
  for (const length of ID_LENGTHS) {
    const second = ids + length + 1;
    if (second + length + 1 < to && bytes[second - 1] === SPACE && bytes[second + length] === SPACE && isHexRun(bytes, ids, second - 1) && isHexRun(bytes, second, second + length)) return length;
  }
  return 0;
}

// One state object for the whole stream: a file entry allocates only its change.
type State = 'header' | 'status' | 'paths';

export class LogStreamParser {
  private pending: Buffer[] = [];
  private pendingLength = 0;
  private current: CommitRecord | null = null;
  private state: State = 'status';
  private readonly fields: string[] = [];
  private status: FileChangeStatus = 'M';
  private remaining = 0;
  private oldPath = '';
  /** The old and new blob ids of the `--raw` entry being read (`<old> <new>`), or null for name-status output. */
  private rawBlobs: string | null = null;
  /** The current commit's added and deleted files from `--raw` output. */
  private rawEntries: RawEntry[] = [];
  private readonly done: CommitRecord[] = [];
  private commits = 0;

  /**
   * `pairRenames`: the pass ran without rename detection, so pair a deleted and an
   * added file of one commit as git would have (pair-renames.ts); with it, git has
   * paired every rename but a record's change of format.
   */
  constructor(private readonly pairRenames = true) {}

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
      // A token begun in an earlier chunk is whole only once joined to the rest of it.
      let bytes = chunk;
      let from = start;
      let to = index;
      if (this.pendingLength > 0) {
        bytes = Buffer.concat([...this.pending, chunk.subarray(start, index)], this.pendingLength + index - start);
        from = 0;
        to = bytes.length;
        this.pending = [];
        this.pendingLength = 0;
      }
      start = index + 1;
      // Most tokens are `--raw` lines: read from the bytes, no string is made of them but the ids.
      if (this.state === 'status' && this.rawLine(bytes, from, to)) continue;
      this.onToken(bytes === chunk && utf8Chunk ? chunk.toString('utf8', from, to) : decodeGitText(bytes.subarray(from, to)));
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
    if (this.state === 'header') throw new GitError('Unknown', 'git log output ended in the middle of a commit header (truncated output)');
    if (this.state === 'paths') throw new GitError('Unknown', 'git log output ended in the middle of a file list (truncated output)');
    this.finishCommit();
    return this.drain();
  }

  private drain(): CommitRecord[] {
    return this.done.splice(0, this.done.length);
  }

  private onToken(token: string): void {
    if (this.state === 'header') {
      this.fields.push(token);
      if (this.fields.length === HEADER_FIELDS) this.startCommit(this.fields);
      return;
    }
    if (this.state === 'paths') {
      this.remaining -= 1;
      if (this.remaining === 1) {
        this.oldPath = token;
        return;
      }
      const change: FileChange = this.status === 'R' || this.status === 'C' ? { status: this.status, oldPath: this.oldPath, path: token } : { status: this.status, path: token };
      if (this.rawBlobs !== null) change.blobs = this.rawBlobs;
      this.current?.files.push(change);
      // With rename detection only a record's change of format is left to pair (pair-renames.ts): other files need no entry.
      if (this.rawBlobs !== null && (this.status === 'A' || this.status === 'D') && (this.pairRenames || RECORD_FILE.test(token))) {
        this.rawEntries.push({ change, blob: blobIdsOf(change)[this.status === 'A' ? 'after' : 'before'] ?? '' });
      }
      this.state = 'status';
      return;
    }
    if (token.startsWith(RECORD_START)) {
      this.finishCommit();
      this.fields.length = 0;
      this.fields.push(token.slice(RECORD_START.length));
      this.state = 'header';
      return;
    }
    // A name-status line (a `--raw` one was read from its bytes, or is malformed); the first of a commit follows the message's newline.
    const statusText = token.charCodeAt(0) === 10 ? token.replace(/^\n+/, '') : token;
    if (statusText === '') return;
    this.rawBlobs = null;
    const status = statusFrom(statusText.length, (at) => statusText.charCodeAt(at));
    if (status === null || !this.current) throw new GitError('Unknown', `unexpected text in git log output: ${JSON.stringify(statusText.slice(0, 40))}`);
    this.status = status;
    this.remaining = status === 'R' || status === 'C' ? 2 : 1;
    this.state = 'paths';
  }

  /**
   * Reads `bytes[from, to)` as a `--raw` line (after the newline that ends a commit's
   * message) and waits for its paths; false, having read nothing, for any other token,
   * which onToken then reads, or refuses, from its text.
   */
  private rawLine(bytes: Buffer, from: number, to: number): boolean {
    let start = from;
    while (start < to && bytes[start] === NEWLINE) start += 1;
    const length = rawIdLength(bytes, start, to);
    if (length === 0 || !this.current) return false;
    const idsEnd = start + RAW_IDS_START + 2 * length + 1;
    const status = statusFrom(to - idsEnd - 1, (at) => bytes[idsEnd + 1 + at] ?? -1);
    if (status === null) return false;
    this.rawBlobs = bytes.toString('latin1', start + RAW_IDS_START, idsEnd);
    this.status = status;
    this.remaining = status === 'R' || status === 'C' ? 2 : 1;
    this.state = 'paths';
    return true;
  }

  private startCommit(fields: readonly string[]): void {
    const value = (key: LogFieldKey): string => fields[FIELD[key]] ?? '';
    const message = value('message');
    const parents = value('parents');
    const { subject, body } = splitMessage(message);
    this.current = {
      sha: value('sha'),
      // split, not filter: filter's result keeps room for 17 elements, and 100,000 of these stay in memory.
      parents: parents === '' ? [] : parents.split(' '),
      author: { name: value('authorName'), email: value('authorEmail') },
      committer: { name: value('committerName'), email: value('committerEmail') },
      authorDate: value('authorDate'),
      committerDate: value('committerDate'),
      subject,
      body,
      trailers: parseTrailers(message),
      files: [],
    };
    if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(this.current.sha)) {
      throw new GitError('Unknown', `git log output has a malformed commit id: ${JSON.stringify(this.current.sha.slice(0, 64))}`);
    }
    this.state = 'status';
  }

  private finishCommit(): void {
    if (!this.current) return;
    if (this.rawEntries.length > 1) this.current.files = pairRenames(this.current.files, this.rawEntries, this.pairRenames);
    this.rawEntries = [];
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
