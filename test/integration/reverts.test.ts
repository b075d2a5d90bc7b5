// A change reverted soon after decided nothing, and neither did its revert; one reverted
// a month later was decided, and undone by another decision. A real repository, commits
// straight to main as trunk-based teams make them, `git revert`'s own message.
import assert from 'node:assert/strict';
import path from 'node:path';
import { analyzeRepository } from '../../src/core/analyze';
import type { Decision, Report } from '../../src/core/model/report';
import { createRepo, fixtureGitEnv, type Identity } from '../fixtures/git';
import { suiteTempDir } from '../support/temp-dir';

const GIT_ENV = fixtureGitEnv();
const NOW = new Date('2026-06-01T00:00:00Z');
const MALTE: Identity = { name: 'Malte Lauk', email: 'malte@acme.io' };
const ANNE: Identity = { name: 'Anne Ds', email: 'anne@acme.io' };

const manifest = (deps: Record<string, string>): string => `${JSON.stringify({ name: 'app', dependencies: deps }, null, 2)}\n`;
const revertMessage = (subject: string, sha: string): string => `Revert "${subject}"\n\nThis reverts commit ${sha}.`;

describe('changes reverted soon after', function () {
  const tmp = suiteTempDir('reverts');
  let report: Report;
  let shas: Record<'base' | 'pg' | 'revertPg' | 'kafka' | 'revertKafka' | 'redis' | 'revertRedis' | 'redoRedis', string>;

  before(async function () {
    const repo = await createRepo(path.join(tmp(), 'repo'));
    const base = await repo.commit({ author: MALTE, date: '2026-01-05T09:00:00Z', message: 'Start the app', files: { 'package.json': manifest({ express: '^4.18.0' }) } });
    const pg = await repo.commit({ author: MALTE, date: '2026-02-10T09:00:00Z', message: 'Switch to PostgreSQL', files: { 'package.json': manifest({ express: '^4.18.0', pg: '^8.11.0' }) } });
    const revertPg = await repo.commit({ author: ANNE, date: '2026-02-10T15:00:00Z', message: revertMessage('Switch to PostgreSQL', pg), files: { 'package.json': manifest({ express: '^4.18.0' }) } });
    const kafka = await repo.commit({ author: MALTE, date: '2026-03-02T09:00:00Z', message: 'Add Kafka', files: { 'package.json': manifest({ express: '^4.18.0', kafkajs: '^2.2.0' }) } });
    const revertKafka = await repo.commit({ author: ANNE, date: '2026-04-20T09:00:00Z', message: revertMessage('Add Kafka', kafka), files: { 'package.json': manifest({ express: '^4.18.0' }) } });
    const withRedis = manifest({ express: '^4.18.0', redis: '^4.6.0' });
    const redis = await repo.commit({ author: MALTE, date: '2026-05-04T09:00:00Z', message: 'Cache in Redis', files: { 'package.json': withRedis } });
    const revertRedis = await repo.commit({ author: ANNE, date: '2026-05-04T11:00:00Z', message: revertMessage('Cache in Redis', redis), files: { 'package.json': manifest({ express: '^4.18.0' }) } });
    const redoRedis = await repo.commit({ author: MALTE, date: '2026-05-04T16:00:00Z', message: revertMessage('Revert "Cache in Redis"', revertRedis), files: { 'package.json': withRedis } });
    shas = { base, pg, revertPg, kafka, revertKafka, redis, revertRedis, redoRedis };
    report = await analyzeRepository({ env: GIT_ENV, root: repo.root, now: NOW, since: '2025-12-01' });
  });

  const decisionOf = (sha: string): Decision => {
    const found = report.decisions.find((d) => d.id === `git:${sha}`);
    assert.ok(found, `no decision for ${sha}`);
    return found;
  };

  it('leaves a change and its revert of the same day out, as maintenance, saying which undid which', () => {
    const [pg, revert] = [decisionOf(shas.pg), decisionOf(shas.revertPg)];
    assert.deepEqual([pg.counted, pg.notCountedReason, pg.findings], [false, 'maintenance', [`reverted by ${shas.revertPg.slice(0, 10)} on 2026-02-10`]]);
    assert.deepEqual([revert.counted, revert.notCountedReason, revert.findings], [false, 'maintenance', [`reverts ${shas.pg.slice(0, 10)} of 2026-02-10`]]);
  });

  it('counts a change reverted weeks later, and its revert, as the decisions they were', () => {
    const [kafka, revert] = [decisionOf(shas.kafka), decisionOf(shas.revertKafka)];
    assert.deepEqual([kafka.counted, kafka.findings], [true, ['added kafkajs']]);
    assert.deepEqual([revert.counted, revert.findings], [true, ['removed kafkajs']]);
  });

  it('keeps a change whose revert was reverted in its turn; the two reverts are maintenance', () => {
    assert.deepEqual([decisionOf(shas.redis).counted, decisionOf(shas.redis).findings], [true, ['added redis']]);
    assert.deepEqual([decisionOf(shas.revertRedis).counted, decisionOf(shas.revertRedis).findings], [false, [`reverted by ${shas.redoRedis.slice(0, 10)} on 2026-05-04`]]);
    assert.deepEqual([decisionOf(shas.redoRedis).counted, decisionOf(shas.redoRedis).findings], [false, [`reverts ${shas.revertRedis.slice(0, 10)} of 2026-05-04`]]);
  });

  it('says the same after a re-run from the history cache', async function () {
    const cacheDir = path.join(tmp(), 'cache');
    const root = path.join(tmp(), 'repo');
    await analyzeRepository({ env: GIT_ENV, root, now: NOW, since: '2025-12-01', cacheDir });
    const again = await analyzeRepository({ env: GIT_ENV, root, now: NOW, since: '2025-12-01', cacheDir });
    assert.deepEqual(again.decisions.map((d) => [d.id, d.counted, d.findings]), report.decisions.map((d) => [d.id, d.counted, d.findings]));
  });
});
