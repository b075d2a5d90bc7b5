import assert from 'node:assert/strict';
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { historyScope } from '../../../src/core/analysis/history-scope';
import { DEFAULT_CONFIG } from '../../../src/core/config/schema';
import { HistoryBuilder, type HistorySnapshot } from '../../../src/core/git/history-builder';
import { HistoryCache } from '../../../src/core/git/history-cache';
import { parseLogOutput } from '../../../src/core/git/log-parser';
import type { CommitRecord } from '../../../src/core/model/history';
import { literalLog, sha, type LiteralCommit } from './literal-log';
import { suiteTempDir } from './temp-dir';

const SCOPE = historyScope(DEFAULT_CONFIG.signals, [{ pattern: 'services/payments/', owners: ['@dana'], line: 1 }]);
const c = (label: string): string => sha(label);

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
  { sha: c('p2'), parents: [c('p1')], message: 'Add a dependency\n\nReviewed-by: Dana Chen <dana@acme.io>\n', files: [['M', 'package.json']], authorDate: '2026-03-02T12:00:00Z' },
  { sha: c('p1'), parents: [c('docs')], message: 'Payments service\n', files: [['A', 'services/payments/src/index.ts'], ['A', 'services/payments/src/util.ts']], authorDate: '2026-03-02T10:00:00Z' },
  { sha: c('docs'), parents: [c('root')], message: 'Decision records\n', files: [['A', 'doc/0001-kafka.md'], ['A', 'notes/postgres.txt']], authorDate: '2026-03-01T12:00:00Z' },
  { sha: c('root'), message: 'Initial commit\n', files: [['A', 'package.json'], ['A', 'src/app.ts'], ['A', 'README.md']], authorDate: '2026-03-01T10:00:00Z' },
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
    const [file] = await readdir(dir());
    assert.ok(file);
    await writeFile(path.join(dir(), file), '{"version": 2, "root": "/repo", "scope": "x", "commits": [[');
    assert.equal(await new HistoryCache(dir()).load('/repo', SCOPE.key), undefined);
  });
});
