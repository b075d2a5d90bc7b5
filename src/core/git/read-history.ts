// One streaming `git log` pass over HEAD's history, or only `<last>..HEAD`
// when a cached history of the same repository is an ancestor of HEAD.
import { isTopicMerge, type AuthorActivity, type CommitRecord, type History, type HistoryScope } from '../model/history';
import type { Warning } from '../model/report';
import { formatCount } from '../util/format-count';
import { GitError } from './errors';
import type { GitContext } from './git-context';
import { HistoryBuilder, type CommitMark, type CommitSpan, type HistorySnapshot } from './history-builder';
import { HistoryCache } from './history-cache';
import { buildLogArgs, type LogArgsOptions } from './log-format';
import { LogStreamParser } from './log-parser';
import { readRepositoryInfo, type RepositoryFacts, type RepositoryInfo, type RepositoryMemo } from './repository';
import { runGit } from './run';

export interface HistoryResult {
  root: string;
  history: History;
  /** Every commit author, first appearance newest first, with the last day each authored a commit. */
  authors: AuthorActivity[];
  warnings: Warning[];
  /** How many commits this call read from git (all of them on a full pass). */
  commitsRead: number;
  /**
   * The cache write, already under way so the analysis need not wait for the disk.
   * Never rejects: a failed write adds a warning to `warnings`, so await it before
   * reading them.
   */
  saving: Promise<void>;
}

/** Keeps every change: for callers that want the whole history rather than one analysis' part of it. */
export const WHOLE_HISTORY: HistoryScope = { key: 'whole', keeps: () => true, groupsOf: () => [] };

export interface ReadHistoryOptions {
  /** A cache kept by the host between calls; one is made from git.cacheDir otherwise. */
  cache?: HistoryCache;
  /** What to keep of each commit; the whole history when absent. */
  scope?: HistoryScope;
  /**
   * The repository as the caller just read it (saves a git process); read here when
   * absent. Without its HEAD (facts a host kept): HEAD is learnt from the log of
   * the commits after the history kept in memory, and read here when that log
   * cannot tell it.
   */
  repository?: RepositoryInfo | RepositoryFacts;
  /** The host's memo, for reading the repository here. */
  memo?: RepositoryMemo;
  /** Sees each commit git gives, in `git log` order, as the pass runs (a commit read again after a failure, again). */
  onCommit?: (commit: CommitRecord) => void;
}

/** Counts and marks the commits one git process hands to the builder, also when it fails midway. */
class SpanTally {
  count = 0;
  private newest: CommitRecord | null = null;
  private oldest: CommitRecord | null = null;

  /** `parents`: gathers every parent the commits name (to find the walk's tip). */
  constructor(private readonly parents?: Set<string>) {}

  take(commit: CommitRecord): void {
    this.newest ??= commit;
    this.oldest = commit;
    this.count += 1;
    if (this.parents) for (const parent of commit.parents) this.parents.add(parent);
  }

  /** The first commit git printed. */
  get first(): string | null {
    return this.newest?.sha ?? null;
  }

  span(): CommitSpan | null {
    if (!this.newest || !this.oldest) return null;
    return { count: this.count, newest: { sha: this.newest.sha, date: this.newest.authorDate }, oldest: { sha: this.oldest.sha, date: this.oldest.authorDate } };
  }
}

/** The git context of a pass, with the caller's observer of its commits. */
type PassContext = GitContext & Pick<ReadHistoryOptions, 'onCommit'>;

async function streamLog(root: string, ctx: PassContext, args: LogArgsOptions, builder: HistoryBuilder, tally: SpanTally, readBefore: number): Promise<void> {
  const parser = new LogStreamParser(args.renames === false);
  let lastReport = readBefore;
  const take = (commit: CommitRecord): void => {
    builder.add(commit);
    tally.take(commit);
    ctx.onCommit?.(commit);
  };
  await runGit(buildLogArgs(args), {
    cwd: root,
    gitPath: ctx.gitPath,
    env: ctx.env,
    signal: ctx.signal,
    timeoutMs: ctx.timeoutMs,
    spoolStdout: true,
    onStdout: (chunk) => {
      for (const commit of parser.push(chunk)) take(commit);
      const count = readBefore + tally.count;
      if (ctx.onProgress && count - lastReport >= 5000) {
        lastReport = count;
        ctx.onProgress({ message: `Reading history: ${formatCount(count)} commits` });
      }
    },
  });
  for (const commit of parser.end()) take(commit);
}

function historyOf(snapshot: HistorySnapshot, shallow: boolean): History {
  const prOfCommit = new Map<string, string>();
  for (const pr of snapshot.pullRequests) if (!isTopicMerge(pr)) for (const sha of pr.commits) prOfCommit.set(sha, pr.id);
  return { head: snapshot.head, commits: snapshot.commits, shallow, pullRequests: snapshot.pullRequests, prOfCommit };
}

/**
 * HEAD from the log of `<kept head>..HEAD`, and that log, when the history is kept
 * in memory: git prints the walk's one tip, HEAD, first (no other commit it prints
 * is a parent of it). Null when the log is empty (HEAD is the kept head or behind
 * it) or fails: rev-parse tells HEAD, or what is wrong, then.
 */
async function headFromLog(facts: RepositoryFacts, ctx: PassContext, cache: HistoryCache, scope: HistoryScope): Promise<{ info: RepositoryInfo; read: PassRead } | null> {
  const kept = cache.inMemory(facts.root, scope.key);
  if (!kept) return null;
  const parents = new Set<string>();
  const read = await readPass(facts.root, ctx, { head: 'HEAD', since: kept.head }, scope, facts.partialClone, parents).catch((error: unknown) => {
    if (error instanceof GitError && (error.code === 'Cancelled' || error.code === 'Timeout')) throw error;
    return null;
  });
  if (!read?.first || parents.has(read.first)) return null;
  return { info: { ...facts, head: read.first }, read };
}

/**
 * The scope a history is kept under, in a shallow clone or not: `git fetch --unshallow`
 * (or `--depth`) changes the commits git walks from the same HEAD, so a history kept
 * the other way is read again.
 */
function scopeOfClone(scope: HistoryScope, shallow: boolean): HistoryScope {
  return shallow ? { ...scope, key: `${scope.key} shallow` } : scope;
}

export async function readHistory(root: string, ctx: GitContext, options: ReadHistoryOptions = {}): Promise<HistoryResult> {
  const warnings: Warning[] = [];
  const pass: PassContext = { ...ctx, onCommit: options.onCommit };
  const asked = options.scope ?? WHOLE_HISTORY;
  const cache = options.cache ?? new HistoryCache(ctx.cacheDir);
  const given = options.repository;
  const learned = given && !('head' in given) ? await headFromLog(given, pass, cache, scopeOfClone(asked, given.shallow)) : null;
  const info = learned?.info ?? (given && 'head' in given ? given : await readRepositoryInfo(root, ctx, options.memo));
  const scope = scopeOfClone(asked, info.shallow);
  if (info.shallow) {
    warnings.push({ code: 'shallow-clone', message: 'This is a shallow clone: only the fetched part of history is analysed (run `git fetch --unshallow` for all of it).', path: null });
  }
  if (info.head === null) {
    warnings.push({ code: 'empty-repository', message: 'The repository has no commits yet: only decision records in the working tree are shown.', path: null });
    return { root: info.root, history: { head: null, commits: [], shallow: info.shallow, pullRequests: [], prOfCommit: new Map() }, authors: [], warnings, commitsRead: 0, saving: Promise.resolve() };
  }

  const { snapshot: cached, damaged } = await cache.loadChecked(info.root, scope.key);
  if (damaged !== undefined) {
    warnings.push({ code: 'cache-rebuilt', message: `The history cache was damaged (${damaged}) and has been rebuilt from git.`, path: null });
  }
  let snapshot: HistorySnapshot | null = cached?.head === info.head ? cached : null;
  let extended: HistorySnapshot | undefined;
  let commitsRead = 0;
  if (!snapshot && cached) {
    // No separate ancestry check: the new part extends the cache only if HEAD's
    // first-parent line runs through it down to the cached head (see extend), which
    // proves ancestry; a rewritten history fails that and is read whole below.
    const read = learned?.read ?? await readPass(info.root, pass, { head: info.head, since: cached.head }, scope, info.partialClone).catch((error: unknown) => {
      if (isUnknownRevision(error)) return null;
      throw error;
    });
    commitsRead = read?.count ?? 0;
    snapshot = read?.builder.extend(cached, info.head) ?? null;
    if (snapshot) extended = cached;
  }
  if (!snapshot) {
    const read = await readPass(info.root, pass, { head: info.head }, scope, info.partialClone);
    commitsRead += read.count;
    snapshot = read.builder.finish(info.head);
  }
  if (snapshot.withoutRenames) warnings.push(withoutRenamesWarning(snapshot.withoutRenames));
  const saving = snapshot === cached ? Promise.resolve() : cache.store(info.root, snapshot, extended).catch((error: unknown) => {
    warnings.push({
      code: 'cache-not-saved',
      message: `The history cache could not be written (${error instanceof Error ? error.message : String(error)}): the next analysis reads all of history again.`,
      path: null,
    });
  });
  return { root: info.root, history: historyOf(snapshot, info.shallow), authors: snapshot.authors, warnings, commitsRead, saving };
}

/** The cached head is gone (a rewritten history, then gc): git cannot form `<cached>..HEAD`. */
function isUnknownRevision(error: unknown): boolean {
  return error instanceof GitError && error.code === 'Unknown' && /Invalid revision range|bad revision/.test(error.stderr);
}

interface PassRead {
  builder: HistoryBuilder;
  count: number;
  /** The first commit git printed; null when it printed none. */
  first: string | null;
}

/**
 * One pass over the commits of `since..head`, each commit read once. Rename
 * detection reads blob contents: a partial clone lacks them, so it is read without
 * from the start; a copy missing some blobs fails where the first is needed, and
 * the pass goes on from that commit without renames, keeping what was read
 * (git walks past the commits already read without diffing them: docs/adr/0003).
 */
async function readPass(
  root: string, ctx: PassContext, range: { head: string; since?: string }, scope: HistoryScope, partialClone: boolean, parents?: Set<string>,
): Promise<PassRead> {
  const builder = new HistoryBuilder(scope);
  const renamed = new SpanTally(parents);
  if (!partialClone) {
    try {
      await streamLog(root, ctx, { ...range, renames: true }, builder, renamed, 0);
      return { builder, count: renamed.count, first: renamed.first };
    } catch (error) {
      if (!(error instanceof GitError) || error.code !== 'MissingObjects') throw error;
    }
  }
  const plain = new SpanTally(parents);
  // The walk the first process began, from the commit it printed first (a range from HEAD could have moved since).
  await streamLog(root, ctx, { ...range, head: renamed.first ?? range.head, renames: false, skip: renamed.count }, builder, plain, renamed.count);
  builder.readWithoutRenames(plain.span());
  return { builder, count: renamed.count + plain.count, first: renamed.first ?? plain.first };
}

function shortDay(mark: CommitMark): string {
  return `${mark.sha.slice(0, 10)} (${mark.date.slice(0, 10)})`;
}

/** One warning for every commit read without rename detection, cached ones included. */
export function withoutRenamesWarning(span: CommitSpan): Warning {
  const commits = span.count === 1 ? `1 commit, ${shortDay(span.newest)}` : `${formatCount(span.count)} commits, from ${shortDay(span.newest)} back to ${shortDay(span.oldest)}`;
  return {
    code: 'missing-objects',
    message: `Some git objects are missing (a partial clone, or a copy without all file contents), so ${commits}, were read without rename detection: a file moved unchanged is still followed, and so is a record moved or renumbered with edits, but any other file renamed and edited in the same commit shows as deleted and added. File contents missing there were not read: a manifest, pipeline or infrastructure change that needs one is not counted, and an edit of a record is taken as a change of its decision. Nothing was fetched.`,
    path: null,
  };
}
