import assert from 'node:assert/strict';
import { appendFile, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { historyScope } from '../../../src/core/analysis/history-scope';
import { DEFAULT_CONFIG } from '../../../src/core/config/schema';
import { HistoryBuilder, type HistorySnapshot } from '../../../src/core/git/history-builder';
import { HistoryCache } from '../../../src/core/git/history-cache';
import { parseLogOutput } from '../../../src/core/git/log-parser';
import type { CommitRecord } from '../../../src/core/model/history';
import { blobId } from '../../fixtures/git';
import { literalLog, rawEntry, sha, type LiteralCommit } from './literal-log';
import { suiteTempDir } from '../../support/temp-dir';

const SCOPE = historyScope(DEFAULT_CONFIG.signals, [{ pattern: 'services/payments/', owners: ['@dana'], line: 1 }]);
const c = (label: string): string => sha(label);

const PACKAGE_1 = blobId('{}\n');
const PACKAGE_2 = blobId('{ "dependencies": { "left-pad": "1.3.0" } }\n');

// Newest first. main: root → docs → pr #1 (p1, p2) → notes → pr #2 (q1: nothing kept) → adr move → pr #3 (r1).
const HISTORY: LiteralCommit[] = [
  { sha: c('m3'), parents: [c('move'), c('r1')], authorName: 'Dana Chen', authorEmail: 'dana@acme.io', message: 'Merge pull request #3 from acme/r\n', authorDate: '2026-03-09T10:00:00Z' },
  { sha: c('r1'), parents: [c('move')], message: 'Payments tweak\n', files: [['M', 'services/payments/src/pay.ts'], ['M', 'services/payments/src/refund.ts']], authorDate: '2026-03-08T10:00:00Z' },
  {
    sha: c('move'), parents: [c('m2')], message: 'Decision records move into docs\n', authorDate: '2026-03-07T10:00:00Z',
    files: [['R100', 'notes/postgres.txt', 'docs/adr/0002-postgres.md'], ['R095', 'doc/0001-kafka.md', 'docs/adr/0001-kafka.md']],
  },
  { sha: c('m2'), parents: [c('notes'), c('q1')], message: 'Merge pull request #2 from acme/q\n', authorDate: '2026-03-06T10:00:00Z' },
  { sha: c('q1'), parents: [c('notes')], message: 'Tidy\n', files: [['M', 'src/app.ts']], authorDate: '2026-03-05T10:00:00Z' },
  {
    sha: c('notes'), parents: [c('m1')], authorName: 'Eve Stone', authorEmail: 'eve@acme.io', message: 'Notes\n',
    // Rebased: authored after it was committed.
    authorDate: '2026-03-20T10:00:00Z', committerDate: '2026-03-04T10:00:00Z',
    files: [['M', 'notes/postgres.txt'], ['A', 'src/extra.ts']],
  },
  { sha: c('m1'), parents: [c('docs'), c('p2')], authorName: 'Dana Chen', authorEmail: 'dana@acme.io', message: 'Merge pull request #1 from acme/p\n', authorDate: '2026-03-03T10:00:00Z' },
  { sha: c('p2'), parents: [c('p1')], message: 'Add a dependency\n\nReviewed-by: Dana Chen <dana@acme.io>\n', files: [rawEntry('M', PACKAGE_1, PACKAGE_2, 'package.json')], authorDate: '2026-03-02T12:00:00Z' },
  { sha: c('p1'), parents: [c('docs')], message: 'Payments service\n', files: [['A', 'services/payments/src/index.ts'], ['A', 'services/payments/src/util.ts']], authorDate: '2026-03-02T10:00:00Z' },
  { sha: c('docs'), parents: [c('root')], message: 'Decision records\n', files: [['A', 'doc/0001-kafka.md'], ['A', 'notes/postgres.txt']], authorDate: '2026-03-01T12:00:00Z' },
  { sha: c('root'), message: 'Initial commit\n', files: [rawEntry('A', null, PACKAGE_1, 'package.json'), ['A', 'src/app.ts'], rawEntry('A', null, blobId('# Acme\n'), 'README.md')], authorDate: '2026-03-01T10:00:00Z' },
];
const COMMITS = parseLogOutput(literalLog(HISTORY));

function build(commits: readonly CommitRecord[], head: string): HistorySnapshot {
  const builder = new HistoryBuilder(SCOPE);
  for (const commit of commits) builder.add(commit);
  return builder.finish(head);
}

/** The commits of `<old>..<new>` (not reachable from old), in log order. */
function since(old: string, commits: readonly CommitRecord[]): CommitRecord[] {
  const bySha = new Map(commits.map((commit) => [commit.sha, commit]));
  const reachable = new Set<string>();
  const stack = [old];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    if (reachable.has(next)) continue;
    reachable.add(next);
    stack.push(...(bySha.get(next)?.parents ?? []));
  }
  return commits.filter((commit) => !reachable.has(commit.sha));
}

describe('history builder: what the analysis keeps of literal git log output', () => {
  const snapshot = build(COMMITS, c('m3'));
  const kept = new Map(snapshot.commits.map((commit) => [commit.sha, commit]));

  it('keeps signal files, Markdown, the first files of a new folder and one change per CODEOWNERS rule, nothing else', () => {
    assert.deepEqual(kept.get(c('root'))?.files.map((f) => f.path), ['package.json', 'src/app.ts', 'README.md']);
    assert.deepEqual(kept.get(c('p1'))?.files.map((f) => f.path), ['services/payments/src/index.ts', 'services/payments/src/util.ts']);
    assert.deepEqual(kept.get(c('p2'))?.files.map((f) => f.path), ['package.json']);
    assert.deepEqual(kept.get(c('r1'))?.files.map((f) => f.path), ['services/payments/src/pay.ts'], 'one change per rule and commit is enough');
    assert.equal(kept.has(c('q1')), false, 'a change to a known source file matters to nothing');
  });

  it('keeps the blob ids of signal files only: what the structural assessment reads by id', () => {
    assert.deepEqual(kept.get(c('p2'))?.files, [{ status: 'M', path: 'package.json', blobs: `${PACKAGE_1} ${PACKAGE_2}` }]);
    assert.deepEqual(kept.get(c('root'))?.files.map((f) => [f.path, f.blobs]), [['package.json', `${'0'.repeat(40)} ${PACKAGE_1}`], ['src/app.ts', undefined], ['README.md', undefined]]);
  });

  it('keeps the deletion of a signal file (a stack or manifest removed is a decision), not of another file', () => {
    const history = parseLogOutput(literalLog([
      { sha: c('drop'), parents: [c('base')], message: 'Remove the local stack\n', files: [['D', 'deploy/docker-compose.yml'], ['D', 'src/old.ts']], authorDate: '2026-03-02T10:00:00Z' },
      { sha: c('base'), message: 'Initial commit\n', files: [['A', 'deploy/docker-compose.yml'], ['A', 'src/old.ts']], authorDate: '2026-03-01T10:00:00Z' },
    ]));
    const dropped = build(history, c('drop')).commits.find((commit) => commit.sha === c('drop'));
    assert.deepEqual(dropped?.files, [{ status: 'D', path: 'deploy/docker-compose.yml' }]);
  });

  it('follows a Markdown file back across a rename from a non-Markdown name', () => {
    assert.deepEqual(kept.get(c('move'))?.files, [
      { status: 'R', oldPath: 'notes/postgres.txt', path: 'docs/adr/0002-postgres.md' },
      { status: 'R', oldPath: 'doc/0001-kafka.md', path: 'docs/adr/0001-kafka.md' },
    ]);
    assert.deepEqual(kept.get(c('notes'))?.files, [{ status: 'M', path: 'notes/postgres.txt' }], 'src/ was seen before: src/extra.ts is dropped');
    assert.deepEqual(kept.get(c('docs'))?.files.map((f) => f.path), ['doc/0001-kafka.md', 'notes/postgres.txt']);
  });

  it('keeps a PR and its merge commit only when one of its commits carries a kept change', () => {
    assert.deepEqual(snapshot.pullRequests.map((pr) => [pr.id, pr.mergeCommit, pr.commits]), [
      ['#1', c('m1'), [c('m1'), c('p2'), c('p1')]],
      ['#3', c('m3'), [c('m3'), c('r1')]],
    ]);
    assert.ok(kept.has(c('m1')) && kept.has(c('m3')) && !kept.has(c('m2')));
  });

  it('keeps every author with the last day they authored, author dates after commit dates included', () => {
    assert.deepEqual(snapshot.authors.map((a) => [a.identity.name, a.lastDay]), [
      ['Dana Chen', '2026-03-09'],
      ['Ada Abe', '2026-03-08'],
      ['Eve Stone', '2026-03-20'],
    ]);
  });

  it('extends a snapshot with <last>..HEAD into exactly what a full pass gives, from every earlier head on the first-parent line', () => {
    // Without the rename from a non-Markdown name, which makes an extension refuse (below).
    const commits = parseLogOutput(literalLog(HISTORY.map((commit) => (commit.sha === c('move') ? { ...commit, files: commit.files?.slice(1) } : commit))));
    const full = build(commits, c('m3'));
    for (const old of [c('root'), c('docs'), c('m1'), c('notes'), c('m2'), c('move')]) {
      const base = build(commits.filter((commit) => !since(old, commits).includes(commit)), old);
      const builder = new HistoryBuilder(SCOPE);
      for (const commit of since(old, commits)) builder.add(commit);
      assert.deepEqual(builder.extend(base, c('m3')), full, `from ${old}`);
    }
  });

  it('refuses to extend when the last head is off the first-parent line, or a new rename reaches back past it', () => {
    const offLine = build(COMMITS.filter((commit) => !since(c('p2'), COMMITS).includes(commit)), c('p2'));
    const afterP2 = new HistoryBuilder(SCOPE);
    for (const commit of since(c('p2'), COMMITS)) afterP2.add(commit);
    assert.equal(afterP2.extend(offLine, c('m3')), null);

    const beforeMove = build(COMMITS.filter((commit) => !since(c('m2'), COMMITS).includes(commit)), c('m2'));
    const withMove = new HistoryBuilder(SCOPE);
    for (const commit of since(c('m2'), COMMITS)) withMove.add(commit);
    assert.equal(withMove.extend(beforeMove, c('m3')), null, 'notes/postgres.txt was dropped before it became a record');
  });
});

describe('history cache: the snapshot on disk', function () {
  this.timeout(10000);
  const dir = suiteTempDir('history-cache');

  it('reads back what it stored, in a new process (a new cache object), under the same scope only', async () => {
    const snapshot = build(COMMITS, c('m3'));
    await new HistoryCache(dir()).store('/repo', snapshot);
    assert.deepEqual(await new HistoryCache(dir()).load('/repo', SCOPE.key), snapshot);
    assert.equal(await new HistoryCache(dir()).load('/repo', 'another-scope'), undefined);
    assert.equal(await new HistoryCache(dir()).load('/elsewhere', SCOPE.key), undefined);
  });

  it('ignores a damaged file', async () => {
    const [file] = (await readdir(dir())).filter((name) => !name.includes('.delta.'));
    assert.ok(file);
    await writeFile(path.join(dir(), file), '{"version": 2, "root": "/repo", "scope": "x", "commits": [[');
    assert.equal(await new HistoryCache(dir()).load('/repo', SCOPE.key), undefined);
    const checked = await new HistoryCache(dir()).loadChecked('/repo', SCOPE.key);
    assert.equal(checked.snapshot, undefined);
    assert.match(checked.damaged ?? '', /JSON/, 'said to be damaged, so that the rebuild is said');
    assert.deepEqual(await new HistoryCache(dir()).loadChecked('/elsewhere', SCOPE.key), {}, 'no cache is no damage');
  });

  it('reads back blob ids, refuses malformed ones (they are named to git), and rebuilds a cache of the version before them', async () => {
    const snapshot = build(COMMITS, c('m3'));
    await new HistoryCache(dir()).store('/repo', snapshot);
    const loaded = await new HistoryCache(dir()).load('/repo', SCOPE.key);
    assert.equal(loaded?.commits.find((commit) => commit.sha === c('p2'))?.files[0]?.blobs, `${PACKAGE_1} ${PACKAGE_2}`);
    const [file] = (await readdir(dir())).filter((name) => !name.includes('.delta.'));
    assert.ok(file);
    const text = await readFile(path.join(dir(), file), 'utf8');
    assert.ok(text.includes(PACKAGE_2));
    await writeFile(path.join(dir(), file), text.replace(PACKAGE_2, `${PACKAGE_2.slice(0, 39)}\\n`));
    assert.match((await new HistoryCache(dir()).loadChecked('/repo', SCOPE.key)).damaged ?? '', /malformed blob ids/);
    await writeFile(path.join(dir(), file), text.replace(/"version":\d+/, '"version":5'));
    assert.deepEqual(await new HistoryCache(dir()).loadChecked('/repo', SCOPE.key), {}, 'an older version is read again from git, without the ids it lacks');
  });

  it('keeps which updater\'s text a kept commit\'s message carried, though not the message', async () => {
    const bump = 'Bump lodash (#9)\n\nBumps [lodash](https://github.com/lodash/lodash) from 4.17.20 to 4.17.21.\n';
    const log = parseLogOutput(literalLog([
      { sha: c('u2'), parents: [c('u1')], message: 'Bump lodash by hand\n\nDependabot\'s PR failed, so by hand.\n', files: [['M', 'package.json']] },
      { sha: c('u1'), message: bump, authorName: 'Dana Chen', authorEmail: 'dana@acme.io', files: [['A', 'package.json']] },
    ]));
    const snapshot = build(log, c('u2'));
    assert.deepEqual(snapshot.commits.map((commit) => commit.updater), [null, 'dependabot']);
    await new HistoryCache(dir()).store('/updaters', snapshot);
    assert.deepEqual((await new HistoryCache(dir()).load('/updaters', SCOPE.key))?.commits.map((commit) => commit.updater), [null, 'dependabot']);
  });
});

describe('history cache: deltas after a refresh', function () {
  this.timeout(10000);
  const dir = suiteTempDir('history-delta');
  const LAST = 199;
  // A linear history long enough that a one-commit delta is small beside the snapshot.
  const LINE: LiteralCommit[] = Array.from({ length: LAST + 1 }, (_, index) => ({
    sha: c(`line-${index}`),
    parents: index === 0 ? [] : [c(`line-${index - 1}`)],
    authorName: `Author ${index % 7}`,
    authorEmail: `author${index % 7}@acme.io`,
    authorDate: `2026-01-${String(1 + (index % 28)).padStart(2, '0')}T10:00:00Z`,
    message: `Change ${index}\n`,
    files: [['M', 'package.json'], ['A', `services/s${index}/main.ts`]],
  })).reverse();
  const ALL = parseLogOutput(literalLog(LINE));
  const headAt = (index: number): string => c(`line-${index}`);
  const upTo = (index: number): CommitRecord[] => ALL.slice(ALL.length - 1 - index);
  const extendTo = (base: HistorySnapshot, index: number): HistorySnapshot => {
    const builder = new HistoryBuilder(SCOPE);
    for (const commit of since(base.head, upTo(index))) builder.add(commit);
    const extended = builder.extend(base, headAt(index));
    assert.ok(extended);
    return extended;
  };
  const files = async (): Promise<string[]> => (await readdir(dir())).sort();

  it('appends each refresh as a delta and loads the snapshot a full pass gives', async () => {
    const cache = new HistoryCache(dir());
    const base = build(upTo(LAST - 3), headAt(LAST - 3));
    await cache.store('/repo', base);
    const [snapshotFile] = await files();
    assert.ok(snapshotFile);
    const written = await readFile(path.join(dir(), snapshotFile), 'utf8');
    let current = base;
    for (const index of [LAST - 2, LAST - 1, LAST]) {
      const next = extendTo(current, index);
      await cache.store('/repo', next, current);
      current = next;
    }
    assert.equal(await readFile(path.join(dir(), snapshotFile), 'utf8'), written, 'the snapshot file is not written again');
    assert.equal((await files()).length, 2);
    const loaded = await new HistoryCache(dir()).load('/repo', SCOPE.key);
    assert.deepEqual(loaded, build(ALL, headAt(LAST)));
    assert.deepEqual(loaded, current);
  });

  it('extends a loaded snapshot with another delta', async () => {
    const cache = new HistoryCache(dir());
    const loaded = await cache.load('/repo', SCOPE.key);
    assert.ok(loaded);
    const builder = new HistoryBuilder(SCOPE);
    const newer = parseLogOutput(literalLog([{ sha: c(`line-${LAST + 1}`), parents: [headAt(LAST)], message: 'One more\n', files: [['M', 'package.json']] }]));
    for (const commit of newer) builder.add(commit);
    const next = builder.extend(loaded, c(`line-${LAST + 1}`));
    assert.ok(next);
    await cache.store('/repo', next, loaded);
    assert.equal((await files()).length, 2);
    assert.deepEqual(await new HistoryCache(dir()).load('/repo', SCOPE.key), build([...newer, ...ALL], c(`line-${LAST + 1}`)));
  });

  it('writes the whole snapshot and drops the deltas after a full pass (a rewrite)', async () => {
    const rewritten = build(upTo(30), headAt(30));
    await new HistoryCache(dir()).store('/repo', rewritten);
    assert.equal((await files()).length, 1);
    assert.deepEqual(await new HistoryCache(dir()).load('/repo', SCOPE.key), rewritten);
  });

  it('folds the deltas into the snapshot once they grow', async () => {
    const cache = new HistoryCache(dir());
    let current = build(upTo(30), headAt(30));
    await cache.store('/repo', current);
    let sawDelta = false;
    for (let index = 31; index <= LAST; index += 1) {
      const next = extendTo(current, index);
      await cache.store('/repo', next, current);
      current = next;
      sawDelta ||= (await files()).length === 2;
    }
    assert.ok(sawDelta, 'some refreshes appended a delta');
    assert.deepEqual(await new HistoryCache(dir()).load('/repo', SCOPE.key), build(ALL, headAt(LAST)));
  });

  it('ignores the cache when a delta is damaged or does not follow the snapshot, and a full pass writes it anew', async () => {
    const cache = new HistoryCache(dir());
    const base = build(upTo(LAST - 2), headAt(LAST - 2));
    await cache.store('/repo', base);
    await cache.store('/repo', extendTo(base, LAST - 1), base);
    const deltaFile = (await files()).find((name) => name.includes('.delta.'));
    assert.ok(deltaFile);
    const line = await readFile(path.join(dir(), deltaFile), 'utf8');
    await appendFile(path.join(dir(), deltaFile), line.slice(0, 40));
    assert.equal(await new HistoryCache(dir()).load('/repo', SCOPE.key), undefined, 'a line cut short');
    await writeFile(path.join(dir(), deltaFile), line + line);
    assert.equal(await new HistoryCache(dir()).load('/repo', SCOPE.key), undefined, 'a delta from another base');

    const fresh = build(ALL, headAt(LAST));
    await new HistoryCache(dir()).store('/repo', fresh);
    assert.ok(!(await files()).some((name) => name.includes('.delta.')), 'the deltas are gone');
    assert.deepEqual(await new HistoryCache(dir()).load('/repo', SCOPE.key), fresh);
  });
});

describe('history cache: commits read without rename detection', function () {
  const dir = suiteTempDir('history-renameless');
  const mark = (label: string, day: string): { sha: string; date: string } => ({ sha: c(label), date: `2026-03-${day}T10:00:00Z` });

  it('keeps the span through a refresh, joined with the new one, as a delta and as a whole snapshot', async () => {
    const older = COMMITS.slice(2);
    const builder = new HistoryBuilder(SCOPE);
    for (const commit of older) builder.add(commit);
    const baseSpan = { count: older.length, newest: mark('move', '07'), oldest: mark('root', '01') };
    builder.readWithoutRenames(baseSpan);
    const base = builder.finish(c('move'));
    assert.deepEqual(base.withoutRenames, baseSpan);

    const refresh = new HistoryBuilder(SCOPE);
    for (const commit of COMMITS.slice(0, 2)) refresh.add(commit);
    refresh.readWithoutRenames({ count: 2, newest: mark('m3', '09'), oldest: mark('r1', '08') });
    const extended = refresh.extend(base, c('m3'));
    assert.ok(extended);
    assert.deepEqual(extended.withoutRenames, { count: older.length + 2, newest: mark('m3', '09'), oldest: mark('root', '01') });

    const cache = new HistoryCache(dir());
    await cache.store('/repo', base);
    await cache.store('/repo', extended, base);
    assert.deepEqual((await new HistoryCache(dir()).load('/repo', SCOPE.key))?.withoutRenames, extended.withoutRenames);

    const plain = new HistoryBuilder(SCOPE);
    for (const commit of COMMITS.slice(0, 2)) plain.add(commit);
    const renamedRefresh = plain.extend(base, c('m3'));
    assert.deepEqual(renamedRefresh?.withoutRenames, baseSpan, 'a refresh read with renames keeps the older span');
  });
});
