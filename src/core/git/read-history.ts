// One streaming `git log` pass over HEAD's history, or only `<last>..HEAD`
// when a cached history of the same repository is an ancestor of HEAD.
import type { AuthorActivity, History, HistoryScope } from '../model/history';
import type { Warning } from '../model/report';
import { GitError } from './errors';
import type { GitContext } from './git-context';
import { HistoryBuilder, type HistorySnapshot } from './history-builder';
import { HistoryCache } from './history-cache';
import { buildLogArgs } from './log-format';
import { LogStreamParser } from './log-parser';
import { readRepositoryInfo, type RepositoryInfo } from './repository';
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
  /** The repository as the caller just read it (saves a git process); read here when absent. */
  repository?: RepositoryInfo;
}

async function streamLog(root: string, ctx: GitContext, since: string | undefined, renames: boolean, builder: HistoryBuilder): Promise<number> {
  const parser = new LogStreamParser();
  let count = 0;
  let lastReport = 0;
  await runGit(buildLogArgs({ since, renames }), {
    cwd: root,
    gitPath: ctx.gitPath,
    env: ctx.env,
    signal: ctx.signal,
    timeoutMs: ctx.timeoutMs,
    onStdout: (chunk) => {
      for (const commit of parser.push(chunk)) builder.add(commit);
      count = parser.commitCount;
      if (ctx.onProgress && count - lastReport >= 5000) {
        lastReport = count;
        ctx.onProgress({ message: `Reading history: ${count.toLocaleString('en-US')} commits` });
      }
    },
  });
  for (const commit of parser.end()) builder.add(commit);
  return parser.commitCount;
}

function historyOf(snapshot: HistorySnapshot, shallow: boolean): History {
  const prOfCommit = new Map<string, string>();
  for (const pr of snapshot.pullRequests) for (const sha of pr.commits) prOfCommit.set(sha, pr.id);
  return { head: snapshot.head, commits: snapshot.commits, shallow, pullRequests: snapshot.pullRequests, prOfCommit };
}

export async function readHistory(root: string, ctx: GitContext, options: ReadHistoryOptions = {}): Promise<HistoryResult> {
  const warnings: Warning[] = [];
  const info = options.repository ?? (await readRepositoryInfo(root, ctx));
  if (info.shallow) {
    warnings.push({ code: 'shallow-clone', message: 'This is a shallow clone: only the fetched part of history is analysed (run `git fetch --unshallow` for all of it).', path: null });
  }
  if (info.head === null) {
    warnings.push({ code: 'empty-repository', message: 'The repository has no commits yet: only decision records in the working tree are shown.', path: null });
    return { root: info.root, history: { head: null, commits: [], shallow: info.shallow, pullRequests: [], prOfCommit: new Map() }, authors: [], warnings, commitsRead: 0, saving: Promise.resolve() };
  }

  const scope = options.scope ?? WHOLE_HISTORY;
  const cache = options.cache ?? new HistoryCache(ctx.cacheDir);
  const cached = await cache.load(info.root, scope.key);
  let snapshot: HistorySnapshot | null = cached?.head === info.head ? cached : null;
  let extended: HistorySnapshot | undefined;
  let commitsRead = 0;
  if (!snapshot && cached) {
    // No separate ancestry check: the new part extends the cache only if HEAD's
    // first-parent line runs through it down to the cached head (see extend), which
    // proves ancestry; a rewritten history fails that and is read whole below.
    const read = await readWithFallback(info.root, ctx, cached.head, scope, warnings).catch((error: unknown) => {
      if (isUnknownRevision(error)) return null;
      throw error;
    });
    commitsRead = read?.count ?? 0;
    snapshot = read?.builder.extend(cached, info.head) ?? null;
    if (snapshot) extended = cached;
  }
  if (!snapshot) {
    const read = await readWithFallback(info.root, ctx, undefined, scope, warnings);
    commitsRead += read.count;
    snapshot = read.builder.finish(info.head);
  }
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

async function readWithFallback(
  root: string, ctx: GitContext, since: string | undefined, scope: HistoryScope, warnings: Warning[],
): Promise<{ builder: HistoryBuilder; count: number }> {
  try {
    const builder = new HistoryBuilder(scope);
    return { builder, count: await streamLog(root, ctx, since, true, builder) };
  } catch (error) {
    if (!(error instanceof GitError) || error.code !== 'MissingObjects') throw error;
    if (!warnings.some((warning) => warning.code === 'missing-objects')) warnings.push({
      code: 'missing-objects',
      message: 'Some git objects are missing (a partial clone or a damaged repository): history was read without rename detection.',
      path: null,
    });
    const builder = new HistoryBuilder(scope);
    return { builder, count: await streamLog(root, ctx, since, false, builder) };
  }
}
