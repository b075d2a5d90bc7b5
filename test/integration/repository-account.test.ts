// A repository's own automation account (named after the repository, name and mailbox alike)
// is a bot, never an owner: the release commits it writes are automated work.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeRepository } from '../../src/core/analyze';
import { reportSchema, type Report } from '../../src/core/model/report';
import { createRepo, fixtureGitEnv } from '../fixtures/git';

const manifest = (dependencies: Record<string, string>): string => `${JSON.stringify({ name: 'pay-service', version: '1.0.0', dependencies }, null, 2)}\n`;

describe('the repository\'s own automation account', function () {
  let dir: string;
  let report: Report;
  let releaseSha: string;

  before(async function () {
    dir = mkdtempSync(join(tmpdir(), 'do-repository-account-'));
    const repo = await createRepo(join(dir, 'pay-service'));
    await repo.commit({ author: { name: 'Dana Chen', email: 'dana@acme.example' }, date: '2026-01-05T09:00:00Z', message: 'Start the service', files: { 'package.json': manifest({ express: '^4.18.0' }) } });
    releaseSha = await repo.commit({
      author: { name: 'pay-service', email: 'pay-service@github.com' }, date: '2026-02-01T09:00:00Z', message: 'v1.1.0',
      files: { 'package.json': manifest({ express: '^4.18.0', zod: '^3.22.0' }) },
    });
    report = reportSchema.parse(await analyzeRepository({ root: repo.root, env: fixtureGitEnv(), now: new Date('2026-03-01T00:00:00Z') }));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('is a bot, and its release commit is automated work that no person decided', () => {
    const account = report.people.find((p) => p.name === 'pay-service');
    assert.ok(account, report.people.map((p) => p.name).join(', '));
    assert.equal(account.isBot, true);
    const release = report.decisions.find((d) => d.id === `git:${releaseSha}`);
    assert.ok(release, report.decisions.map((d) => d.id).join(', '));
    assert.equal(release.counted, false);
    assert.equal(release.notCountedReason, 'automated');
    assert.equal(report.people.find((p) => p.name === 'Dana Chen')?.isBot, false);
  });
});
