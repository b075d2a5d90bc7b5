import assert from 'node:assert/strict';
import type { CommitRecord, FileChange, PullRequest } from '../../../src/core/model/history';
import fc from 'fast-check';
import { detectSignals, SignalDetector, type SignalGroup } from '../../../src/core/signals/detect';

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
function history(oldestFirst: CommitRecord[], prs: Record<string, string> = {}): { commits: CommitRecord[]; pullRequests: PullRequest[] } {
  const byId = new Map<string, string[]>();
  for (const [sha, id] of Object.entries(prs)) byId.set(id, [...(byId.get(id) ?? []), sha]);
  const pullRequests = [...byId].map(([id, commits]) => ({ id, mergeCommit: commits[commits.length - 1] ?? '', commits, viaMergeCommit: false }));
  return { commits: [...oldestFirst].reverse(), pullRequests };
}

const adrPaths: ReadonlySet<string> = new Set(['docs/adr/0001-x.md', 'docs/adr/schema.sql']);

describe('signals: detecting decisions in history', () => {
  it('makes one decision per PR and kind, and one per commit and kind without a PR', () => {
    const a = commit([['M', 'package.json'], ['A', 'Dockerfile']]);
    const b = commit([['M', 'services/x/package.json']]);
    const c = commit([['M', 'package.json'], ['M', 'package-lock.json']]);
    const groups = detectSignals(history([a, b, c], { [a.sha]: '#4', [b.sha]: '#4' }), { signals: {}, packageGlobs: [], adrPaths });
    assert.deepEqual(groups.map((g) => [g.unit, g.kind, g.pr, g.commits, g.files]), [
      [c.sha, 'dependency', null, [c.sha], ['package.json']],
      ['pr-4', 'dependency', '#4', [a.sha, b.sha], ['package.json', 'services/x/package.json']],
      ['pr-4', 'infrastructure', '#4', [a.sha], ['Dockerfile']],
    ]);
  });

  it('never makes ADR files signals; a deletion is a candidate (a removal can decide something)', () => {
    const removal = commit([['D', 'Dockerfile']]);
    const groups = detectSignals(history([
      commit([['A', 'docs/adr/0001-x.md'], ['A', 'docs/adr/schema.sql']]),
      removal,
    ]), { signals: {}, packageGlobs: [], adrPaths });
    assert.deepEqual(groups.map((g) => [g.unit, g.kind, g.files]), [[removal.sha, 'infrastructure', ['Dockerfile']]]);
  });

  it('finds new top-level source folders and workspace packages, not docs, data, dot-folders, tests, examples, covered files or a lone file', () => {
    const first = commit([['A', 'README.md'], ['A', 'src/index.ts'], ['A', 'src/app.ts']]);
    const docs = commit([['A', 'docs/guide.md'], ['A', '.github/x.yml'], ['A', 'db/migrations/1.sql']]);
    const pkg = commit([['A', 'services/payments/src/index.ts'], ['A', 'services/payments/src/pay.ts'], ['A', 'services/payments/package.json']]);
    const second = commit([['A', 'services/search/src/index.ts'], ['A', 'services/search/src/rank.ts'], ['A', 'services/search/README.md']]);
    const inside = commit([['A', 'services/search/src/query.ts'], ['A', 'src/more.ts']]);
    const readmeOnly = commit([['A', 'notes/README.md']]);
    const settingsOnly = commit([['A', 'schemas/config.schema.json'], ['A', 'assets/logo.png']]);
    const tests = commit([['A', 'e2e/login.spec.ts'], ['A', 'e2e/helpers.ts'], ['A', 'tools/x_test.go'], ['A', 'tools/y_test.go']]);
    const examples = commit([['A', 'examples/demo/main.go'], ['A', 'examples/demo/util.go']]);
    const lone = commit([['A', 'scratch/try.py']]);
    const groups = detectSignals(history([first, docs, pkg, second, inside, readmeOnly, settingsOnly, tests, examples, lone]), { signals: {}, packageGlobs: ['services/*'], adrPaths });
    const architecture = groups.filter((g) => g.kind === 'architecture').map((g) => [g.unit, g.files]);
    assert.deepEqual(architecture.sort(), [
      [first.sha, ['src']],
      [pkg.sha, ['services', 'services/payments']],
      [second.sha, ['services/search']],
    ].sort());
  });

  it('lets config name package folders and switch a kind off', () => {
    const a = commit([['A', 'libs/core/index.ts'], ['A', 'libs/core/util.ts']]);
    const b = commit([['A', 'libs/extra/index.ts'], ['A', 'libs/extra/util.ts'], ['A', 'Dockerfile']]);
    const groups = detectSignals(history([a, b]), {
      signals: { architecture: { paths: ['libs/*'] }, infrastructure: { enabled: false } }, packageGlobs: [], adrPaths,
    });
    assert.deepEqual(groups.map((g) => [g.unit, g.kind, g.files]).sort(), [
      [a.sha, 'architecture', ['libs', 'libs/core']],
      [b.sha, 'architecture', ['libs/extra']],
    ].sort());
  });
});

describe('signals: a detector kept between analyses', () => {
  const POOL = ['package.json', 'services/a/package.json', 'Dockerfile', 'src/x.ts', 'lib/y/z.go', 'docs/adr/0001-x.md', '.github/workflows/ci.yml', 'db/migrations/1.sql', 'services/b/src/i.ts'];
  const change = fc.record({ status: fc.constantFrom<FileChange['status']>('A', 'M', 'D', 'R'), path: fc.constantFrom(...POOL) });
  const histories = fc.record({
    commits: fc.array(fc.record({ files: fc.array(change, { maxLength: 3 }), pr: fc.option(fc.constantFrom('#1', '#2', '!2', '#3'), { nil: undefined }) }), { minLength: 1, maxLength: 14 }),
    split: fc.nat(),
  });

  it('gives after a refresh what a fresh detection gives, and leaves the groups it gave before unchanged', () => {
    fc.assert(fc.property(histories, ({ commits: specs, split }) => {
      const oldestFirst = specs.map((spec) => commit(spec.files.map((f): [FileChange['status'], string, string?] => (f.status === 'R' ? [f.status, f.path, 'old/name.ts'] : [f.status, f.path]))));
      const prs = Object.fromEntries(specs.flatMap((spec, i) => (spec.pr ? [[oldestFirst[i]?.sha ?? '', spec.pr]] : [])));
      const cut = 1 + (split % oldestFirst.length);
      const full = history(oldestFirst, prs);
      // The refresh's history: new commits in front of the very same older objects, as HistoryBuilder.extend gives.
      const before = { commits: full.commits.slice(full.commits.length - cut), pullRequests: full.pullRequests };
      const options = { signals: {}, packageGlobs: ['services/*'], adrPaths };
      const detector = new SignalDetector();
      const first = detector.detect(before, options);
      const firstCopy = structuredClone(first);
      assert.deepEqual(detector.detect(full, options), detectSignals(full, options));
      assert.deepEqual(first, firstCopy);
      assert.deepEqual(first, detectSignals(before, options));
    }), { numRuns: 300 });
  });

  it('keeps the group objects a refresh did not touch, and starts over when the options change', () => {
    const a = commit([['M', 'package.json']]);
    const b = commit([['A', 'Dockerfile']]);
    const c = commit([['M', 'package.json'], ['M', 'Dockerfile']]);
    const options = { signals: {}, packageGlobs: [], adrPaths };
    const detector = new SignalDetector();
    const before = history([a, b], { [b.sha]: '#7' });
    const first = detector.detect(before, options);
    const after = { commits: [c, ...before.commits], pullRequests: history([b, c], { [b.sha]: '#7', [c.sha]: '#7' }).pullRequests };
    const second = detector.detect(after, options);
    const byKey = (groups: SignalGroup[], unit: string, kind: string): SignalGroup | undefined => groups.find((g) => g.unit === unit && g.kind === kind);
    assert.equal(byKey(second, a.sha, 'dependency'), byKey(first, a.sha, 'dependency'), 'untouched: the same object');
    assert.notEqual(byKey(second, 'pr-7', 'infrastructure'), byKey(first, 'pr-7', 'infrastructure'), 'touched: a copy');
    assert.deepEqual(byKey(first, 'pr-7', 'infrastructure')?.commits, [b.sha]);
    assert.deepEqual(byKey(second, 'pr-7', 'infrastructure')?.commits, [b.sha, c.sha]);
    const other = detector.detect(after, { ...options, adrPaths: new Set(['Dockerfile']) });
    assert.equal(byKey(other, 'pr-7', 'infrastructure'), undefined);
    assert.notEqual(byKey(other, a.sha, 'dependency'), byKey(second, a.sha, 'dependency'), 'other options: a fresh walk');
  });
});
