// Keeps what the analysis needs of each commit as the history pass streams by
// (HistoryScope), so that a long history never sits in memory whole: the author's
// activity of every commit, and the full record only of commits that touch a kept
// file or bring a PR in. The same builder extends a cached snapshot with the
// commits of `<last>..HEAD` and gives what a full pass would give.
import type { AuthorActivity, CommitRecord, FileChange, HistoryScope, KeptCommit, PullRequest } from '../model/history';
import { addFolders, inUnseenFolder } from './folders';
import { addToCommitGraph, assignPullRequests, emptyCommitGraph } from './pull-requests';
import { revertedCommitOfMessage, updaterOfMessage } from './updater-text';
import { RECORD_FILE } from '../adr/record-extension';

/** The history the analysis reads and the cache keeps, for one head and scope. */
export interface HistorySnapshot {
  head: string;
  scope: string;
  /** Newest first. */
  commits: KeptCommit[];
  pullRequests: PullRequest[];
  /** In order of first appearance, newest first, as a full pass meets them. */
  authors: AuthorActivity[];
  /** Every folder a file was ever added under: what makes a later folder new. */
  folders: string[];
  /** The commits read without rename detection, when git could not detect them (missing objects). */
  withoutRenames: CommitSpan | null;
}

/** Commits of one walk, newest first: how many, and the first and last of them. */
export interface CommitSpan {
  count: number;
  newest: CommitMark;
  oldest: CommitMark;
}

export interface CommitMark {
  sha: string;
  /** The author date, as git printed it. */
  date: string;
}

/**
 * One span for both: newer commits added in front of a snapshot's keep their place
 * in front, so the newest comes from `newer` and the oldest from `older`.
 */
export function joinSpans(newer: CommitSpan | null, older: CommitSpan | null): CommitSpan | null {
  if (!newer || !older) return newer ?? older;
  return { count: newer.count + older.count, newest: newer.newest, oldest: older.oldest };
}

interface PathFacts {
  path: string;
  keep: boolean;
  /** A file that may be a record (RECORD_FILE): its changes are kept, and followed across renames. */
  recordFile: boolean;
  groups: readonly number[];
}

interface Candidate {
  change: FileChange;
  /** False for an added file kept only if it brings a new folder (decided oldest first, in finish). */
  kept: boolean;
}

interface PendingCommit {
  commit: Omit<KeptCommit, 'files'>;
  candidates: Candidate[];
  claimed: boolean;
}

/** A string of its own: a slice of the log's text would keep that whole text in memory. */
function freshCopy(text: string): string {
  return Buffer.from(text, 'latin1').toString('latin1');
}

function isAddition(change: FileChange): boolean {
  return change.status === 'A' || change.status === 'C' || change.status === 'R';
}

export class HistoryBuilder {
  private readonly paths = new Map<string, PathFacts>();
  private readonly authors = new Map<string, AuthorActivity>();
  private readonly graph = emptyCommitGraph();
  /** Newest first: commits that may be kept. */
  private readonly pending: PendingCommit[] = [];
  /** Non-Markdown names a Markdown file was renamed from: their older changes are its history. */
  private readonly followed = new Set<string>();
  private withoutRenames: CommitSpan | null = null;

  constructor(private readonly scope: HistoryScope) {}

  /** Commits in `git log` order, newest first. */
  add(record: CommitRecord): void {
    const key = `${record.author.name}\0${record.author.email}`;
    const day = record.authorDate.slice(0, 10);
    let activity = this.authors.get(key);
    if (!activity) this.authors.set(key, (activity = { identity: { name: record.author.name, email: record.author.email }, lastDay: day }));
    else if (activity.lastDay < day) activity.lastDay = day;

    // A merge may be a topic branch's (known once the walk assigns it): kept like a PR's merge.
    const claimed = addToCommitGraph(this.graph, record) || record.parents.length > 1;
    const candidates: Candidate[] = [];
    // Most commits touch no grouped path: the set is made for the first that does.
    let groupsSeen: Set<number> | undefined;
    for (const change of record.files) {
      const facts = this.factsOf(change.path);
      const old = change.oldPath === undefined ? undefined : this.factsOf(change.oldPath);
      let kept = facts.recordFile || this.followed.has(facts.path) || facts.keep || old?.recordFile === true;
      for (const group of facts.groups) {
        groupsSeen ??= new Set();
        if (!groupsSeen.has(group)) kept = true;
        groupsSeen.add(group);
      }
      if (kept && change.status === 'R' && old && !old.recordFile) this.followed.add(old.path);
      if (!kept && !isAddition(change)) continue;
      const interned: FileChange = old ? { status: change.status, path: facts.path, oldPath: old.path } : { status: change.status, path: facts.path };
      // Only a signal file's contents are read by id (the structural assessment).
      if (change.blobs !== undefined && facts.keep) interned.blobs = freshCopy(change.blobs);
      candidates.push({ change: interned, kept });
    }
    if (candidates.length === 0 && !claimed) return;
    const { sha, authorDate, committerDate, subject, trailers } = record;
    // Only kept commits' bodies are read, once, here: the body itself is not kept.
    const updater = updaterOfMessage(record.body);
    const reverts = revertedCommitOfMessage(record.body);
    this.pending.push({ commit: { sha, author: activity.identity, authorDate, committerDate, subject, trailers, updater, ...(reverts === null ? {} : { reverts }) }, candidates, claimed });
  }

  /** Says which of the commits added were read without rename detection. */
  readWithoutRenames(span: CommitSpan | null): void {
    this.withoutRenames = span;
  }

  /** The snapshot at `head` of a full pass. */
  finish(head: string): HistorySnapshot {
    return this.snapshot(head, assignPullRequests(this.graph, head).pullRequests);
  }

  /**
   * `base` (the snapshot of an ancestor of head) extended with the commits added,
   * `<base.head>..head`; null when that could differ from a full pass: head's
   * first-parent line misses base.head, or a new rename reaches back to a
   * non-Markdown file whose older changes the base dropped. The result holds
   * base's commits behind the new ones and base's PRs and folders before the new
   * ones, so the cache can store only what was added.
   */
  extend(base: HistorySnapshot, head: string): HistorySnapshot | null {
    const { pullRequests, base: reached } = assignPullRequests(this.graph, head);
    if (reached !== base.head || this.followed.size > 0) return null;
    return this.snapshot(head, pullRequests, base);
  }

  private snapshot(head: string, pullRequests: readonly PullRequest[], base?: HistorySnapshot): HistorySnapshot {
    const seen = new Set(base?.folders ?? []);
    const commits: KeptCommit[] = [];
    for (let index = this.pending.length - 1; index >= 0; index -= 1) {
      const pending = this.pending[index];
      if (!pending) continue;
      const files: FileChange[] = [];
      for (const candidate of pending.candidates) {
        if (candidate.kept || inUnseenFolder(candidate.change.path, seen)) files.push(candidate.change);
      }
      for (const candidate of pending.candidates) {
        if (isAddition(candidate.change)) addFolders(candidate.change.path, seen);
      }
      if (files.length > 0 || pending.claimed) {
        const { sha, author, authorDate, committerDate, subject, trailers, updater, reverts } = pending.commit;
        // Built as the cache's decode builds it: one object shape for every kept commit, however it was read.
        commits.push({ sha, author, authorDate, committerDate, subject, trailers, files, updater, ...(reverts === undefined ? {} : { reverts }) });
      }
    }
    commits.reverse();

    // A PR is kept when one of its commits carries a kept change, or when its id is
    // claimed twice (a lookup by id finds the last claim); otherwise neither it nor
    // its file-less merge commit matters to anything.
    const carriesFiles = new Set(commits.filter((commit) => commit.files.length > 0).map((commit) => commit.sha));
    const claims = new Map<string, number>();
    for (const pr of [...(base?.pullRequests ?? []), ...pullRequests]) claims.set(pr.id, (claims.get(pr.id) ?? 0) + 1);
    const fresh: PullRequest[] = [];
    const merges = new Set<string>();
    for (const pr of pullRequests) {
      const members = pr.commits.filter((sha) => sha === pr.mergeCommit || carriesFiles.has(sha));
      if (members.length === 1 && !carriesFiles.has(pr.mergeCommit) && (claims.get(pr.id) ?? 0) < 2) continue;
      merges.add(pr.mergeCommit);
      fresh.push({ ...pr, commits: members });
    }
    const kept = commits.filter((commit) => commit.files.length > 0 || merges.has(commit.sha));
    const authors = new Map(this.authors);
    for (const older of base?.authors ?? []) {
      const key = `${older.identity.name}\0${older.identity.email}`;
      const newer = authors.get(key);
      if (!newer) authors.set(key, older);
      else if (newer.lastDay < older.lastDay) newer.lastDay = older.lastDay;
    }
    return {
      head,
      scope: this.scope.key,
      commits: base ? [...kept, ...base.commits] : kept,
      pullRequests: base ? [...base.pullRequests, ...fresh] : fresh,
      authors: [...authors.values()],
      folders: [...seen],
      withoutRenames: joinSpans(this.withoutRenames, base?.withoutRenames ?? null),
    };
  }

  private factsOf(path: string): PathFacts {
    let facts = this.paths.get(path);
    if (!facts) {
      facts = { path, keep: this.scope.keeps(path), recordFile: RECORD_FILE.test(path), groups: this.scope.groupsOf(path) };
      this.paths.set(path, facts);
    }
    return facts;
  }
}
