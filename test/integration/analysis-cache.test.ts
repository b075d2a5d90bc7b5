// The history cache under a folder the host gives: after a new commit only the new
// part is read, after a rewrite a full pass runs; either way the report equals a
// fresh analysis without a cache.
import assert from 'node:assert/strict';
import { appendFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readFile, writeFile } from 'node:fs/promises';
import { AnalysisCache } from '../../src/core/analysis-cache';
import { analyzeRepository } from '../../src/core/analyze';
import { HistoryCache } from '../../src/core/git/history-cache';
import { readHistory } from '../../src/core/git/read-history';
import type { Report } from '../../src/core/model/report';
import { buildCompanyRepo, type CompanyRepo } from '../fixtures/company';
import { ARJUN, BOB, CAROL, DANA } from '../fixtures/company-people';
import { fixtureGitEnv, openRepo, runGit } from '../fixtures/git';

/** The fixtures' git environment: the machine's git config never reaches the analysis. */
const GIT_ENV = fixtureGitEnv();

function stable(report: Report): string {
  return JSON.stringify({ ...report, repository: { ...report.repository, analyzedAt: '' } });
}

describe('analysis: the history cache', function () {
  let tmp: string;
  let company: CompanyRepo;
  let cacheDir: string;

  before(async function () {
    tmp = await mkdtemp(path.join(tmpdir(), 'decision-orbit-cache-test-'));
    company = await buildCompanyRepo(path.join(tmp, 'company'));
    cacheDir = path.join(tmp, 'cache');
  });

  after(async function () {
    await rm(tmp, { recursive: true, force: true });
  });

  const analyse = (withCache: boolean): Promise<Report> =>
    analyzeRepository({ env: GIT_ENV, root: company.root, now: company.now, ...(withCache ? { cacheDir } : {}) });

  it('keeps the cache outside the repository and matches a fresh analysis after a new commit and after a rewrite', async function () {
    assert.equal(stable(await analyse(true)), stable(await analyse(false)));
    assert.ok((await readdir(cacheDir)).length > 0);
    assert.ok(!(await readdir(company.root)).some((name) => name.includes('cache')));

    const repo = openRepo(company.root);
    await repo.commit({ author: DANA, date: '2026-09-20T10:00:00Z', message: 'Add a compose file', files: { 'compose.yaml': 'services: {}\n' } });
    const incremental = await analyse(true);
    assert.equal(stable(incremental), stable(await analyse(false)));
    const compose = incremental.decisions.find((d) => d.kind === 'infrastructure' && d.files?.includes('compose.yaml'));
    assert.equal(compose?.involvement, 'decided');

    await runGit(company.root, ['reset', '--hard', 'HEAD~1']);
    await repo.commit({ author: DANA, date: '2026-09-21T10:00:00Z', message: 'Add Terraform', files: { 'infra/main.tf': 'terraform {}\n' } });
    const rewritten = await analyse(true);
    assert.equal(stable(rewritten), stable(await analyse(false)));
    assert.ok(!rewritten.decisions.some((d) => d.files?.includes('compose.yaml')), 'the dropped commit is gone');
    assert.ok(rewritten.decisions.some((d) => d.files?.includes('infra/main.tf')));
  });

  it('reads only the new commits after a commit, and all of history whenever HEAD does not run down to the cached head', async function () {
    const repo = openRepo(company.root);
    const cache = new HistoryCache(path.join(tmp, 'history-only'));
    const read = async (after: string): Promise<number> => {
      const result = await readHistory(company.root, { env: GIT_ENV }, { cache });
      await result.saving;
      const fresh = await readHistory(company.root, { env: GIT_ENV, cacheDir: path.join(tmp, `fresh-${Date.now()}`) });
      assert.deepEqual(result.history, fresh.history, after);
      assert.deepEqual(result.authors, fresh.authors, after);
      return result.commitsRead;
    };
    const total = Number(await repo.out(['rev-list', '--count', 'HEAD']));
    assert.equal(await read('the first read'), total);
    await repo.commit({ author: DANA, date: '2026-09-21T10:00:00Z', message: 'Add a Procfile', files: { Procfile: 'web: run\n' } });
    assert.equal(await read('one new commit'), 1, 'only the new commit is read');

    await runGit(company.root, ['reset', '--hard', 'HEAD~1']);
    assert.equal(await read('HEAD moved back to an ancestor of the cached head'), total, 'a full pass');

    const main = await repo.currentBranch();
    assert.ok(main);
    await repo.checkoutNew('side');
    await repo.commit({ author: BOB, date: '2026-09-22T10:00:00Z', message: 'Side work', files: { 'side.txt': 'x\n' } });
    assert.equal(await read('a side branch'), 1);
    await repo.checkout(main);
    await repo.commit({ author: DANA, date: '2026-09-23T10:00:00Z', message: 'Main work', files: { 'main.txt': 'x\n' } });
    await repo.merge({ branches: ['side'], author: DANA, date: '2026-09-23T11:00:00Z', message: 'Merge side' });
    assert.equal(await read('the cached head merged in as a second parent'), 3 + total + 2, 'the new part, then a full pass');

    const merge = (await repo.out(['rev-parse', 'HEAD'])).trim();
    await runGit(company.root, ['reset', '--hard', 'HEAD~1']);
    await repo.commit({ author: DANA, date: '2026-09-24T10:00:00Z', message: 'Main work, again', files: { 'main.txt': 'y\n' } });
    await repo.deleteBranch('side');
    await runGit(company.root, ['reflog', 'expire', '--expire=now', '--all']);
    await runGit(company.root, ['gc', '--quiet', '--prune=now']);
    assert.notEqual((await runGit(company.root, ['cat-file', '-e', merge], { allowFailure: true })).code, 0, 'the cached head is gone');
    assert.equal(await read('the cached head rewritten away and pruned'), total + 2, 'a full pass, with no error');
  });

  it('matches a fresh analysis after refreshes in a row, and after its refresh file is damaged', async function () {
    const repo = openRepo(company.root);
    for (const [index, file] of ['Dockerfile', 'db/migrations/002.sql'].entries()) {
      await repo.commit({ author: DANA, date: `2026-09-2${2 + index}T10:00:00Z`, message: `Add ${file}`, files: { [file]: 'x\n' } });
      assert.equal(stable(await analyse(true)), stable(await analyse(false)), `after ${file}`);
    }
    await repo.commit({ author: DANA, date: '2026-09-24T10:00:00Z', message: 'Add a workflow', files: { '.github/workflows/ci.yml': 'on: push\n' } });
    assert.equal(stable(await analyse(true)), stable(await analyse(false)));
    const names = await readdir(cacheDir);
    const delta = names.find((name) => name.includes('.delta.')) ?? names.find((name) => name.endsWith('.json'));
    assert.ok(delta);
    await appendFile(path.join(cacheDir, delta), '{"version": 3, "commits": [[');
    const afterDamage = await analyse(true);
    // The rebuild is said in one warning; the rest is what a fresh analysis gives.
    assert.deepEqual(afterDamage.warnings.filter((w) => w.code === 'cache-rebuilt').map((w) => w.message.replace(/\(.*\)/, '(…)')), ['The history cache was damaged (…) and has been rebuilt from git.']);
    assert.equal(stable({ ...afterDamage, warnings: afterDamage.warnings.filter((w) => w.code !== 'cache-rebuilt') }), stable(await analyse(false)));
    assert.ok(!afterDamage.warnings.some((w) => w.code === 'cache-not-saved'));
    assert.ok(!(await analyse(true)).warnings.some((w) => w.code === 'cache-rebuilt'), 'the rebuilt cache reads back');
  });

  it('tells the host how many commits git read: every one at first, none when the cache holds HEAD', async function () {
    const cache = new AnalysisCache(path.join(tmp, 'progress'));
    const readBy = async (): Promise<{ read: number; kept: number } | undefined> => {
      let history: { read: number; kept: number } | undefined;
      await analyzeRepository({ env: GIT_ENV, root: company.root, now: company.now, cache, onProgress: (progress) => {
        history = progress.history ?? history;
      } });
      return history;
    };
    const first = await readBy();
    assert.ok(first && first.read > 20 && first.kept > 0, JSON.stringify(first));
    assert.deepEqual(await readBy(), { read: 0, kept: first.kept });
  });

  it('kept in memory between refreshes (the extension), matches a fresh analysis after every kind of change', async function () {
    const repo = openRepo(company.root);
    const cache = new AnalysisCache(path.join(tmp, 'kept'));
    const check = async (after: string): Promise<Report> => {
      const report = await analyzeRepository({ env: GIT_ENV, root: company.root, now: company.now, cache });
      assert.equal(stable(report), stable(await analyse(false)), after);
      return report;
    };
    const edit = async (file: string, change: (text: string) => string): Promise<void> => {
      const absolute = path.join(company.root, file);
      await writeFile(absolute, change(await readFile(absolute, 'utf8')));
    };
    const first = await check('the first analysis');
    await repo.commit({ author: BOB, date: '2026-09-25T10:00:00Z', message: 'Add a proto', files: { 'services/payments/api.proto': 'syntax = "proto3";\n' } });
    const second = await check('a signal by a known author');
    const untouched = first.decisions.filter((d) => d.source === 'git');
    assert.ok(untouched.length > 5);
    assert.ok(untouched.every((d) => second.decisions.includes(d)), 'the decisions the commit did not touch are reused, not rebuilt');

    await repo.commit({
      author: { name: 'Zed Newman', email: 'zed@acme.io' }, date: '2026-09-26T10:00:00Z', message: 'Add a compose file',
      trailers: [['Co-authored-by', { name: 'Yan Other', email: 'yan@acme.io' }], ['Reviewed-by', DANA]], files: { 'compose.yaml': 'services: {}\n' },
    });
    await check('a new author, with a co-author nobody knew');
    // PR #8 brought the Dockerfile: its infrastructure group stays as it was, but a lookup of #8 now finds this claim.
    await repo.commit({ author: CAROL, date: '2026-09-27T10:00:00Z', message: 'Pin the build tools (#8)', files: { 'tools/go.mod': 'module tools\n' } });
    await check('a squash commit that claims the number of an earlier PR');
    await repo.commit({ author: ARJUN, date: '2026-09-28T10:00:00Z', message: 'Record: use gRPC', files: { 'doc/architecture/decisions/0009-use-grpc.md': '# 9. Use gRPC\n\nDate: 2026-09-28\n\n## Status\n\nAccepted\n' } });
    await check('a new record');
    await edit('doc/architecture/decisions/0009-use-grpc.md', (text) => text.replace('Accepted', 'Superseded'));
    await check('a record edited and not committed');
    await edit('.decision-orbit.yml', (text) => text.replace('  - name: Arjun Patel\n    role: Architect\n    aliases: ["@apatel"]\n', ''));
    await check('a leader taken off the roster');
    await edit('.mailmap', (text) => `${text}Zed Newman <zed@acme.io> Yan Other <yan@acme.io>\n`);
    await check('a .mailmap line that makes two people one');
    await runGit(company.root, ['checkout', '--', '.decision-orbit.yml', '.mailmap', 'doc/architecture/decisions/0009-use-grpc.md']);
    await runGit(company.root, ['reset', '--hard', 'HEAD~2']);
    await repo.commit({ author: DANA, date: '2026-09-29T10:00:00Z', message: 'Add a Terraform module', files: { 'infra/network/main.tf': 'terraform {}\n' } });
    await check('a rewritten history');
  });

  it('kept in memory, rebuilds after one commit only what the commit can change, and equals a fresh analysis each time', async function () {
    const own = await buildCompanyRepo(path.join(tmp, 'reuse'));
    const repo = openRepo(own.root);
    const cache = new AnalysisCache();
    const analyseOwn = (kept?: AnalysisCache): Promise<Report> => analyzeRepository({ env: GIT_ENV, root: own.root, now: own.now, ...(kept ? { cache: kept } : {}) });
    const check = async (after: string): Promise<Report> => {
      const report = await analyseOwn(cache);
      assert.equal(stable(report), stable(await analyseOwn()), after);
      return report;
    };
    const first = await check('the first analysis');
    const records = first.decisions.filter((d) => d.source === 'adr').length;
    const signals = first.decisions.filter((d) => d.source === 'git').length;
    assert.deepEqual(cache.decisions.built, { records, signals }, 'the first analysis builds every decision');
    const { resolved } = cache.people.counts;
    assert.ok(resolved > 10);
    assert.deepEqual(cache.people.counts, { recalled: 0, resolved, remade: 0, replayed: 0 });

    // The first commit may put Dana first among the committers (met newest first); the second cannot move anyone.
    await repo.commit({ author: DANA, date: '2026-09-20T10:00:00Z', message: 'Add a compose file', files: { 'compose.yaml': 'services: {}\n' } });
    await check('a commit by Dana');
    await repo.commit({ author: DANA, date: '2026-09-21T10:00:00Z', message: 'Add Terraform', files: { 'infra/main.tf': 'terraform {}\n' } });
    await check('a second commit by Dana');
    assert.deepEqual(cache.decisions.built, { records: 0, signals: 1 }, 'only the new signal is built');
    assert.deepEqual(cache.people.counts, { recalled: resolved, resolved: 0, remade: 0, replayed: signals + 1 },
      'every identity answered from the log, in the logged order; each kept signal decision\'s witnesses replayed, not named again');

    // A reviewer named by a handle nobody used: met first among the decisions, so the units after the new one meet it in another place of the log.
    await repo.commit({ author: DANA, date: '2026-09-21T12:00:00Z', message: 'Add a Helm chart', trailers: [['Reviewed-by', '@quinn-new']], files: { 'charts/app/Chart.yaml': 'apiVersion: v2\nname: app\n' } });
    await check('a commit reviewed by someone new');
    assert.deepEqual(cache.decisions.built, { records: 0, signals: 1 }, 'only the new signal is built');
    assert.equal(cache.people.counts.remade, 1, 'the resolver is made again once, where the new reviewer is met');
    assert.ok(cache.people.counts.replayed < signals + 2, 'the decisions met after the new one are not replayed');

    const record = 'doc/architecture/decisions/0001-record-architecture-decisions.md';
    const text = await readFile(path.join(own.root, record), 'utf8');
    await repo.commit({ author: DANA, date: '2026-09-22T10:00:00Z', message: 'Reword the context', files: { [record]: text.replace('We need to record', 'We record') } });
    await check('a record edited by a commit');
    assert.deepEqual(cache.decisions.built, { records: 1, signals: 0 }, 'only the edited record is built');

    await writeFile(path.join(own.root, '.decision-orbit.yml'), (await readFile(path.join(own.root, '.decision-orbit.yml'), 'utf8')).replace('  - name: Arjun Patel\n    role: Architect\n    aliases: ["@apatel"]\n', ''));
    const changed = await check('a leader taken off the roster');
    assert.equal(changed.leadership.length, first.leadership.length - 1);
    assert.deepEqual(cache.decisions.built, { records, signals: signals + 3 }, 'a roster change builds every decision');
    assert.equal(cache.people.counts.recalled, 0, 'and meets every identity anew');
  });
});
