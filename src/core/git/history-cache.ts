// The history snapshot of a repository, kept between analyses: in memory for a
// long-lived host (the extension), on disk under a folder the host chooses (never
// inside the repository) for the CLI. On disk it is columns, not objects: people,
// paths and statuses are numbers into shared tables, so a refresh after one
// commit loads it in milliseconds.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AuthorActivity, FileChange, FileChangeStatus, KeptCommit, Trailer } from '../model/history';
import type { HistorySnapshot } from './history-builder';

const CACHE_VERSION = 2;

/** sha, author (index into identities), author date, committer date, subject, trailers (key, value, ...), statuses (one letter per change), path indices (two for a rename or copy). */
type CommitRow = [string, number, string, string, string, string[], string, number[]];

interface CacheFile {
  version: number;
  root: string;
  head: string;
  scope: string;
  /** name, email, last day: the snapshot's authors, in order. */
  identities: Array<[string, string, string]>;
  paths: string[];
  commits: CommitRow[];
  /** id, merge commit, via merge commit (1) or squash (0), kept member commits. */
  pullRequests: Array<[string, string, number, string[]]>;
  folders: string[];
}

const STATUSES = new Set<string>(['A', 'M', 'D', 'R', 'C', 'T', 'U', 'X']);

function isStatus(value: string): value is FileChangeStatus {
  return STATUSES.has(value);
}

function encode(root: string, snapshot: HistorySnapshot): CacheFile {
  const identityIndex = new Map<string, number>();
  const identities = snapshot.authors.map((a, index): [string, string, string] => {
    identityIndex.set(`${a.identity.name}\0${a.identity.email}`, index);
    return [a.identity.name, a.identity.email, a.lastDay];
  });
  const pathIndex = new Map<string, number>();
  const indexOfPath = (path: string): number => {
    let index = pathIndex.get(path);
    if (index === undefined) pathIndex.set(path, (index = pathIndex.size));
    return index;
  };
  const commits = snapshot.commits.map((c): CommitRow => {
    const author = identityIndex.get(`${c.author.name}\0${c.author.email}`);
    if (author === undefined) throw new Error(`history snapshot: the author of ${c.sha} is not among its authors`);
    const paths: number[] = [];
    for (const f of c.files) {
      if (f.oldPath !== undefined) paths.push(indexOfPath(f.oldPath));
      paths.push(indexOfPath(f.path));
    }
    return [c.sha, author, c.authorDate, c.committerDate, c.subject, c.trailers.flatMap((t) => [t.key, t.value]), c.files.map((f) => f.status).join(''), paths];
  });
  return {
    version: CACHE_VERSION,
    root,
    head: snapshot.head,
    scope: snapshot.scope,
    identities,
    paths: [...pathIndex.keys()],
    commits,
    pullRequests: snapshot.pullRequests.map((pr) => [pr.id, pr.mergeCommit, pr.viaMergeCommit ? 1 : 0, pr.commits]),
    folders: snapshot.folders,
  };
}

function decode(file: CacheFile): HistorySnapshot {
  const authors: AuthorActivity[] = file.identities.map(([name, email, lastDay]) => ({ identity: { name, email }, lastDay }));
  const commits = file.commits.map(([sha, author, authorDate, committerDate, subject, trailerFields, statuses, paths]): KeptCommit => {
    const identity = authors[author]?.identity;
    if (!identity) throw new Error(`history cache: commit ${sha} names an unknown author`);
    const trailers: Trailer[] = [];
    for (let i = 0; i + 1 < trailerFields.length; i += 2) trailers.push({ key: trailerFields[i] ?? '', value: trailerFields[i + 1] ?? '' });
    const files: FileChange[] = [];
    let next = 0;
    for (const status of statuses) {
      if (!isStatus(status)) throw new Error(`history cache: unknown change status ${JSON.stringify(status)}`);
      const oldPath = status === 'R' || status === 'C' ? file.paths[paths[next++] ?? -1] : undefined;
      const path = file.paths[paths[next++] ?? -1];
      if (path === undefined) throw new Error(`history cache: commit ${sha} names an unknown path`);
      files.push(oldPath === undefined ? { status, path } : { status, path, oldPath });
    }
    return { sha, author: identity, authorDate, committerDate, subject, trailers, files };
  });
  return {
    head: file.head,
    scope: file.scope,
    commits,
    authors,
    pullRequests: file.pullRequests.map(([id, mergeCommit, via, members]) => ({ id, mergeCommit, viaMergeCommit: via === 1, commits: members })),
    folders: file.folders,
  };
}

export class HistoryCache {
  private readonly memory = new Map<string, HistorySnapshot>();

  constructor(private readonly dir?: string) {}

  /** The snapshot kept for this repository under this scope, if any. */
  async load(root: string, scope: string): Promise<HistorySnapshot | undefined> {
    const inMemory = this.memory.get(root);
    if (inMemory) return inMemory.scope === scope ? inMemory : undefined;
    if (!this.dir) return undefined;
    try {
      const file = JSON.parse(await readFile(this.fileFor(root), 'utf8')) as CacheFile;
      if (file.version !== CACHE_VERSION || file.root !== root || file.scope !== scope) return undefined;
      const snapshot = decode(file);
      this.memory.set(root, snapshot);
      return snapshot;
    } catch {
      return undefined;
    }
  }

  async store(root: string, snapshot: HistorySnapshot): Promise<void> {
    this.memory.set(root, snapshot);
    if (!this.dir) return;
    await mkdir(this.dir, { recursive: true });
    const file = this.fileFor(root);
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(encode(root, snapshot)));
    await rename(temporary, file);
  }

  private fileFor(root: string): string {
    return join(this.dir ?? '', `history-${createHash('sha256').update(root).digest('hex').slice(0, 16)}.json`);
  }
}
