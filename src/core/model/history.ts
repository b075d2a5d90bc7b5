// What one streaming pass of `git log` yields (src/core/git) and what the
// analysis (src/core/analysis, src/core/signals) consumes.

/** A name/email pair as git printed it, after `.mailmap` (authors and committers only). */
export interface GitIdentity {
  name: string;
  email: string;
}

export type FileChangeStatus = 'A' | 'M' | 'D' | 'R' | 'C' | 'T' | 'U' | 'X';

export interface FileChange {
  status: FileChangeStatus;
  /** The path after the change (for renames and copies: the new path). */
  path: string;
  /** For renames and copies: the path before. */
  oldPath?: string;
  /**
   * The blob ids before and after the change, as `--raw` prints them: `<old> <new>`
   * in hex, all zeros for a side that is absent (see blobIdsOf). Read by the history
   * pass, and kept only for files a structural rule reads, so that their contents
   * are named by id rather than by path through a commit's trees.
   */
  blobs?: string;
}

/** The form of FileChange.blobs: two SHA-1 or two SHA-256 ids. */
export const BLOB_IDS = /^(?:[0-9a-f]{40} [0-9a-f]{40}|[0-9a-f]{64} [0-9a-f]{64})$/;

const ZERO_ID = /^0+$/;

/** The change's old and new blob ids, null for a side that is absent or unknown. */
export function blobIdsOf(change: FileChange): { before: string | null; after: string | null } {
  const space = change.blobs?.indexOf(' ') ?? -1;
  if (change.blobs === undefined || space === -1) return { before: null, after: null };
  const before = change.blobs.slice(0, space);
  const after = change.blobs.slice(space + 1);
  return { before: ZERO_ID.test(before) ? null : before, after: ZERO_ID.test(after) ? null : after };
}

/** The path a change started from: a rename's old path, else its own. */
export function pathBefore(change: FileChange): string {
  return change.status === 'R' && change.oldPath ? change.oldPath : change.path;
}

/** Whether the file was there before the change: it was not added or copied into being. */
export function existedBefore(change: FileChange): boolean {
  return change.status !== 'A' && change.status !== 'C';
}

export interface Trailer {
  /** As written, e.g. `Reviewed-by`; compare case-insensitively. */
  key: string;
  value: string;
}

export interface CommitRecord {
  sha: string;
  parents: string[];
  author: GitIdentity;
  committer: GitIdentity;
  /** ISO 8601 with offset, as git prints `%aI` / `%cI`. */
  authorDate: string;
  committerDate: string;
  subject: string;
  body: string;
  trailers: Trailer[];
  /** Changes against the first parent (merges: empty unless git reported them). */
  files: FileChange[];
}

/** The dependency updaters whose pull request text a message can carry (git/updater-text.ts). */
const UPDATER_BOTS = ['dependabot', 'renovate'] as const;

export type UpdaterBot = (typeof UPDATER_BOTS)[number];

export function isUpdaterBot(value: string): value is UpdaterBot {
  return (UPDATER_BOTS as readonly string[]).includes(value);
}

/**
 * What the analysis keeps of a commit that matters to it (see HistoryScope): a
 * CommitRecord without its parents, committer and body, and with only the file
 * changes the analysis reads; of the body, only the updater whose text it carries
 * (its bump squash-merged under a person's name is still the bot's work).
 */
export type KeptCommit = Pick<CommitRecord, 'sha' | 'author' | 'authorDate' | 'committerDate' | 'subject' | 'trailers' | 'files'> & {
  /** Always set by the history pass and the cache; absent (none) on a bare CommitRecord. */
  updater?: UpdaterBot | null;
  /** The commit its message says it reverts (`This reverts commit <sha>.`, as `git revert` writes it). */
  reverts?: string;
};

/**
 * Which file changes the analysis reads, decided before the history pass so that
 * the rest of each commit can be dropped as it streams by. Changes to files that
 * may be records (Markdown, reStructuredText: ADR candidates, followed across renames), the first files added under a
 * new folder, and PR merge / squash commits are always kept.
 */
export interface HistoryScope {
  /** Names the scope in the cache: a history kept under another scope is read again. */
  key: string;
  /** Changes to this path are kept (signal files). */
  keeps(path: string): boolean;
  /** Glob groups (CODEOWNERS rules) the path matches: one matching change per commit and group is kept. */
  groupsOf(path: string): readonly number[];
}

/**
 * A pull/merge request found from a merge commit or a squash subject, or a topic
 * branch's first-parent merge that names no PR (id `merge-<sha>`, see isTopicMerge).
 */
export interface PullRequest {
  /** As shown to people: `#12` (GitHub, Bitbucket) or `!12` (GitLab); `merge-<sha>` for a topic branch. */
  id: string;
  /** The commit that brought the PR into first-parent history. */
  mergeCommit: string;
  /** Its commits that the analysis keeps (for a squash: the squash commit only). */
  commits: string[];
  /** True when merged by a merge commit whose author is the merger. */
  viaMergeCommit: boolean;
  /** The title its merge commit's body gives, where it gives one (a squash commit's subject is the title). */
  title?: string;
}

/** A topic branch's merge rather than a PR: it has no number to show or look up on a forge. */
export function isTopicMerge(pr: Pick<PullRequest, 'id'>): boolean {
  return pr.id.startsWith('merge-');
}

/** One author identity as git printed it, and the last day (YYYY-MM-DD) it authored a commit. */
export interface AuthorActivity {
  identity: GitIdentity;
  lastDay: string;
}

export interface History {
  head: string | null;
  /** The commits the analysis keeps, newest first, in `git log` order. */
  commits: KeptCommit[];
  shallow: boolean;
  pullRequests: PullRequest[];
  /** Commit sha → PR id (`#12`, `!12`), for the kept commits. */
  prOfCommit: Map<string, string>;
}
