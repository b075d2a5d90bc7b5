// Awkward repositories still give a report (or one clear error): shallow, empty,
// detached, without ADRs, with odd history, and this project's own repository.
import assert from 'node:assert/strict';
import path from 'node:path';
import { analyzeRepository } from '../../src/core/analyze';
import { GitError } from '../../src/core/git';
import { reportSchema } from '../../src/core/model/report';
import { sharedFixture } from '../fixtures/company';
import { fixtureGitEnv } from '../fixtures/git';

const GIT_ISOLATION = ['HOME', 'XDG_CONFIG_HOME', 'GIT_CONFIG_NOSYSTEM', 'GIT_CONFIG_GLOBAL'] as const;
const NOW = new Date('2026-10-01T00:00:00Z');

describe('analysis: special repositories', function () {
  const savedEnv = GIT_ISOLATION.map((key) => [key, process.env[key]] as const);
  before(() => { for (const key of GIT_ISOLATION) process.env[key] = fixtureGitEnv()[key]; });
  after(() => { for (const [key, value] of savedEnv) if (value === undefined) delete process.env[key]; else process.env[key] = value; });

  it('shallow clone: analyses what is there and warns', async function () {
    const fixture = await sharedFixture('shallow');
    const report = reportSchema.parse(await analyzeRepository({ root: fixture.root, now: NOW }));
    assert.ok(report.warnings.some((w) => w.code === 'shallow-clone'));
    assert.equal(report.repository.head, fixture.head);
    assert.ok(report.decisions.length > 0);
  });

  it('empty repository: records in the working tree only, a warning, no-data zones', async function () {
    const fixture = await sharedFixture('empty');
    const report = reportSchema.parse(await analyzeRepository({ root: fixture.root, now: NOW }));
    assert.equal(report.repository.head, null);
    assert.ok(report.warnings.some((w) => w.code === 'empty-repository'));
    assert.ok(report.warnings.some((w) => w.code === 'no-roster'));
    assert.equal(report.zone.overall.verdict, 'no-data');
  });

  it('detached HEAD: the history up to that commit', async function () {
    const fixture = await sharedFixture('detached');
    const report = reportSchema.parse(await analyzeRepository({ root: fixture.root, now: NOW }));
    assert.equal(report.repository.head, fixture.head);
    assert.ok(!report.decisions.some((d) => d.id === 'git:pr-14:ownership'), 'CODEOWNERS came after v1.0.0');
    assert.ok(report.decisions.some((d) => d.id === 'git:pr-11:architecture'));
  });

  it('no ADRs and no roster: git signals only, and the likeliest leaders suggested', async function () {
    const fixture = await sharedFixture('no-adrs');
    const report = reportSchema.parse(await analyzeRepository({ root: fixture.root, now: NOW }));
    assert.ok(report.decisions.length > 0);
    assert.ok(report.decisions.every((d) => d.source === 'git'));
    assert.ok((report.insights?.suggestedLeaders.length ?? 0) > 0);
    const warning = report.warnings.find((w) => w.code === 'no-roster');
    assert.match(warning?.message ?? '', /No leadership roster is configured.*likeliest leaders: /);
  });

  it('odd history (Latin-1, empty subject, octopus, several roots) gives a valid report', async function () {
    const fixture = await sharedFixture('odd');
    reportSchema.parse(await analyzeRepository({ root: fixture.root, now: NOW }));
  });

  it('a folder that is no repository: a GitError with its code', async function () {
    const fixture = await sharedFixture('multi-root');
    await assert.rejects(analyzeRepository({ root: fixture.root, now: NOW }), (error: unknown) => error instanceof GitError && error.code === 'NotAGitRepository');
  });

  it('this project: its own roster (.decision-orbit.yml), a valid report', async function () {
    const report = reportSchema.parse(await analyzeRepository({ root: path.join(__dirname, '../..') }));
    assert.deepEqual(report.leadership.map((l) => l.role), ['Maintainers']);
    assert.ok(!report.warnings.some((w) => w.code === 'no-roster'));
    assert.ok(report.decisions.length > 0);
  });
});
