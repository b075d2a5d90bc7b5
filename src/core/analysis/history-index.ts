// Lookups over one history pass that the evidence builders share.
import type { KeptCommit, History, PullRequest } from '../model/history';

export interface HistoryIndex {
  history: History;
  commit(sha: string): KeptCommit | undefined;
  pullRequest(id: string): PullRequest | undefined;
  /** The PR of a commit, when it belongs to one. */
  pullRequestOf(sha: string): PullRequest | undefined;
}

export function indexHistory(history: History): HistoryIndex {
  const commits = new Map(history.commits.map((c) => [c.sha, c]));
  const prs = new Map(history.pullRequests.map((pr) => [pr.id, pr]));
  return {
    history,
    commit: (sha) => commits.get(sha),
    pullRequest: (id) => prs.get(id),
    pullRequestOf: (sha) => {
      const id = history.prOfCommit.get(sha);
      return id === undefined ? undefined : prs.get(id);
    },
  };
}
