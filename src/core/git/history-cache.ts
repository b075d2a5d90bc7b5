// The history snapshot of a repository, kept between analyses: in memory for a
// long-lived host (the extension), on disk under a folder the host chooses (never
// inside the repository) for the CLI. On disk it is columns, not objects: people,
// paths and statuses are numbers into shared tables, so a refresh after one
// commit loads it in milliseconds. A refresh appends only what it added, as one
// line of a delta file next to the snapshot, rather than writing the whole
// snapshot again; a full write (a full pass, or deltas grown too large) replaces both.
import { appendFile, readFile, rm } from 'node:fs/promises';
import { BLOB_IDS, type AuthorActivity, type FileChange, type FileChangeStatus, isUpdaterBot, type KeptCommit, type Trailer } from '../model/history';
import { cacheFileFor, writeCacheFile } from '../util/cache-folder';
import type { CommitSpan, HistorySnapshot } from './history-builder';

// 8: a merge commit titled `… (#N)` is read as merged by that commit (pull-requests.ts), so older snapshots lack its merger.
const CACHE_VERSION = 10;
/** Deltas are folded into a full write once they reach this share of the snapshot's length. */
const MAX_DELTA_SHARE = 0.25;

/**
 * sha, author (index into identities), author date, committer date, subject, trailers (key, value, ...), statuses (one letter per change), path indices (two for a rename or copy),
 * updater ('' for none); then, when any change has them or the commit reverts one, the changes' blob ids (FileChange.blobs; '' for a change without);
 * then the reverted commit, when there is one.
 */
type CommitRow = [string, number, string, string, string, string[], string, number[], string, string[]?, string?];

interface CacheFile {
  version: number;
  root: string;
  head: string;
  scope: string;
  /** name, email, last day: the snapshot's authors, in order. */
  identities: Array<[string, string, string]>;
  paths: string[];
  commits: CommitRow[];
  /** id, merge commit, via merge commit (1) or squash (0), kept member commits, the title where the merge gives one. */
  pullRequests: Array<[string, string, number, string[]] | [string, string, number, string[], string]>;
  folders: string[];
  /** count, newest sha, its date, oldest sha, its date: the commits read without rename detection. */
  withoutRenames: [number, string, string, string, string] | null;
}

/**
 * One refresh: the commits, PRs and folders it put in front of (commits) or after
 * (PRs, folders) those of the snapshot at `base`, and all the authors at `head`.
 */
interface DeltaLine extends CacheFile {
  base: string;
}

/** What the cache files of one repository hold, as last read or written by this object. */
interface OnDisk {
  snapshot: HistorySnapshot;
  snapshotLength: number;
  deltaLength: number;
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
    const row: CommitRow = [c.sha, author, c.authorDate, c.committerDate, c.subject, c.trailers.flatMap((t) => [t.key, t.value]), c.files.map((f) => f.status).join(''), paths, c.updater ?? ''];
    if (c.files.some((f) => f.blobs !== undefined) || c.reverts !== undefined) row.push(c.files.map((f) => f.blobs ?? ''));
    if (c.reverts !== undefined) row.push(c.reverts);
    return row;
  });
  return {
    version: CACHE_VERSION,
    root,
    head: snapshot.head,
    scope: snapshot.scope,
    identities,
    paths: [...pathIndex.keys()],
    commits,
    pullRequests: snapshot.pullRequests.map((pr) => (pr.title === undefined ? [pr.id, pr.mergeCommit, pr.viaMergeCommit ? 1 : 0, pr.commits] : [pr.id, pr.mergeCommit, pr.viaMergeCommit ? 1 : 0, pr.commits, pr.title])),
    folders: snapshot.folders,
    withoutRenames: encodeSpan(snapshot.withoutRenames),
  };
}

function encodeSpan(span: CommitSpan | null): CacheFile['withoutRenames'] {
  return span && [span.count, span.newest.sha, span.newest.date, span.oldest.sha, span.oldest.date];
}

function decodeSpan(fields: CacheFile['withoutRenames']): CommitSpan | null {
  if (!fields) return null;
  const [count, newestSha, newestDate, oldestSha, oldestDate] = fields;
  return { count, newest: { sha: newestSha, date: newestDate }, oldest: { sha: oldestSha, date: oldestDate } };
}

function decode(file: CacheFile): HistorySnapshot {
  const authors: AuthorActivity[] = file.identities.map(([name, email, lastDay]) => ({ identity: { name, email }, lastDay }));
  const commits = file.commits.map(([sha, author, authorDate, committerDate, subject, trailerFields, statuses, paths, updaterField, blobs, reverts]): KeptCommit => {
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
      const change: FileChange = oldPath === undefined ? { status, path } : { status, path, oldPath };
      const ids = blobs?.[files.length];
      if (ids) {
        // Named to cat-file later: nothing but two ids may come from the file.
        if (!BLOB_IDS.test(ids)) throw new Error(`history cache: commit ${sha} has malformed blob ids`);
        change.blobs = ids;
      }
      files.push(change);
    }
    const updater = isUpdaterBot(updaterField) ? updaterField : null;
    if (reverts !== undefined && !/^[0-9a-f]{7,64}$/.test(reverts)) throw new Error(`history cache: commit ${sha} names a malformed reverted commit`);
    return { sha, author: identity, authorDate, committerDate, subject, trailers, files, updater, ...(reverts === undefined ? {} : { reverts }) };
  });
  return {
    head: file.head,
    scope: file.scope,
    commits,
    authors,
    pullRequests: file.pullRequests.map(([id, mergeCommit, via, members, title]) => ({ id, mergeCommit, commits: members, viaMergeCommit: via === 1, ...(title === undefined ? {} : { title }) })),
    folders: file.folders,
    withoutRenames: decodeSpan(file.withoutRenames),
  };
}

/**
 * What `snapshot` adds to `base`, when it is `base` extended (HistoryBuilder.extend:
 * new commits in front, new PRs and folders behind); null otherwise.
 */
function deltaOf(base: HistorySnapshot, snapshot: HistorySnapshot): HistorySnapshot | null {
  const added = snapshot.commits.length - base.commits.length;
  const extended = added >= 0 && snapshot.scope === base.scope &&
    snapshot.commits[added] === base.commits[0] &&
    snapshot.pullRequests.length >= base.pullRequests.length && snapshot.pullRequests[base.pullRequests.length - 1] === base.pullRequests[base.pullRequests.length - 1] &&
    snapshot.folders.length >= base.folders.length;
  if (!extended) return null;
  return {
    head: snapshot.head,
    scope: snapshot.scope,
    commits: snapshot.commits.slice(0, added),
    authors: snapshot.authors,
    pullRequests: snapshot.pullRequests.slice(base.pullRequests.length),
    folders: snapshot.folders.slice(base.folders.length),
    withoutRenames: snapshot.withoutRenames,
  };
}

function applyDelta(base: HistorySnapshot, delta: HistorySnapshot): HistorySnapshot {
  return {
    head: delta.head,
    scope: base.scope,
    commits: [...delta.commits, ...base.commits],
    authors: delta.authors,
    pullRequests: [...base.pullRequests, ...delta.pullRequests],
    folders: [...base.folders, ...delta.folders],
    // A delta carries the whole span at its head (HistoryBuilder.extend joined them).
    withoutRenames: delta.withoutRenames,
  };
}

function isCurrent(file: CacheFile, root: string, scope: string): boolean {
  return file.version === CACHE_VERSION && file.root === root && file.scope === scope;
}

export class HistoryCache {
  private readonly memory = new Map<string, HistorySnapshot>();
  private readonly onDisk = new Map<string, OnDisk>();
  /** Writes run one after another, so a delta always lands after the write it extends. */
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly dir?: string) {}

  /** The snapshot this cache holds in memory for the repository under this scope, if any (nothing read from disk). */
  inMemory(root: string, scope: string): HistorySnapshot | undefined {
    const snapshot = this.memory.get(root);
    return snapshot?.scope === scope ? snapshot : undefined;
  }

  /** The snapshot kept for this repository under this scope, if any. */
  async load(root: string, scope: string): Promise<HistorySnapshot | undefined> {
    return (await this.loadChecked(root, scope)).snapshot;
  }

  /**
   * The snapshot, or why the files on disk could not be used: `damaged` says so
   * when they were there for this repository and scope but could not be read back
   * (another version or scope is no damage, only out of date).
   */
  async loadChecked(root: string, scope: string): Promise<{ snapshot?: HistorySnapshot; damaged?: string }> {
    const inMemory = this.memory.get(root);
    if (inMemory) return inMemory.scope === scope ? { snapshot: inMemory } : {};
    if (!this.dir) return {};
    const text = await readFile(this.fileFor(root), 'utf8').catch(() => null);
    if (text === null) return {};
    try {
      const file = JSON.parse(text) as CacheFile;
      if (!isCurrent(file, root, scope)) return {};
      let snapshot = decode(file);
      const deltas = await readFile(this.deltaFileFor(root), 'utf8').catch((error: unknown) => {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
        throw error;
      });
      for (const line of deltas.split('\n')) {
        if (line === '') continue;
        const delta = JSON.parse(line) as DeltaLine;
        // A delta that does not extend what came before it (damaged, or another writer's) spoils the rest.
        if (!isCurrent(delta, root, scope) || delta.base !== snapshot.head) return { damaged: 'a refresh in it does not follow the one before' };
        snapshot = applyDelta(snapshot, decode(delta));
      }
      this.memory.set(root, snapshot);
      this.onDisk.set(root, { snapshot, snapshotLength: text.length, deltaLength: deltas.length });
      return { snapshot };
    } catch (error) {
      return { damaged: error instanceof Error ? error.message.split('\n')[0] ?? error.name : String(error) };
    }
  }

  /** `base`: the snapshot this one extends (HistoryBuilder.extend), when it does. */
  store(root: string, snapshot: HistorySnapshot, base?: HistorySnapshot): Promise<void> {
    this.memory.set(root, snapshot);
    if (!this.dir) return Promise.resolve();
    const write = this.writing.then(() => this.write(root, snapshot, base));
    this.writing = write.catch(() => undefined);
    return write;
  }

  private async write(root: string, snapshot: HistorySnapshot, base: HistorySnapshot | undefined): Promise<void> {
    const disk = this.onDisk.get(root);
    // Forgotten until written: a failed write leaves the files in an unknown state.
    this.onDisk.delete(root);
    const delta = base && disk?.snapshot === base ? deltaOf(base, snapshot) : null;
    if (disk && base && delta) {
      const line = `${JSON.stringify({ ...encode(root, delta), base: base.head } satisfies DeltaLine)}\n`;
      const deltaLength = disk.deltaLength + line.length;
      if (deltaLength <= disk.snapshotLength * MAX_DELTA_SHARE) {
        await appendFile(this.deltaFileFor(root), line);
        this.onDisk.set(root, { snapshot, snapshotLength: disk.snapshotLength, deltaLength });
        return;
      }
    }
    const text = JSON.stringify(encode(root, snapshot));
    // The deltas go first: old deltas never meet a new snapshot, even after a crash in between.
    await rm(this.deltaFileFor(root), { force: true });
    await writeCacheFile(this.fileFor(root), text);
    this.onDisk.set(root, { snapshot, snapshotLength: text.length, deltaLength: 0 });
  }

  private fileFor(root: string): string {
    return cacheFileFor(this.dir ?? '', 'history', root);
  }

  private deltaFileFor(root: string): string {
    return cacheFileFor(this.dir ?? '', 'history', root, 'delta.jsonl');
  }
}
