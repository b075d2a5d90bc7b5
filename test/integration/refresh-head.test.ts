// A refresh after a commit learns HEAD from its history pass' log and starts no
// rev-parse; wherever HEAD went instead (nowhere, back, to another branch, to a
// rewritten commit, into a shallow clone) or when the config file changed, the report
// still equals a fresh analysis.
import assert from 'node:assert/strict';
import path from 'node:path';
import { AnalysisCache } from '../../src/core/analysis-cache';
import { analyzeRepository } from '../../src/core/analyze';
import type { Report } from '../../src/core/model/report';
import { createRepo, fixtureGitEnv, runGit, type FixtureRepo } from '../fixtures/git';
import { recordingGit } from '../fixtures/recording-git';
import { suiteTempDir } from '../support/temp-dir';

const GIT_ENV = fixtureGitEnv();
const ADA = { name: 'Ada Abe', email: 'ada@example.com' };
const BEN = { name: 'Ben Bell', email: 'ben@example.com' };

function stable(report: Report): string {
  return JSON.stringify({ ...report, repository: { ...report.repository, analyzedAt: '' } });
}

function manifest(deps: Record<string, string>): string {
  return `${JSON.stringify({ name: 'app', dependencies: deps }, null, 2)}\n`;
}

describe('refresh: HEAD learnt from the history pass', function () {
  const tmp = suiteTempDir('refresh-head');
  let repo: FixtureRepo;

  before(async function () {
    repo = await createRepo(path.join(tmp(), 'repo'));
    await repo.commit({ author: ADA, date: '2026-01-05T10:00:00Z', message: 'Start', files: { 'package.json': manifest({ lodash: '4.0.0' }) } });
    await repo.commit({ author: BEN, date: '2026-01-06T10:00:00Z', message: 'Add express', files: { 'package.json': manifest({ lodash: '4.0.0', express: '4.0.0' }) } });
  });

  it('runs no rev-parse after a commit, rev-parse alone when nothing moved, and equals a fresh analysis wherever HEAD goes', async function () {
    const git = await recordingGit(tmp());
    const cache = new AnalysisCache();
    let seen = 0;
    /** The git commands the kept analysis ran since the last call, by subcommand. */
    const ran = (): string[] => {
      const commands = git.commands();
      const since = commands.slice(seen);
      seen = commands.length;
      return since.map((line) => line.split(' ').find((word) => ['rev-parse', 'log', 'config', 'cat-file'].includes(word)) ?? line);
    };
    const check = async (after: string): Promise<string[]> => {
      const kept = await analyzeRepository({ env: GIT_ENV, gitPath: git.gitPath, root: repo.root, cache });
      const fresh = await analyzeRepository({ env: GIT_ENV, root: repo.root });
      assert.equal(stable(kept), stable(fresh), after);
      assert.equal(kept.repository.head, await repo.head(), `${after}: the report names HEAD`);
      return ran();
    };

    assert.ok((await check('the first analysis')).includes('rev-parse'));

    await repo.commit({ author: ADA, date: '2026-01-07T10:00:00Z', message: 'Add react', files: { 'package.json': manifest({ lodash: '4.0.0', express: '4.0.0', react: '18.0.0' }) } });
    assert.deepEqual((await check('a new commit')).filter((c) => c !== 'cat-file'), ['log'], 'one log, no rev-parse');

    assert.deepEqual(await check('nothing changed'), ['rev-parse'], 'HEAD did not move: rev-parse alone, no log');

    await runGit(repo.root, ['reset', '--quiet', '--hard', 'HEAD~1']);
    assert.ok((await check('HEAD moved back')).includes('rev-parse'), 'an empty log cannot tell where HEAD is');

    await runGit(repo.root, ['checkout', '--quiet', '-b', 'side', 'HEAD~1']);
    await repo.commit({ author: BEN, date: '2026-01-08T10:00:00Z', message: 'Add vue', files: { 'package.json': manifest({ lodash: '4.0.0', vue: '3.0.0' }) } });
    await check('HEAD on another branch, off an older commit');

    await runGit(repo.root, ['commit', '--quiet', '--amend', '-m', 'Add vue 3'], {
      env: { GIT_COMMITTER_NAME: BEN.name, GIT_COMMITTER_EMAIL: BEN.email, GIT_COMMITTER_DATE: '2026-01-09T10:00:00Z' },
    });
    await check('HEAD rewritten by an amend');

    await repo.commit({ author: ADA, date: '2026-01-10T10:00:00Z', message: 'Add lit', files: { 'package.json': manifest({ lodash: '4.0.0', vue: '3.0.0', lit: '3.0.0' }) } });
    assert.deepEqual((await check('a commit on the rewritten branch')).filter((c) => c !== 'cat-file'), ['log']);

    await runGit(repo.root, ['config', 'remote.origin.url', 'https://example.com/app.git']);
    await repo.commit({ author: ADA, date: '2026-01-10T12:00:00Z', message: 'Add preact', files: { 'package.json': manifest({ lodash: '4.0.0', vue: '3.0.0', lit: '3.0.0', preact: '10.0.0' }) } });
    const configured = await check('a commit after the config file changed');
    assert.ok(configured.includes('rev-parse') && configured.includes('config'), 'the kept facts no longer apply: rev-parse and config');
  });

  it('reads the repository again when a fetch made it shallow', async function () {
    const clone = path.join(tmp(), 'clone');
    await runGit(tmp(), ['clone', '--quiet', '--no-local', repo.root, clone]);
    const cache = new AnalysisCache();
    const analyse = (kept?: AnalysisCache): Promise<Report> => analyzeRepository({ env: GIT_ENV, root: clone, ...(kept ? { cache: kept } : {}) });
    assert.equal((await analyse(cache)).warnings.some((w) => w.code === 'shallow-clone'), false);
    await repo.commit({ author: BEN, date: '2026-01-11T10:00:00Z', message: 'Add htmx', files: { 'package.json': manifest({ lodash: '4.0.0', htmx: '2.0.0' }) } });
    await runGit(clone, ['fetch', '--quiet', '--depth=1', 'origin']);
    await runGit(clone, ['reset', '--quiet', '--hard', 'origin/HEAD']);
    const kept = await analyse(cache);
    assert.equal(stable(kept), stable(await analyse()));
    assert.equal(kept.warnings.some((w) => w.code === 'shallow-clone'), true, 'the shallow file is new: rev-parse says shallow');
    assert.equal(kept.decisions.length, 1, 'only the fetched commit is read');
  });

  it('reads the history again when a fetch makes the clone shallow, or whole again, with HEAD where it was', async function () {
    const clone = path.join(tmp(), 'deepened');
    await runGit(tmp(), ['clone', '--quiet', '--no-local', repo.root, clone]);
    const cache = new AnalysisCache();
    const cacheDir = path.join(tmp(), 'cli-cache');
    const head = (await runGit(clone, ['rev-parse', 'HEAD'])).stdout.trim();
    /** The extension's refresh and the CLI's re-run, each checked against a fresh analysis: the number of commits behind the report. */
    const commitsSeen = async (after: string): Promise<number> => {
      const kept = await analyzeRepository({ env: GIT_ENV, root: clone, cache });
      const rerun = await analyzeRepository({ env: GIT_ENV, root: clone, cacheDir });
      const fresh = await analyzeRepository({ env: GIT_ENV, root: clone });
      assert.equal(stable(kept), stable(fresh), `${after}: the refresh`);
      assert.equal(stable(rerun), stable(fresh), `${after}: the re-run`);
      assert.equal(fresh.repository.head, head, `${after}: HEAD did not move`);
      return new Set(fresh.decisions.flatMap((decision) => decision.commits)).size;
    };
    const whole = await commitsSeen('the whole clone');
    await runGit(clone, ['fetch', '--quiet', '--depth=1', 'origin']);
    assert.equal(await commitsSeen('made shallow'), 1, 'only HEAD is left to read');
    await runGit(clone, ['fetch', '--quiet', '--unshallow', 'origin']);
    assert.equal(await commitsSeen('made whole again'), whole);
    assert.ok(whole > 1);
  });
});
