import assert from 'node:assert/strict';
import type { CommitRecord, FileChange } from '../../../src/core/model/history';
import { detectSignals } from '../../../src/core/signals/detect';

let counter = 0;
function commit(files: Array<[FileChange['status'], string, string?]>, subject = 'change'): CommitRecord {
  counter += 1;
  const sha = counter.toString(16).padStart(40, '0');
  return {
    sha, parents: [], author: { name: 'Bob Li', email: 'bob@acme.io' }, committer: { name: 'Bob Li', email: 'bob@acme.io' },
    authorDate: '2026-01-01T00:00:00Z', committerDate: '2026-01-01T00:00:00Z', subject, body: '', trailers: [],
    files: files.map(([status, path, oldPath]) => ({ status, path, ...(oldPath ? { oldPath } : {}) })),
  };
}

/** Oldest first in, newest first into the history as git log gives it. */
function history(oldestFirst: CommitRecord[], prs: Record<string, string> = {}): { commits: CommitRecord[]; prOfCommit: Map<string, string> } {
  return { commits: [...oldestFirst].reverse(), prOfCommit: new Map(Object.entries(prs)) };
}

const isAdrPath = (path: string): boolean => path.startsWith('docs/adr/');

describe('signals: detecting decisions in history', () => {
  it('makes one decision per PR and kind, and one per commit and kind without a PR', () => {
    const a = commit([['M', 'package.json'], ['A', 'Dockerfile']]);
    const b = commit([['M', 'services/x/package.json']]);
    const c = commit([['M', 'package.json'], ['M', 'package-lock.json']]);
    const groups = detectSignals(history([a, b, c], { [a.sha]: '#4', [b.sha]: '#4' }), { signals: {}, packageGlobs: [], isAdrPath });
    assert.deepEqual(groups.map((g) => [g.unit, g.kind, g.pr, g.commits, g.files]), [
      [c.sha, 'dependency', null, [c.sha], ['package.json']],
      ['pr-4', 'dependency', '#4', [a.sha, b.sha], ['package.json', 'services/x/package.json']],
      ['pr-4', 'infrastructure', '#4', [a.sha], ['Dockerfile']],
    ]);
  });

  it('never makes ADR files or deletions signals', () => {
    const groups = detectSignals(history([
      commit([['A', 'docs/adr/0001-x.md'], ['A', 'docs/adr/schema.sql']]),
      commit([['D', 'Dockerfile']]),
    ]), { signals: {}, packageGlobs: [], isAdrPath });
    assert.deepEqual(groups, []);
  });

  it('finds new top-level source folders and workspace packages, not docs, data, dot-folders or covered files', () => {
    const first = commit([['A', 'README.md'], ['A', 'src/index.ts']]);
    const docs = commit([['A', 'docs/guide.md'], ['A', '.github/x.yml'], ['A', 'db/migrations/1.sql']]);
    const pkg = commit([['A', 'services/payments/src/index.ts'], ['A', 'services/payments/package.json']]);
    const second = commit([['A', 'services/search/src/index.ts'], ['A', 'services/search/README.md']]);
    const inside = commit([['A', 'services/search/src/query.ts'], ['A', 'src/more.ts']]);
    const readmeOnly = commit([['A', 'notes/README.md']]);
    const settingsOnly = commit([['A', 'schemas/config.schema.json'], ['A', 'assets/logo.png']]);
    const groups = detectSignals(history([first, docs, pkg, second, inside, readmeOnly, settingsOnly]), { signals: {}, packageGlobs: ['services/*'], isAdrPath });
    const architecture = groups.filter((g) => g.kind === 'architecture').map((g) => [g.unit, g.files]);
    assert.deepEqual(architecture.sort(), [
      [first.sha, ['src']],
      [pkg.sha, ['services', 'services/payments']],
      [second.sha, ['services/search']],
    ].sort());
  });

  it('lets config name package folders and switch a kind off', () => {
    const a = commit([['A', 'libs/core/index.ts']]);
    const b = commit([['A', 'libs/extra/index.ts'], ['A', 'Dockerfile']]);
    const groups = detectSignals(history([a, b]), {
      signals: { architecture: { paths: ['libs/*'] }, infrastructure: { enabled: false } }, packageGlobs: [], isAdrPath,
    });
    assert.deepEqual(groups.map((g) => [g.unit, g.kind, g.files]).sort(), [
      [a.sha, 'architecture', ['libs', 'libs/core']],
      [b.sha, 'architecture', ['libs/extra']],
    ].sort());
  });
});
