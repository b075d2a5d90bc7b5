import assert from 'node:assert/strict';
import { areaOfAdr, areaOfPaths } from '../../../src/core/analysis/areas';
import { parseCodeowners } from '../../../src/core/analysis/codeowners';
import { computeZone, computeZones, inWindow, quarterOf } from '../../../src/core/analysis/zone';
import type { Decision, Involvement } from '../../../src/core/model/report';

const THRESHOLDS = { tooClose: 0.5, tooFar: 0.5 };

function decision(id: string, date: string | null, involvement: Involvement, weight: number, byLeader: Record<string, Involvement>, area = 'general'): Decision {
  return {
    id, source: 'adr', kind: 'adr', title: id, path: null, number: null, status: 'accepted', statusText: 'accepted', date, area,
    decisionMakers: [], consulted: [], informed: [], involvement, involvementByLeader: byLeader, evidence: [], commits: [], pr: null,
    supersedes: [], supersededBy: [], weight, counted: !['pending', 'automated'].includes(involvement) && weight > 0, notCountedReason: null, kinds: [],
  };
}

describe('zone: weighted shares and verdicts', () => {
  it('weighs ADRs 1.0 and signals 0.5 into shares', () => {
    const zone = computeZone([
      { involvement: 'decided', weight: 0.5 }, { involvement: 'consulted', weight: 1 }, { involvement: 'informed', weight: 0.5 },
      { involvement: 'around', weight: 1 }, { involvement: 'around', weight: 1 },
    ], THRESHOLDS);
    assert.deepEqual(zone, { verdict: 'too-far', decided: 0.125, consulted: 0.25, informed: 0.125, around: 0.5, count: 5, weight: 4 });
  });

  it('is too close at the threshold of decided, too far at the threshold of around', () => {
    assert.equal(computeZone([{ involvement: 'decided', weight: 1 }, { involvement: 'consulted', weight: 1 }], THRESHOLDS).verdict, 'too-close');
    assert.equal(computeZone([{ involvement: 'decided', weight: 1 }, { involvement: 'consulted', weight: 3 }], THRESHOLDS).verdict, 'goldilocks');
    assert.equal(computeZone([{ involvement: 'around', weight: 3 }, { involvement: 'consulted', weight: 1 }], { tooClose: 0.5, tooFar: 0.8 }).verdict, 'goldilocks');
  });

  it('leaves pending, automated and zero-weight decisions out; nothing left is no-data', () => {
    const zone = computeZone([{ involvement: 'pending', weight: 1 }, { involvement: 'automated', weight: 0.5 }, { involvement: 'decided', weight: 0 }], THRESHOLDS);
    assert.deepEqual(zone, { verdict: 'no-data', decided: 0, consulted: 0, informed: 0, around: 0, count: 0, weight: 0 });
  });

  it('says no-data without a roster but still counts', () => {
    const zone = computeZone([{ involvement: 'around', weight: 1 }], THRESHOLDS, false);
    assert.equal(zone.verdict, 'no-data');
    assert.equal(zone.count, 1);
  });

  it('names quarters and windows inclusively', () => {
    assert.equal(quarterOf('2026-01-01'), '2026-Q1');
    assert.equal(quarterOf('2026-06-30'), '2026-Q2');
    assert.equal(quarterOf('2026-12-31'), '2026-Q4');
    assert.ok(inWindow('2026-04-04', { since: '2026-04-04', until: '2026-10-01' }));
    assert.ok(!inWindow('2026-04-03', { since: '2026-04-04', until: '2026-10-01' }));
    assert.ok(!inWindow(null, { since: '2026-04-04', until: '2026-10-01' }));
  });

  it('computes overall, per leader and per area in the window, per quarter over all history', () => {
    const decisions = [
      decision('a', '2025-12-01', 'around', 1, { dana: 'around' }),
      decision('b', '2026-05-01', 'decided', 1, { dana: 'decided' }, 'payments'),
      decision('c', '2026-05-02', 'consulted', 0.5, { dana: 'around' }, 'payments'),
      decision('d', '2026-08-01', 'around', 0.5, { dana: 'around' }),
    ];
    const zones = computeZones(decisions, ['dana'], { since: '2026-04-04', until: '2026-10-01' }, THRESHOLDS);
    assert.equal(zones.overall.count, 3);
    assert.equal(zones.overall.decided, 0.5);
    assert.equal(zones.overall.verdict, 'too-close');
    assert.equal(zones.byLeader.dana?.around, 0.5);
    assert.deepEqual(Object.keys(zones.byArea), ['general', 'payments']);
    assert.equal(zones.byArea.payments?.count, 2);
    assert.deepEqual(Object.keys(zones.byQuarter), ['2025-Q4', '2026-Q2', '2026-Q3']);
    assert.equal(zones.byQuarter['2025-Q4']?.verdict, 'too-far');
  });
});

describe('areas and CODEOWNERS', () => {
  const rules = { areas: { payments: ['services/payments/**'] }, packageGlobs: ['services/*'] };
  it('lets config globs win, then category, tag, package', () => {
    assert.equal(areaOfAdr({ path: 'services/payments/docs/decisions/0001.md', category: 'backend', tags: [] }, rules), 'payments');
    assert.equal(areaOfAdr({ path: 'docs/adr/backend/0001.md', category: 'backend', tags: ['db'] }, rules), 'backend');
    assert.equal(areaOfAdr({ path: 'docs/adr/0001.md', category: null, tags: ['db'] }, rules), 'db');
    assert.equal(areaOfAdr({ path: 'services/search/docs/adr/0001.md', category: null, tags: [] }, rules), 'search');
    assert.equal(areaOfAdr({ path: 'docs/adr/0001.md', category: null, tags: [] }, rules), 'general');
  });

  it('places git signals by package or top-level folder of most files', () => {
    assert.equal(areaOfPaths(['services/payments/package.json'], rules), 'payments');
    assert.equal(areaOfPaths(['services/search'], rules), 'search');
    assert.equal(areaOfPaths(['db/migrations/1.sql', 'db/migrations/2.sql', 'Dockerfile'], rules), 'db');
    assert.equal(areaOfPaths(['Dockerfile'], rules), 'general');
  });

  it('parses CODEOWNERS rules with their lines', () => {
    assert.deepEqual(parseCodeowners('# owners\n\n*  @dchen\nservices/payments/ @bobli @carol # team\n[Section]\n'), [
      { pattern: '*', owners: ['@dchen'], line: 3 },
      { pattern: 'services/payments/', owners: ['@bobli', '@carol'], line: 4 },
    ]);
  });
});
