// Literal `git log` output in the engine's format (buildLogArgs: -z, --raw),
// byte for byte, built from the engine's own field map so it cannot drift from
// what the parser expects. log-parser.test.ts checks it against real git once.
import { createHash } from 'node:crypto';
import { LOG_FIELDS, RECORD_START, type LogFieldKey } from '../../../src/core/git/log-format';

export type Bytes = string | Buffer;

export interface LiteralCommit {
  sha: string;
  parents?: readonly string[];
  authorName?: Bytes;
  authorEmail?: string;
  authorDate?: string;
  committerName?: Bytes;
  committerEmail?: string;
  committerDate?: string;
  /** `%B`: the raw message, with git's trailing newline. */
  message?: Bytes;
  /**
   * Entries as git prints them, name-status (`['M', 'a.ts']`, `['R100', 'old.md', 'new.md']`,
   * which the parser reads too) or `--raw` (rawEntry).
   */
  files?: ReadonlyArray<readonly string[]>;
}

const NUL = Buffer.from([0]);

/** A stable, distinct 40-hex commit id for a label. */
export function sha(label: string | number): string {
  return createHash('sha1').update(String(label)).digest('hex');
}

export function literalRecord(commit: LiteralCommit): Buffer {
  const values: Record<LogFieldKey, Bytes> = {
    sha: commit.sha,
    parents: (commit.parents ?? []).join(' '),
    authorName: commit.authorName ?? 'Ada Abe',
    authorEmail: commit.authorEmail ?? 'ada@acme.io',
    authorDate: commit.authorDate ?? '2026-03-02T10:00:00+01:00',
    committerName: commit.committerName ?? commit.authorName ?? 'Ada Abe',
    committerEmail: commit.committerEmail ?? commit.authorEmail ?? 'ada@acme.io',
    committerDate: commit.committerDate ?? commit.authorDate ?? '2026-03-02T10:00:00+01:00',
    message: commit.message ?? 'Change things\n',
  };
  const parts: Buffer[] = [Buffer.from(RECORD_START)];
  LOG_FIELDS.forEach((field, index) => {
    if (index > 0) parts.push(NUL);
    parts.push(Buffer.from(values[field.key]));
  });
  parts.push(NUL);
  const files = commit.files ?? [];
  if (files.length > 0) parts.push(Buffer.from('\n'));
  for (const entry of files) for (const token of entry) parts.push(Buffer.from(token), NUL);
  return Buffer.concat(parts);
}

const ZERO_ID = '0'.repeat(40);

/** A `--raw` entry: `:<mode> <mode> <old id> <new id> <status>` and its paths; null for the side that is absent. */
export function rawEntry(status: string, before: string | null, after: string | null, ...paths: string[]): string[] {
  return [`:${before === null ? '000000' : '100644'} ${after === null ? '000000' : '100644'} ${before ?? ZERO_ID} ${after ?? ZERO_ID} ${status}`, ...paths];
}

/** Commits newest first, as git log prints them. */
export function literalLog(commits: readonly LiteralCommit[]): Buffer {
  return Buffer.concat(commits.map(literalRecord));
}
