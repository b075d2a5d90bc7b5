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

/** What PR membership needs of a commit: its place in the graph and the PR its message names. */
export interface CommitNode {
  sha: string;
  parents: readonly string[];
  claim: { id: string; viaMergeCommit: boolean } | null;
}

export function commitNode(commit: Pick<CommitRecord, 'sha' | 'parents' | 'subject' | 'body'>): CommitNode {
  return { sha: commit.sha, parents: commit.parents, claim: pullRequestOfMessage(commit.subject, commit.body, commit.parents.length > 1) };
}

export interface PullRequestIndex {
  pullRequests: PullRequest[];
  prOfCommit: Map<string, string>;
  /**
   * Where the first-parent walk left `nodes`: the parent it could not find (on a
   * `<last>..HEAD` pass, the last analysed head), or null at a root commit.
   */
  base: string | null;
}

/**
 * `bySha` holds the commits read (the builder fills it as git streams, so the
 * lookups are ready when the stream ends); `head` starts the first-parent walk.
 * Commits outside it count as placed already, so the commits of `<last>..HEAD`
 * are assigned exactly as a full pass would assign them.
 */
export function assignPullRequests(bySha: ReadonlyMap<string, CommitNode>, head: string | null): PullRequestIndex {
  const firstParentLine: CommitNode[] = [];
  const placed = new Set<string>();
  let base: string | null = null;
  for (let sha = head; sha !== null && !placed.has(sha); ) {
    const node = bySha.get(sha);
    if (!node) {
      base = sha;
      break;
    }
    firstParentLine.push(node);
    placed.add(sha);
    sha = node.parents[0] ?? null;
  }
  firstParentLine.reverse();

  const pullRequests: PullRequest[] = [];
  const prOfCommit = new Map<string, string>();
  for (const node of firstParentLine) {
    const members: string[] = [node.sha];
    const stack = node.parents.slice(1);
    for (let sha = stack.pop(); sha !== undefined; sha = stack.pop()) {
      if (placed.has(sha)) continue;
      placed.add(sha);
      const member = bySha.get(sha);
      if (!member) continue;
      members.push(sha);
      for (const parent of member.parents) if (!placed.has(parent)) stack.push(parent);
    }
    if (!node.claim) continue;
    for (const sha of members) prOfCommit.set(sha, node.claim.id);
    pullRequests.push({ id: node.claim.id, mergeCommit: node.sha, commits: members, viaMergeCommit: node.claim.viaMergeCommit });
  }
  return { pullRequests, prOfCommit, base };
}
