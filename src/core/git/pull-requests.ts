// Which pull request brought each commit in. A commit belongs to the PR whose
// merge first brought it into first-parent history: walk first-parent history
// oldest first, and for each merge walk its second parent's ancestry until
// reaching commits already placed. Every commit is visited once. A merge that
// names no PR makes a topic branch's unit (`merge-<sha>`).
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
    // A squash-style title (`… (#12)`) on a real merge commit (a forge's merge with an edited title) is still merged by that commit's author.
    if (match) return { id: `${prefix}${match[1]}`, viaMergeCommit: mergeCommit || isMerge };
  }
  return null;
}

export interface PullRequestClaim {
  id: string;
  viaMergeCommit: boolean;
}

/**
 * What PR membership needs of the commits read: their ids and parents, and the PR
 * a message names. Parents are kept as the parser made them, in one array by
 * read order (100,000 commit objects would cost several times more); one map
 * finds a commit's place in it.
 */
export interface CommitGraph {
  index: Map<string, number>;
  /** Each commit's own id by read order: a PR's commits are these strings, the ones the commits carry. */
  shas: string[];
  parents: Array<readonly string[]>;
  claims: Map<string, PullRequestClaim>;
}

export function emptyCommitGraph(): CommitGraph {
  return { index: new Map(), shas: [], parents: [], claims: new Map() };
}

export function addToCommitGraph(graph: CommitGraph, commit: Pick<CommitRecord, 'sha' | 'parents' | 'subject' | 'body'>): void {
  graph.index.set(commit.sha, graph.parents.length);
  graph.shas.push(commit.sha);
  graph.parents.push(commit.parents);
  const claim = pullRequestOfMessage(commit.subject, commit.body, commit.parents.length > 1);
  if (claim) graph.claims.set(commit.sha, claim);
}

/**
 * The place of a commit's parent in the graph, -1 when it was not read. `git log`
 * lists most commits right before their first parent, so one comparison of ids
 * finds those without a look-up in a map of every commit.
 */
function parentAt(graph: CommitGraph, parent: string, child: number): number {
  const next = child + 1;
  if (graph.shas[next] === parent) return next;
  return graph.index.get(parent) ?? -1;
}

export interface PullRequestIndex {
  pullRequests: PullRequest[];
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
  const placed = new Uint8Array(graph.parents.length);
  const firstParentLine: number[] = [];
  let base: string | null = null;
  if (head !== null) {
    for (let at = graph.index.get(head) ?? -1, sha = head; ; ) {
      if (at === -1) {
        base = sha;
        break;
      }
      if (placed[at] === 1) break;
      firstParentLine.push(at);
      placed[at] = 1;
      const parent = graph.parents[at]?.[0];
      if (parent === undefined) break;
      sha = parent;
      at = parentAt(graph, parent, at);
    }
  }

  const pullRequests: PullRequest[] = [];
  // One stack and one member list for the whole walk: most first-parent commits are not merges.
  const stack: number[] = [];
  const members: string[] = [];
  for (let index = firstParentLine.length - 1; index >= 0; index -= 1) {
    const at = firstParentLine[index] ?? -1;
    const sha = graph.shas[at] ?? '';
    const parents = graph.parents[at] ?? [];
    members.length = 0;
    members.push(sha);
    for (let p = 1; p < parents.length; p += 1) stack.push(parentAt(graph, parents[p] ?? '', at));
    for (let member = stack.pop(); member !== undefined; member = stack.pop()) {
      if (member === -1 || placed[member] === 1) continue;
      placed[member] = 1;
      members.push(graph.shas[member] ?? '');
      for (const parent of graph.parents[member] ?? []) stack.push(parentAt(graph, parent, member));
    }
    const claim = graph.claims.get(sha);
    if (claim) pullRequests.push({ id: claim.id, mergeCommit: sha, commits: [...members], viaMergeCommit: claim.viaMergeCommit });
    // A topic branch merged without a PR number is one unit too (DESIGN.md), its merger the merge's author.
    else if (members.length > 1) pullRequests.push({ id: `merge-${sha}`, mergeCommit: sha, commits: [...members], viaMergeCommit: true });
  }
  return { pullRequests, base };
}
