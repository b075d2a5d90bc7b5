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

/** A pull/merge request found from a merge commit or a squash subject. */
export interface PullRequest {
  /** As shown to people: `#12` (GitHub, Bitbucket) or `!12` (GitLab). */
  id: string;
  /** The commit that brought the PR into first-parent history. */
  mergeCommit: string;
  /** Commits that belong to it (for a squash: the squash commit only). */
  commits: string[];
  /** True when merged by a merge commit whose author is the merger. */
  viaMergeCommit: boolean;
}

export interface History {
  head: string | null;
  /** Newest first, in `git log` order. */
  commits: CommitRecord[];
  shallow: boolean;
  pullRequests: PullRequest[];
  /** Commit sha → PR id (`#12`, `!12`). */
  prOfCommit: Map<string, string>;
}
