// The parsed history of a repository, kept between analyses: in memory for a
// long-lived host (the extension), on disk under a folder the host chooses
// (never inside the repository) for the CLI.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CommitRecord } from '../model/history';

const CACHE_VERSION = 1;

export interface CachedHistory {
  version: number;
  root: string;
  head: string;
  commits: CommitRecord[];
}

export class HistoryCache {
  private readonly memory = new Map<string, CachedHistory>();

  constructor(private readonly dir?: string) {}

  async load(root: string): Promise<CachedHistory | undefined> {
    const inMemory = this.memory.get(root);
    if (inMemory) return inMemory;
    if (!this.dir) return undefined;
    try {
      const parsed = JSON.parse(await readFile(this.fileFor(root), 'utf8')) as CachedHistory;
      if (parsed.version !== CACHE_VERSION || parsed.root !== root || !Array.isArray(parsed.commits)) return undefined;
      this.memory.set(root, parsed);
      return parsed;
    } catch {
      return undefined;
    }
  }

  async store(entry: Omit<CachedHistory, 'version'>): Promise<void> {
    const cached: CachedHistory = { version: CACHE_VERSION, ...entry };
    this.memory.set(entry.root, cached);
    if (!this.dir) return;
    await mkdir(this.dir, { recursive: true });
    const file = this.fileFor(entry.root);
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(cached));
    await rename(temporary, file);
  }

  private fileFor(root: string): string {
    return join(this.dir ?? '', `history-${createHash('sha256').update(root).digest('hex').slice(0, 16)}.json`);
  }
}
