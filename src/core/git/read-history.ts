// One streaming `git log` pass over HEAD's history, or only `<last>..HEAD`
// when a cached history of the same repository is an ancestor of HEAD.
import type { AnalysisContext } from '../context';
import type { CommitRecord, History } from '../model/history';
import type { Warning } from '../model/report';
import { GitError } from './errors';
import { HistoryCache } from './history-cache';
import { buildLogArgs } from './log-format';
import { LogStreamParser } from './log-parser';
import { assignPullRequests } from './pull-requests';
import { isAncestor, readRepositoryInfo } from './repository';
import { runGit } from './run';

export interface HistoryResult {
  root: string;
  history: History;
  warnings: Warning[];
  /** How many commits this call read from git (all of them on a full pass). */
  commitsRead: number;
}

export interface ReadHistoryOptions {
  /** A cache kept by the host between calls; one is made from ctx.cacheDir otherwise. */
  cache?: HistoryCache;
}

async function streamLog(root: string, ctx: AnalysisContext, since: string | undefined, renames: boolean): Promise<CommitRecord[]> {
  const parser = new LogStreamParser();
  const commits: CommitRecord[] = [];
  let lastReport = 0;
  await runGit(buildLogArgs({ since, renames }), {
    cwd: root,
    gitPath: ctx.gitPath,
    signal: ctx.signal,
    timeoutMs: ctx.gitTimeoutMs,
    onStdout: (chunk) => {
      for (const commit of parser.push(chunk)) commits.push(commit);
      if (ctx.onProgress && commits.length - lastReport >= 5000) {
        lastReport = commits.length;
        ctx.onProgress({ message: `Reading history: ${commits.length.toLocaleString('en-US')} commits` });
      }
    },
  });
  commits.push(...parser.end());
  return commits;
}

export async function readHistory(ctx: AnalysisContext, options: ReadHistoryOptions = {}): Promise<HistoryResult> {
  const warnings: Warning[] = [];
  const info = await readRepositoryInfo(ctx.root, { gitPath: ctx.gitPath, signal: ctx.signal, timeoutMs: ctx.gitTimeoutMs });
  if (info.shallow) {
    warnings.push({ code: 'shallow-clone', message: 'This is a shallow clone: only the fetched part of history is analysed (run `git fetch --unshallow` for all of it).', path: null });
  }
  if (info.head === null) {
    warnings.push({ code: 'empty-repository', message: 'The repository has no commits yet: only decision records in the working tree are shown.', path: null });
    return { root: info.root, history: { head: null, commits: [], shallow: info.shallow, pullRequests: [], prOfCommit: new Map() }, warnings, commitsRead: 0 };
  }

  const cache = options.cache ?? new HistoryCache(ctx.cacheDir);
  const cached = await cache.load(info.root);
  let commits: CommitRecord[];
  let commitsRead: number;
  const gitOptions = { gitPath: ctx.gitPath, signal: ctx.signal, timeoutMs: ctx.gitTimeoutMs };
  if (cached && cached.head === info.head) {
    commits = cached.commits;
    commitsRead = 0;
  } else if (cached && (await isAncestor(cached.head, info.head, info.root, gitOptions))) {
    const fresh = await readWithFallback(info.root, ctx, cached.head, warnings);
    commits = [...fresh, ...cached.commits];
    commitsRead = fresh.length;
  } else {
    commits = await readWithFallback(info.root, ctx, undefined, warnings);
    commitsRead = commits.length;
  }
  if (commitsRead > 0 || !cached) await cache.store({ root: info.root, head: info.head, commits });

  const { pullRequests, prOfCommit } = assignPullRequests(commits, info.head);
  return { root: info.root, history: { head: info.head, commits, shallow: info.shallow, pullRequests, prOfCommit }, warnings, commitsRead };
}

async function readWithFallback(root: string, ctx: AnalysisContext, since: string | undefined, warnings: Warning[]): Promise<CommitRecord[]> {
  try {
    return await streamLog(root, ctx, since, true);
  } catch (error) {
    if (!(error instanceof GitError) || error.code !== 'MissingObjects') throw error;
    warnings.push({
      code: 'missing-objects',
      message: 'Some git objects are missing (a partial clone or a damaged repository): history was read without rename detection.',
      path: null,
    });
    return streamLog(root, ctx, since, false);
  }
}
