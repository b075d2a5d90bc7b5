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
  const commits = new Map<string, KeptCommit>();
  for (const commit of history.commits) commits.set(commit.sha, commit);
  const prs = new Map<string, PullRequest>();
  // By commit, not by number: a number named again (an imported history) is another PR.
  const prOfCommit = new Map<string, PullRequest>();
  for (const pr of history.pullRequests) {
    prs.set(pr.id, pr);
    for (const sha of pr.commits) prOfCommit.set(sha, pr);
  }
  return {
    history,
    commit: (sha) => commits.get(sha),
    pullRequest: (id) => prs.get(id),
    pullRequestOf: (sha) => prOfCommit.get(sha),
  };
}
