import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeRepository } from '../../src/core/analyze';
import type { Report } from '../../src/core/model/report';
import { fixtureGitEnv } from '../fixtures/git';
import { buildSignalTraps, type SignalTraps } from '../fixtures/signal-traps';

describe('git signals: traps a path rule falls into', function () {
  let dir: string;
  let traps: SignalTraps;
  let report: Report;

  before(async function () {
    dir = mkdtempSync(join(tmpdir(), 'do-signal-traps-'));
    traps = await buildSignalTraps(join(dir, 'shop'));
    report = await analyzeRepository({ root: traps.repo.root, env: fixtureGitEnv(), now: new Date('2026-04-01T00:00:00Z') });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const decisionOf = (sha: string): Report['decisions'][number] | undefined => report.decisions.find((d) => d.id === `git:${sha}`);

  it('keeps the release plugin, a release, a rename, a generated schema, a version bump and a workspace sibling as maintenance: shown, not counted', () => {
    for (const key of ['releasePlugin', 'release', 'rename', 'generated', 'bump', 'sibling', 'siblingRelease'] as const) {
      const decision = decisionOf(traps.shas[key]);
      assert.ok(decision, `${key} is shown`);
      assert.equal(decision.counted, false, `${key} is not counted`);
      assert.equal(decision.notCountedReason, 'maintenance', key);
      assert.deepEqual(decision.findings, [], key);
    }
  });

  it('makes no new module of a folder of tests, and no decision of an example\'s or a test project\'s manifests', () => {
    assert.equal(decisionOf(traps.shas.tests), undefined);
    assert.equal(decisionOf(traps.shas.examples), undefined);
  });

  it('gives a unit touching three kinds one decision, the most significant kind first, with no prefix in its title', () => {
    const decision = decisionOf(traps.shas.threeKinds);
    assert.ok(decision);
    assert.deepEqual(decision.kinds, ['infrastructure', 'dependency', 'ci']);
    assert.equal(decision.kind, 'infrastructure');
    assert.equal(decision.title, 'Containerise and deploy with a queue');
    assert.equal(decision.counted, true);
    assert.ok(decision.findings?.includes('added bullmq'));
    assert.ok(decision.findings?.includes('pipeline added: .github/workflows/deploy.yml'));
    assert.equal(report.decisions.filter((d) => d.commits.includes(traps.shas.threeKinds)).length, 1);
  });

  it('calls a runtime upgrade a platform decision', () => {
    const decision = decisionOf(traps.shas.runtime);
    assert.ok(decision);
    assert.deepEqual(decision.kinds, ['platform']);
    assert.deepEqual(decision.findings, ['go 1.21 → 1.22', 'node 20 → 22']);
  });

  it('finds a new module with real source code', () => {
    assert.deepEqual(decisionOf(traps.shas.newModule)?.kinds, ['architecture']);
  });

  it('makes a topic branch merged without a PR number one unit, git:merge-<sha>, dated by its merge, its merger consulted', () => {
    const { commits, merge } = traps.topic;
    const decision = report.decisions.find((d) => d.id === `git:merge-${merge}`);
    assert.ok(decision);
    assert.deepEqual(decision.kinds, ['dependency', 'ci']);
    assert.deepEqual([...decision.commits].sort(), [...commits].sort());
    assert.equal(decision.pr, null);
    assert.equal(decision.date, '2026-03-13');
    assert.ok(decision.findings?.includes('added prom-client'));
    assert.ok(decision.evidence.some((e) => e.role === 'merger' && e.ref === merge && e.person === report.people.find((p) => p.name === 'Carol Diaz')?.id));
    assert.equal(report.decisions.filter((d) => d.commits.some((sha) => commits.includes(sha))).length, 1, 'one decision, not one per commit');
  });

  it('without a roster, calls nothing routed around: involvement unknown', () => {
    assert.ok(report.decisions.every((d) => d.involvement === 'unknown'));
  });
});
