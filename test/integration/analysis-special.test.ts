// Awkward repositories still give a report (or one clear error): shallow, empty,
// detached, without ADRs, with odd history, and this project's own repository.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { analyzeRepository } from '../../src/core/analyze';
import { GitError } from '../../src/core/git';
import { reportSchema } from '../../src/core/model/report';
import { sharedFixture } from '../fixtures/company';
import { cloneRepo, fixtureGitEnv } from '../fixtures/git';

/** The fixtures' git environment: the machine's git config never reaches the analysis. */
const GIT_ENV = fixtureGitEnv();

const NOW = new Date('2026-10-01T00:00:00Z');

describe('analysis: special repositories', function () {
  it('shallow clone: analyses what is there and warns', async function () {
    const fixture = await sharedFixture('shallow');
    const report = reportSchema.parse(await analyzeRepository({ env: GIT_ENV, root: fixture.root, now: NOW }));
    assert.ok(report.warnings.some((w) => w.code === 'shallow-clone'));
    assert.equal(report.repository.head, fixture.head);
    assert.ok(report.decisions.length > 0);
  });

  it('empty repository: records in the working tree only, a warning, no-data zones', async function () {
    const fixture = await sharedFixture('empty');
    const report = reportSchema.parse(await analyzeRepository({ env: GIT_ENV, root: fixture.root, now: NOW }));
    assert.equal(report.repository.head, null);
    assert.ok(report.warnings.some((w) => w.code === 'empty-repository'));
    assert.ok(report.warnings.some((w) => w.code === 'no-roster'));
    assert.equal(report.zone.overall.verdict, 'no-data');
  });

  it('detached HEAD: the history up to that commit', async function () {
    const fixture = await sharedFixture('detached');
    const report = reportSchema.parse(await analyzeRepository({ env: GIT_ENV, root: fixture.root, now: NOW }));
    assert.equal(report.repository.head, fixture.head);
    assert.ok(!report.decisions.some((d) => d.id === 'git:pr-14:ownership'), 'CODEOWNERS came after v1.0.0');
    assert.ok(report.decisions.some((d) => d.id === 'git:pr-11:architecture'));
  });

  it('no ADRs and no roster: git signals only, and the likeliest leaders suggested', async function () {
    const fixture = await sharedFixture('no-adrs');
    const report = reportSchema.parse(await analyzeRepository({ env: GIT_ENV, root: fixture.root, now: NOW }));
    assert.ok(report.decisions.length > 0);
    assert.ok(report.decisions.every((d) => d.source === 'git'));
    assert.ok((report.insights?.suggestedLeaders.length ?? 0) > 0);
    const warning = report.warnings.find((w) => w.code === 'no-roster');
    assert.match(warning?.message ?? '', /No leadership roster is configured.*likeliest leaders: /);
  });

  it('odd history (Latin-1, empty subject, octopus, several roots) gives a valid report', async function () {
    const fixture = await sharedFixture('odd');
    reportSchema.parse(await analyzeRepository({ env: GIT_ENV, root: fixture.root, now: NOW }));
  });

  it('a folder that is no repository: a GitError with its code', async function () {
    const fixture = await sharedFixture('multi-root');
    await assert.rejects(analyzeRepository({ env: GIT_ENV, root: fixture.root, now: NOW }), (error: unknown) => error instanceof GitError && error.code === 'NotAGitRepository');
  });

  it("a folder owned by another user: DubiousOwnership with the command that allows it, the user's git config untouched", async function () {
    if (process.getuid?.() !== 0) this.skip(); // giving a folder to another user takes root, as in CI
    const fixture = await sharedFixture('company');
    const parent = mkdtempSync(path.join(tmpdir(), 'decision-orbit-dubious-'));
    const root = path.join(parent, "it's $(touch pwned)");
    await cloneRepo(fixture.root, root, { shared: true });
    const globalConfig = fixtureGitEnv().GIT_CONFIG_GLOBAL ?? '';
    const configBefore = readFileSync(globalConfig, 'utf8');
    chownSync(root, 65534, 65534);
    try {
      const error = await analyzeRepository({ env: GIT_ENV, root: path.join(root, 'services'), now: NOW }).catch((e: unknown) => e);
      assert.ok(error instanceof GitError && error.code === 'DubiousOwnership', String(error));
      assert.equal(error.remedy, `git config --global --add safe.directory '${parent}/it'\\''s $(touch pwned)'`);
      assert.match(error.message, /^git refuses to read .*: the folder is owned by another user\. If you trust it, run: git config/);
      assert.equal(readFileSync(globalConfig, 'utf8'), configBefore, 'the global git config changed');
      execFileSync('sh', ['-c', error.remedy], { cwd: parent, env: fixtureGitEnv() });
      assert.equal(existsSync(path.join(parent, 'pwned')), false, 'the command ran part of the path');
      const report = reportSchema.parse(await analyzeRepository({ env: GIT_ENV, root, now: NOW }));
      assert.equal(report.repository.head, fixture.head, 'the command the message gives is the one that allows the folder');
    } finally {
      writeFileSync(globalConfig, configBefore);
      chownSync(root, 0, 0);
      rmSync(parent, { recursive: true, force: true });
    }
  });

  it('this project: its own roster (.decision-orbit.yml), a valid report', async function () {
    const report = reportSchema.parse(await analyzeRepository({ env: GIT_ENV, root: path.join(__dirname, '../..') }));
    assert.deepEqual(report.leadership.map((l) => l.role), ['Maintainers']);
    assert.ok(!report.warnings.some((w) => w.code === 'no-roster'));
    assert.ok(report.decisions.length > 0);
  });
});
