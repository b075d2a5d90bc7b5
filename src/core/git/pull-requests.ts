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

export interface PullRequestIndex {
  pullRequests: PullRequest[];
  prOfCommit: Map<string, string>;
}

/** `commits` newest first, as git log prints them; `head` starts the first-parent walk. */
export function assignPullRequests(commits: readonly CommitRecord[], head: string | null): PullRequestIndex {
  const bySha = new Map(commits.map((commit) => [commit.sha, commit]));
  const firstParentLine: CommitRecord[] = [];
  const onLine = new Set<string>();
  for (let sha = head; sha && bySha.has(sha) && !onLine.has(sha); ) {
    const commit = bySha.get(sha);
    if (!commit) break;
    firstParentLine.push(commit);
    onLine.add(sha);
    sha = commit.parents[0] ?? null;
  }
  firstParentLine.reverse();

  const placed = new Set<string>(onLine);
  const pullRequests: PullRequest[] = [];
  const prOfCommit = new Map<string, string>();
  for (const commit of firstParentLine) {
    const isMerge = commit.parents.length > 1;
    const found = pullRequestOfMessage(commit.subject, commit.body, isMerge);
    const members: string[] = [commit.sha];
    if (isMerge) {
      const stack = commit.parents.slice(1);
      while (stack.length > 0) {
        const sha = stack.pop();
        if (!sha || placed.has(sha)) continue;
        placed.add(sha);
        const member = bySha.get(sha);
        if (!member) continue;
        members.push(sha);
        stack.push(...member.parents);
      }
    }
    if (!found) continue;
    for (const sha of members) prOfCommit.set(sha, found.id);
    pullRequests.push({ id: found.id, mergeCommit: commit.sha, commits: members, viaMergeCommit: found.viaMergeCommit });
  }
  return { pullRequests, prOfCommit };
}
