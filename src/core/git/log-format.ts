// The one `git log` the analysis runs, described once: the field map drives both
// the --format string and the parser, so they cannot drift apart.
import type { CommitRecord } from '../model/history';

export const RECORD_START = '\x1e';

/** Header fields in output order; the raw message (%B) always comes last. */
export const LOG_FIELDS = [
  { key: 'sha', format: '%H' },
  { key: 'parents', format: '%P' },
  { key: 'authorName', format: '%aN' },
  { key: 'authorEmail', format: '%aE' },
  { key: 'authorDate', format: '%aI' },
  { key: 'committerName', format: '%cN' },
  { key: 'committerEmail', format: '%cE' },
  { key: 'committerDate', format: '%cI' },
  { key: 'message', format: '%B' },
] as const;

export type LogFieldKey = (typeof LOG_FIELDS)[number]['key'];

export const LOG_FORMAT = RECORD_START + LOG_FIELDS.map((field) => field.format).join('%x00');

export interface LogArgsOptions {
  /** The commit to read from; HEAD when absent. A sha keeps two processes on one history. */
  head?: string;
  /** Commits to leave out (`<last>..HEAD`): the last analysed head. */
  since?: string;
  /**
   * Rename detection is dropped when the repository misses objects. The changes
   * come as `--raw` lines either way: their blob ids (read from trees, never from
   * the blobs) name the contents the structural assessment reads, and without
   * rename detection they let the parser pair a deleted and an added file with the
   * same content: an exact rename, as git's own detection would find it.
   */
  renames?: boolean;
  /** Commits of the walk a previous process already read: git walks past them without diffing. */
  skip?: number;
}

/** The arguments after `git` (the safety flags are added by runGit). */
export function buildLogArgs(options: LogArgsOptions = {}): string[] {
  return [
    'log',
    '-z',
    `--format=${LOG_FORMAT}`,
    '--raw',
    '--no-abbrev',
    options.renames === false ? '--no-renames' : '-M',
    '--use-mailmap',
    '--encoding=UTF-8',
    '--no-color',
    '--no-ext-diff',
    '--no-textconv',
    ...(options.skip ? [`--skip=${options.skip}`] : []),
    '--end-of-options',
    options.since ? `${options.since}..${options.head ?? 'HEAD'}` : (options.head ?? 'HEAD'),
    '--',
  ];
}

export type CommitHeader = Omit<CommitRecord, 'files' | 'trailers' | 'subject' | 'body'> & { message: string };
