// The pull requests read from a forge, kept per repository in the cache folder
// (never in the repository, never a token). A journal: a header line, then one
// line per page read with the sync state after it, so a long first read that
// stops (cancelled, offline, rate-limited) resumes where it left off and each
// page costs one append. A finished sync folds the journal into one line.
import { appendFile, readFile } from 'node:fs/promises';
import * as z from 'zod';
import { cacheFileFor, writeCacheFile } from '../util/cache-folder';
import { forgePullRequestSchema, type ForgePullRequest } from './types';

const CACHE_VERSION = 1;

export const syncStateSchema = z.object({
  /** The newest update time of a finished sync: the next one stops at PRs older than this. */
  watermark: z.string().nullable(),
  /** An unfinished sync: where to go on, where it stops, and the newest update time it saw. */
  pending: z.object({ cursor: z.string(), stopAt: z.string().nullable(), newest: z.string().nullable() }).nullable(),
});
export type SyncState = z.infer<typeof syncStateSchema>;

const headerSchema = z.object({ version: z.literal(CACHE_VERSION), repository: z.string() });
const lineSchema = z.object({ pullRequests: z.array(forgePullRequestSchema), state: syncStateSchema });

export interface ForgeCacheContent {
  /** By PR number. */
  pullRequests: Map<number, ForgePullRequest>;
  state: SyncState;
}

export const EMPTY_SYNC_STATE: SyncState = { watermark: null, pending: null };

export class ForgeCache {
  private lines = 0;
  /** Why the cache could not be written, once it could not: later writes are skipped. */
  writeError: string | null = null;

  /** `dir`: the cache folder; nothing is kept when absent. */
  constructor(private readonly dir: string | undefined, private readonly repository: string) {}

  async load(): Promise<ForgeCacheContent> {
    const content: ForgeCacheContent = { pullRequests: new Map(), state: EMPTY_SYNC_STATE };
    if (!this.dir) return content;
    const text = await readFile(this.file(), 'utf8').catch(() => '');
    const [first, ...rest] = text.split('\n');
    const header = headerSchema.safeParse(parseJson(first ?? ''));
    if (!header.success || header.data.repository !== this.repository) return content;
    for (const raw of rest) {
      // A line cut short (a crash while appending) ends what can be trusted.
      const line = lineSchema.safeParse(parseJson(raw));
      if (!line.success) break;
      for (const pr of line.data.pullRequests) content.pullRequests.set(pr.number, pr);
      content.state = line.data.state;
      this.lines += 1;
    }
    return content;
  }

  /** One page read: its PRs and the state after it. */
  append(pullRequests: readonly ForgePullRequest[], state: SyncState): Promise<void> {
    if (this.lines === 0) return this.replace([...pullRequests], state);
    return this.write(async (file) => {
      await appendFile(file, `${JSON.stringify({ pullRequests, state })}\n`);
      this.lines += 1;
    });
  }

  /** Folds the journal into one line when it holds more. */
  compact(content: ForgeCacheContent): Promise<void> {
    if (this.lines <= 1) return Promise.resolve();
    return this.replace([...content.pullRequests.values()].sort((a, b) => a.number - b.number), content.state);
  }

  /** A failed write is remembered, not thrown: the PRs read are still used, only the next run reads them again. */
  private async write(action: (file: string) => Promise<void>): Promise<void> {
    if (!this.dir || this.writeError !== null) return;
    try {
      await action(this.file());
    } catch (error) {
      this.writeError = error instanceof Error ? error.message : String(error);
    }
  }

  private replace(pullRequests: ForgePullRequest[], state: SyncState): Promise<void> {
    return this.write(async (file) => {
      const header = JSON.stringify({ version: CACHE_VERSION, repository: this.repository });
      await writeCacheFile(file, `${header}\n${JSON.stringify({ pullRequests, state })}\n`);
      this.lines = 1;
    });
  }

  private file(): string {
    return cacheFileFor(this.dir ?? '', 'forge', this.repository, 'jsonl');
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
