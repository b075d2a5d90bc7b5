// Brings the cached PRs of a repository up to date: an unfinished read goes on
// from its cursor, then one read from the newest PR back to the first one older
// than the last finished read (a refresh after one new PR is one request). Each
// page is written as it comes, so whatever stops the read keeps what it got.
import type { ForgeCache, ForgeCacheContent, SyncState } from './cache';
import { ForgeError, type ForgePullRequest, type ForgeReader } from './types';

export interface ForgeSyncResult {
  pullRequests: ForgePullRequest[];
  /** How many pages were asked for. */
  requests: number;
  /** Why the read stopped early, when it did; the PRs are then what the cache and the pages read so far hold. */
  error: ForgeError | null;
}

export interface ForgeSyncOptions {
  signal?: AbortSignal;
  onProgress?: (message: string) => void;
}

function later(a: string | null, b: string | null): string | null {
  return a === null ? b : b === null || a > b ? a : b;
}

export async function syncPullRequests(reader: ForgeReader, cache: ForgeCache, options: ForgeSyncOptions = {}): Promise<ForgeSyncResult> {
  const content = await cache.load();
  let requests = 0;
  const read = async (start: string | null, stopAt: string | null, newestSeen: string | null): Promise<void> => {
    let cursor = start;
    let newest = newestSeen;
    let first = start === null;
    for (;;) {
      const page = await reader.mergedPullRequests(cursor, options.signal);
      requests += 1;
      if (first) newest = page.pullRequests[0]?.updatedAt ?? stopAt;
      first = false;
      const fresh: ForgePullRequest[] = [];
      let reachedKnown = false;
      for (const pr of page.pullRequests) {
        // Updated no later than the newest PR of the last finished read: read then, unchanged since.
        if (stopAt !== null && pr.updatedAt <= stopAt) {
          reachedKnown = true;
          break;
        }
        fresh.push(pr);
        content.pullRequests.set(pr.number, pr);
      }
      cursor = reachedKnown ? null : page.nextCursor;
      const state: SyncState = cursor === null
        ? { watermark: later(content.state.watermark, newest), pending: null }
        : { watermark: content.state.watermark, pending: { cursor, stopAt, newest } };
      content.state = state;
      await cache.append(fresh, state);
      options.onProgress?.(`Reading ${reader.repository} pull requests: ${content.pullRequests.size.toLocaleString('en-US')}`);
      if (cursor === null) return;
    }
  };
  let error: ForgeError | null = null;
  try {
    const { pending } = content.state;
    if (pending) await read(pending.cursor, pending.stopAt, pending.newest);
    await read(null, content.state.watermark, null);
    await cache.compact(content);
  } catch (caught) {
    if (!(caught instanceof ForgeError) || caught.code === 'Cancelled') throw caught;
    error = caught;
  }
  return { pullRequests: sortedPullRequests(content), requests, error };
}

function sortedPullRequests(content: ForgeCacheContent): ForgePullRequest[] {
  return [...content.pullRequests.values()].sort((a, b) => a.number - b.number);
}
