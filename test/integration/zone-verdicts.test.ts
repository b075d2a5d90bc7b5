// What a verdict rests on, on scripted repositories (test/fixtures/zone.ts): the
// window from HEAD's committer date, ADRs and signals that disagree, a leader
// judged over one area, and a roster with too few counted decisions.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { formatMarkdown } from '../../src/present/markdown';
import { formatSummary } from '../../src/present/summary';
import { verdictWords } from '../../src/present/describe';
import { analyzeRepository } from '../../src/core/analyze';
import { reportSchema, type Report } from '../../src/core/model/report';
import { fixtureGitEnv } from '../fixtures/git';
import { buildZoneRepo, type ZoneRepoSpec } from '../fixtures/zone';

const GIT_ISOLATION = ['HOME', 'XDG_CONFIG_HOME', 'GIT_CONFIG_NOSYSTEM', 'GIT_CONFIG_GLOBAL'] as const;
const NOW = new Date('2026-10-01T00:00:00Z');

describe('zone verdicts on scripted repositories', function () {
  const savedEnv = GIT_ISOLATION.map((key) => [key, process.env[key]] as const);
  let dir: string;

  before(() => {
    for (const key of GIT_ISOLATION) process.env[key] = fixtureGitEnv()[key];
    dir = mkdtempSync(path.join(tmpdir(), 'decision-orbit-zone-'));
  });
  after(() => {
    for (const [key, value] of savedEnv) if (value === undefined) delete process.env[key]; else process.env[key] = value;
    rmSync(dir, { recursive: true, force: true });
  });

  async function analysed(name: string, spec: ZoneRepoSpec): Promise<{ report: Report; headDay: string }> {
    const { repo, headDay } = await buildZoneRepo(path.join(dir, name), spec);
    return { report: reportSchema.parse(await analyzeRepository({ root: repo.root, now: NOW })), headDay };
  }

  describe('a repository quiet for a year, whose ADRs and signals disagree', function () {
    // 12 ADRs naming Dana (2025-01-02 … 13), 12 dependencies Bob added alone (2025-01-14 … 25); analysed on 2026-10-01.
    let report: Report;
    let headDay: string;
    before(async () => ({ report, headDay } = await analysed('quiet', { start: '2025-01-01', danaAdrs: 12, bobDependencies: 12 })));

    it('weighs the 180 days up to HEAD\'s committer date, not up to today', function () {
      assert.equal(headDay, '2025-01-25');
      const window = { since: '2024-07-29', until: '2025-01-25', widened: false };
      assert.deepEqual(report.zone.overall.sources?.adr.window, window);
      assert.deepEqual(report.zone.overall.sources?.git.window, window);
      assert.deepEqual(report.repository.window, { since: window.since, until: window.until });
      assert.equal(report.zone.overall.sources?.adr.count, 12);
      assert.equal(report.zone.overall.sources?.git.count, 12);
      assert.match(formatSummary(report, { colour: false }), /ADRs: too close · .* · window 2024-07-29 … 2025-01-25\n/);
    });

    it('says split, decided on paper and not in code, with both verdicts and reviews not visible beside too far', function () {
      // ADRs: 12 of 12 decided by Dana, Wilson low (1 + 0.06843 − 1.28155·√0.00285) / 1.13687 = 0.8796: too close.
      // Signals: 12 of 12 around, authored by Bob, never reviewed or merged by anyone: too far.
      const { overall } = report.zone;
      assert.equal(overall.verdict, 'split');
      assert.deepEqual(overall.split, { adr: 'too-close', git: 'too-far' });
      assert.equal(verdictWords(overall), 'split: decided on paper, not in code');
      assert.ok(overall.sources?.git.notes?.includes('reviews-not-visible'));
      assert.ok(!overall.sources?.adr.notes?.includes('reviews-not-visible'));
      // Pooled shares under the split: 12 decided of 12 + 6 weight.
      assert.equal(overall.decided, 0.666667);
      const summary = formatSummary(report, { colour: false });
      assert.match(summary, /Leadership \(all\)\s+split: decided on paper, not in code/);
      assert.match(summary, /git signals: too far · .* · reviews not visible: git shows authorship only\n/);
      assert.match(formatMarkdown(report), /\| ↳ ADRs \| too close \|/);
    });
  });

  it('judges a leader with one area over the decisions in that area only', async function () {
    // Arjun (areas: [payments]) reviewed all 10 payments dependencies and none of Bob's 12 elsewhere.
    const { report } = await analysed('one-area', { start: '2026-03-01', danaAdrs: 2, bobDependencies: 12, paymentsDependencies: 10, arjunAreas: ['payments'] });
    const arjunId = report.leadership.find((l) => l.role === 'Architect')?.person ?? '';
    assert.deepEqual(report.leadership.find((l) => l.person === arjunId)?.areas, ['payments']);
    const arjun = report.zone.byLeader[arjunId];
    assert.equal(arjun?.count, 10);
    assert.equal(arjun?.consulted, 1);
    assert.equal(arjun?.verdict, 'goldilocks');
    assert.deepEqual(arjun?.notes, ['small-team', 'git-only']);
    // Dana has no areas: every counted decision, 2 ADRs (too few) and 22 signals, on which her verdict rests.
    const dana = report.zone.byLeader[report.leadership[0]?.person ?? ''];
    assert.deepEqual([dana?.sources?.adr.count, dana?.sources?.git.count, dana?.count], [2, 22, 22]);
    assert.ok(dana?.notes?.includes('git-only'));
    assert.match(formatSummary(report, { colour: false }), /Arjun Patel \(Architect\)\s+Goldilocks\s+decided 0 % · consulted\/informed 100 % · around 0 % \(10 decisions\)/);
  });

  describe('a roster with five counted decisions', function () {
    it('says too few decisions, pooled or not, and notes the small team', async function () {
      // 3 ADRs and 2 signals: neither source reaches 10, nor do the 5 pooled.
      const { report } = await analysed('five', { start: '2026-05-01', danaAdrs: 3, bobDependencies: 2 });
      const { overall } = report.zone;
      assert.equal(overall.count, 5);
      assert.equal(overall.verdict, 'no-data');
      assert.deepEqual(overall.notes, ['small-team', 'too-few-decisions']);
      assert.equal(overall.deciders, 2);
      assert.deepEqual([overall.sources?.adr.verdict, overall.sources?.git.verdict], ['no-data', 'no-data']);
      assert.equal(verdictWords(overall), 'too few decisions');
      // All five fall inside the 180 days up to HEAD (2026-05-06): nothing older to widen to.
      assert.deepEqual(overall.sources?.adr.window, { since: '2025-11-07', until: '2026-05-06', widened: false });
      const summary = formatSummary(report, { colour: false });
      assert.match(summary, /Leadership \(all\)\s+too few decisions/);
      assert.match(summary, /2 people decided; small team/);
    });

    it('pools both sources when together they reach the minimum', async function () {
      // 6 ADRs decided (weight 6), 5 signals around (2.5): decided 6 / 8.5 = 0.7059 over n = 11; Wilson low
      // (0.70588 + 0.07465 − 1.28155·√(0.01887 + 0.00339)) / 1.14931 = 0.5127 ≥ 0.5: too close, pooled.
      const { report } = await analysed('pooled', { start: '2026-05-01', danaAdrs: 6, bobDependencies: 5 });
      const { overall } = report.zone;
      assert.equal(overall.count, 11);
      assert.equal(overall.decided, 0.705882);
      assert.equal(overall.verdict, 'too-close');
      assert.ok(overall.notes?.includes('pooled'));
    });
  });
});
