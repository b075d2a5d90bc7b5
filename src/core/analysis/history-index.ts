// Lookups over one history pass that the evidence builders share.
import type { KeptCommit, History, PullRequest } from '../model/history';

export interface HistoryIndex {
  history: History;
  commit(sha: string): KeptCommit | undefined;
  pullRequest(id: string): PullRequest | undefined;
  /** The PR of a commit, when it belongs to one. */
  pullRequestOf(sha: string): PullRequest | undefined;
}

interface Maps {
  commits: Map<string, KeptCommit>;
  prs: Map<string, PullRequest>;
  // By commit, not by number: a number named again (an imported history) is another PR.
  prOfCommit: Map<string, PullRequest>;
}

/** Adds commits and PRs to the maps; a PR added later wins, as in history's order. */
function add(maps: Maps, commits: readonly KeptCommit[], pullRequests: readonly PullRequest[]): void {
  for (const commit of commits) maps.commits.set(commit.sha, commit);
  for (const pr of pullRequests) {
    maps.prs.set(pr.id, pr);
    for (const sha of pr.commits) maps.prOfCommit.set(sha, pr);
  }
}

function indexOf(history: History, maps: Maps): HistoryIndex {
  return {
    history,
    commit: (sha) => maps.commits.get(sha),
    pullRequest: (id) => maps.prs.get(id),
    pullRequestOf: (sha) => maps.prOfCommit.get(sha),
  };
}

function freshMaps(history: History): Maps {
  const maps: Maps = { commits: new Map(), prs: new Map(), prOfCommit: new Map() };
  add(maps, history.commits, history.pullRequests);
  return maps;
}

export function indexHistory(history: History): HistoryIndex {
  return indexOf(history, freshMaps(history));
}

/** How many items `next` put in front of (`front`) or behind `last`, the same objects; null when it did anything else. */
export function grownBy<T>(last: readonly T[], next: readonly T[], front: boolean): number | null {
  const added = next.length - last.length;
  if (added < 0) return null;
  const offset = front ? added : 0;
  for (let i = 0; i < last.length; i += 1) if (next[offset + i] !== last[i]) return null;
  return added;
}

/**
 * The index kept between analyses (the extension's refreshes): a refresh puts its
 * commits in front of the same commit objects and its PRs behind the same PR
 * objects, so the maps of the last history only gain the new ones. Anything else
 * (a rewritten history) indexes from scratch. The maps are shared with the last
 * analysis' index, which is done with them by then.
 */
export class HistoryIndexMemo {
  private last: { history: History; maps: Maps } | undefined;

  of(history: History): HistoryIndex {
    const last = this.last;
    const newCommits = last ? grownBy(last.history.commits, history.commits, true) : null;
    const newPullRequests = last ? grownBy(last.history.pullRequests, history.pullRequests, false) : null;
    let maps: Maps;
    if (last && newCommits !== null && newPullRequests !== null) {
      maps = last.maps;
      add(maps, history.commits.slice(0, newCommits), history.pullRequests.slice(history.pullRequests.length - newPullRequests));
    } else {
      maps = freshMaps(history);
    }
    this.last = { history, maps };
    return indexOf(history, maps);
  }
}
