// Which pull request brought each commit in. A commit belongs to the PR whose
// merge first brought it into first-parent history: walk first-parent history
// oldest first, and for each merge walk its second parent's ancestry until
// reaching commits already placed. Every commit is visited once.
import type { CommitRecord, PullRequest } from '../model/history';

const PR_PATTERNS: ReadonlyArray<{ pattern: RegExp; prefix: '#' | '!'; mergeCommit: boolean }> = [
  { pattern: /^Merge pull request #(\d+) from /, prefix: '#', mergeCommit: true },
  { pattern: /^Merged in .*\(pull request #(\d+)\)/, prefix: '#', mergeCommit: true },
  { pattern: /\(#(\d+)\)\s*$/, prefix: '#', mergeCommit: false },
];
const GITLAB_PATTERN = /^See merge request [^\s!]*!(\d+)\s*$/m;

/** The PR a commit message names, if any: `#12` or `!12`. */
export function pullRequestOfMessage(subject: string, body: string, isMerge: boolean): { id: string; viaMergeCommit: boolean } | null {
  const gitlab = GITLAB_PATTERN.exec(body);
  if (gitlab) return { id: `!${gitlab[1]}`, viaMergeCommit: isMerge };
  for (const { pattern, prefix, mergeCommit } of PR_PATTERNS) {
    if (mergeCommit !== isMerge && mergeCommit) continue;
    const match = pattern.exec(subject);
    if (match) return { id: `${prefix}${match[1]}`, viaMergeCommit: mergeCommit };
  }
  return null;
}

export interface PullRequestClaim {
  id: string;
  viaMergeCommit: boolean;
}

/**
 * What PR membership needs of the commits read: their parents, and the PR a
 * message names. Parents are kept as the parser made them, one map entry per
 * commit (100,000 commit objects would cost several times more).
 */
export interface CommitGraph {
  parents: Map<string, readonly string[]>;
  claims: Map<string, PullRequestClaim>;
}

export function emptyCommitGraph(): CommitGraph {
  return { parents: new Map(), claims: new Map() };
}

export function addToCommitGraph(graph: CommitGraph, commit: Pick<CommitRecord, 'sha' | 'parents' | 'subject' | 'body'>): void {
  graph.parents.set(commit.sha, commit.parents);
  const claim = pullRequestOfMessage(commit.subject, commit.body, commit.parents.length > 1);
  if (claim) graph.claims.set(commit.sha, claim);
}

export interface PullRequestIndex {
  pullRequests: PullRequest[];
  prOfCommit: Map<string, string>;
  /**
   * Where the first-parent walk left the graph: the parent it could not find (on a
   * `<last>..HEAD` pass, the last analysed head), or null at a root commit.
   */
  base: string | null;
}

/**
 * `graph` holds the commits read (the builder fills it as git streams); `head`
 * starts the first-parent walk. Commits outside the graph count as placed
 * already, so the commits of `<last>..HEAD` are assigned exactly as a full pass
 * would assign them.
 */
export function assignPullRequests(graph: CommitGraph, head: string | null): PullRequestIndex {
  const firstParentLine: string[] = [];
  const placed = new Set<string>();
  let base: string | null = null;
  for (let sha = head; sha !== null && !placed.has(sha); ) {
    const parents = graph.parents.get(sha);
    if (!parents) {
      base = sha;
      break;
    }
    firstParentLine.push(sha);
    placed.add(sha);
    sha = parents[0] ?? null;
  }
  firstParentLine.reverse();

  const pullRequests: PullRequest[] = [];
  const prOfCommit = new Map<string, string>();
  for (const sha of firstParentLine) {
    const members: string[] = [sha];
    const stack = (graph.parents.get(sha) ?? []).slice(1);
    for (let member = stack.pop(); member !== undefined; member = stack.pop()) {
      if (placed.has(member)) continue;
      placed.add(member);
      const parents = graph.parents.get(member);
      if (!parents) continue;
      members.push(member);
      for (const parent of parents) if (!placed.has(parent)) stack.push(parent);
    }
    const claim = graph.claims.get(sha);
    if (!claim) continue;
    for (const member of members) prOfCommit.set(member, claim.id);
    pullRequests.push({ id: claim.id, mergeCommit: sha, commits: members, viaMergeCommit: claim.viaMergeCommit });
  }
  return { pullRequests, prOfCommit, base };
}
