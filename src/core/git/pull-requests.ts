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

/** A body line that is no title: a trailer, GitLab's closing line, or another merge's subject. */
const NOT_A_TITLE = /^(?:[A-Za-z]+(?:-[A-Za-z]+)*-by:|Change-Id:|See merge request |Merge (?:branch|remote-tracking branch|pull request) )/i;

/**
 * The PR's title as a forge's merge commit carries it: the body's first line (GitHub writes
 * `Merge pull request #12 from owner/branch`, then the title; Bitbucket and GitLab the same
 * after their own subject). Undefined where the body starts with none.
 */
function mergeTitle(body: string): string | undefined {
  const line = body.split('\n', 1)[0]?.trim() ?? '';
  return line !== '' && !NOT_A_TITLE.test(line) ? line : undefined;
}

export interface PullRequestClaim {
  id: string;
  viaMergeCommit: boolean;
  /** The title a merge commit's body gives (mergeTitle); a squash commit's subject is its title already. */
  title?: string;
}

/** The PR a commit message names, if any: `#12` or `!12`. */
export function pullRequestOfMessage(subject: string, body: string, isMerge: boolean): PullRequestClaim | null {
  const claim = (id: string, viaMergeCommit: boolean): PullRequestClaim => {
    const title = isMerge ? mergeTitle(body.trimStart()) : undefined;
    return title === undefined ? { id, viaMergeCommit } : { id, viaMergeCommit, title };
  };
  const gitlab = GITLAB_PATTERN.exec(body);
  if (gitlab) return claim(`!${gitlab[1]}`, isMerge);
  for (const { pattern, prefix, mergeCommit } of PR_PATTERNS) {
    if (mergeCommit !== isMerge && mergeCommit) continue;
    const match = pattern.exec(subject);
    // A squash-style title (`… (#12)`) on a real merge commit (a forge's merge with an edited title) is still merged by that commit's author.
    if (match) return claim(`${prefix}${match[1]}`, mergeCommit || isMerge);
  }
  return null;
}

/**
 * What PR membership needs of the commits read: their ids, where each parent was
 * read, and the PR a message names. Parents are places in read order, worked out
 * as git streams (node waits for git then): `git log` lists most commits right
 * after their child, so only the others wait in a map for their commit to come.
 * The walk after the log then follows numbers, not 100,000 commit ids in a map.
 */
export interface CommitGraph {
  /** Each commit's own id by read order: a PR's commits are these strings, the ones the commits carry. */
  shas: string[];
  /** Commit `i`'s parents are `parents[firstParent[i]]` up to `parents[firstParent[i + 1]]`. */
  firstParent: number[];
  /** Where each parent was read; -1 until it is (and for good where the walk stopped short). */
  parents: number[];
  /** Parents not read yet, by id: the places in `parents` that wait for them. */
  waiting: Map<string, number[]>;
  /** The last commit's first parent (its id and place in `parents`), still to come; -1 for none. */
  nextSha: string;
  nextSlot: number;
  /** The PR each commit's message names, by read order. */
  claims: Map<number, PullRequestClaim>;
}

export function emptyCommitGraph(): CommitGraph {
  return { shas: [], firstParent: [0], parents: [], waiting: new Map(), nextSha: '', nextSlot: -1, claims: new Map() };
}

/** Adds the next commit `git log` lists; says whether its message names a PR. */
export function addToCommitGraph(graph: CommitGraph, commit: Pick<CommitRecord, 'sha' | 'parents' | 'subject' | 'body'>): boolean {
  const at = graph.shas.length;
  const { sha, parents } = commit;
  graph.shas.push(sha);
  if (graph.nextSlot !== -1) {
    if (graph.nextSha === sha) graph.parents[graph.nextSlot] = at;
    else wait(graph, graph.nextSha, graph.nextSlot);
  }
  const waiting = graph.waiting.size > 0 ? graph.waiting.get(sha) : undefined;
  if (waiting !== undefined) {
    for (const slot of waiting) graph.parents[slot] = at;
    graph.waiting.delete(sha);
  }
  const first = graph.parents.length;
  for (let p = 0; p < parents.length; p += 1) {
    graph.parents.push(-1);
    if (p > 0) wait(graph, parents[p] ?? '', first + p);
  }
  graph.firstParent.push(graph.parents.length);
  graph.nextSha = parents[0] ?? '';
  graph.nextSlot = parents.length > 0 ? first : -1;
  const claim = pullRequestOfMessage(commit.subject, commit.body, parents.length > 1);
  if (claim) graph.claims.set(at, claim);
  return claim !== null;
}

function wait(graph: CommitGraph, sha: string, slot: number): void {
  const slots = graph.waiting.get(sha);
  if (slots) slots.push(slot);
  else graph.waiting.set(sha, [slot]);
}

/** The id of the parent at `slot`, never read: where a `<last>..HEAD` walk stops. */
function unreadParent(graph: CommitGraph, slot: number): string | null {
  if (graph.nextSlot === slot) return graph.nextSha;
  for (const [sha, slots] of graph.waiting) if (slots.includes(slot)) return sha;
  return null;
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
  const { shas, firstParent, parents } = graph;
  const placed = new Uint8Array(shas.length);
  const firstParentLine: number[] = [];
  let base: string | null = null;
  if (head !== null) {
    // The walk starts at head, the first commit `git log` lists.
    let at = shas[0] === head ? 0 : shas.indexOf(head);
    if (at === -1) base = head;
    while (at !== -1 && placed[at] !== 1) {
      firstParentLine.push(at);
      placed[at] = 1;
      const slot = firstParent[at] ?? 0;
      if (slot === firstParent[at + 1]) break;
      at = parents[slot] ?? -1;
      if (at === -1) base = unreadParent(graph, slot);
    }
  }

  const pullRequests: PullRequest[] = [];
  // One stack and one member list for the whole walk: most first-parent commits are not merges.
  const stack: number[] = [];
  const members: string[] = [];
  for (let index = firstParentLine.length - 1; index >= 0; index -= 1) {
    const at = firstParentLine[index] ?? -1;
    const sha = shas[at] ?? '';
    members.length = 0;
    members.push(sha);
    for (let slot = (firstParent[at] ?? 0) + 1; slot < (firstParent[at + 1] ?? 0); slot += 1) stack.push(parents[slot] ?? -1);
    for (let member = stack.pop(); member !== undefined; member = stack.pop()) {
      if (member === -1 || placed[member] === 1) continue;
      placed[member] = 1;
      members.push(shas[member] ?? '');
      for (let slot = firstParent[member] ?? 0; slot < (firstParent[member + 1] ?? 0); slot += 1) stack.push(parents[slot] ?? -1);
    }
    const claim = graph.claims.get(at);
    if (claim) pullRequests.push({ id: claim.id, mergeCommit: sha, commits: [...members], viaMergeCommit: claim.viaMergeCommit, ...(claim.title === undefined ? {} : { title: claim.title }) });
    // A topic branch merged without a PR number is one unit too (DESIGN.md), its merger the merge's author.
    else if (members.length > 1) pullRequests.push({ id: `merge-${sha}`, mergeCommit: sha, commits: [...members], viaMergeCommit: true });
  }
  return { pullRequests, base };
}
