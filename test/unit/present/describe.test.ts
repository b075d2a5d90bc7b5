// The words every surface shares: forge evidence ("approved in #123"), the shares sentence, the one order of decision lists.
import assert from 'node:assert/strict';
import { forgeEvidenceLink, namesWithDistance, newestFirst, routedAroundInWindow, shares } from '../../../src/present/describe';
import { computeZones } from '../../../src/rules/zone';
import type { Evidence } from '../../../src/core/model/report';
import { aDecision, anOwnedReport, aReport, THRESHOLDS } from '../../support/builders';

const base: Evidence = { person: 'dana', role: 'reviewer', source: 'forge-review', ref: 'https://github.com/o/n/pull/123', inferred: false, level: 'consulted', action: 'approved' };

describe('forge evidence in words', () => {
  it('says what the person did in which PR, with the PR\'s address', () => {
    assert.deepEqual(forgeEvidenceLink(base), { text: 'approved in #123', url: 'https://github.com/o/n/pull/123' });
    assert.equal(forgeEvidenceLink({ ...base, action: 'changes-requested' })?.text, 'requested changes in #123');
    assert.equal(forgeEvidenceLink({ ...base, role: 'merger', action: 'merged' })?.text, 'merged #123');
    assert.equal(forgeEvidenceLink({ ...base, role: 'review-requested', action: 'review-requested', level: 'informed' })?.text, 'was asked to review #123');
  });

  it('links nothing that is not forge evidence with an http(s) address', () => {
    assert.equal(forgeEvidenceLink({ ...base, source: 'trailer', action: undefined, ref: 'a'.repeat(40) }), null);
    assert.equal(forgeEvidenceLink({ ...base, ref: 'javascript:alert(1)//pull/1' }), null);
  });
});

describe('the shares sentence', () => {
  it('gives decided, consulted or informed together, and around, with the count, thousands grouped', () => {
    assert.equal(shares({ decided: 0.36, consulted: 0.2, informed: 0.12, around: 0.32, count: 25 }), 'decided 36 % · consulted/informed 32 % · around 32 % (25 decisions)');
    assert.equal(shares({ decided: 1, consulted: 0, informed: 0, around: 0, count: 1 }), 'decided 100 % · consulted/informed 0 % · around 0 % (1 decision)');
    assert.equal(shares({ decided: 0.5, consulted: 0, informed: 0, around: 0.5, count: 12345 }), 'decided 50 % · consulted/informed 0 % · around 50 % (12,345 decisions)');
  });

  it('says there are no shares when nothing weighed', () => {
    assert.equal(shares({ decided: 0, consulted: 0, informed: 0, around: 0, count: 3 }), '3 decisions, no shares');
  });
});

describe('newest first', () => {
  const decision = (id: string, date: string | null, weight: number) => aDecision({ id, date, weight });

  it('puts the newest first and undated last; on one day records before signals, then by id', () => {
    const sorted = [
      decision('git:b', '2026-01-02', 0.5), decision('adr:z', null, 1), decision('adr:y', '2026-01-02', 1),
      decision('git:a', '2026-01-02', 0.5), decision('adr:x', '2026-03-01', 1),
    ].sort(newestFirst);
    assert.deepEqual(sorted.map((d) => d.id), ['adr:x', 'adr:y', 'git:a', 'git:b', 'adr:z']);
  });
});

describe('owners with their distance from leadership', () => {
  it('gives each person the distance of their decisions in the window, or the name alone', () => {
    assert.equal(namesWithDistance(anOwnedReport(), ['carol', 'dana', 'eve']), 'Carol Diaz (67 % away from leadership), Dana Chen (0 % away from leadership), eve');
    assert.equal(namesWithDistance(anOwnedReport({ leadership: [] }), ['carol']), 'Carol Diaz');
  });
});

describe('routed around in the window', () => {
  it('lists what the zone weighed as around, each decision inside its own source\'s window, newest first', () => {
    const windows = { adr: { since: '2025-01-01', until: '2026-06-30' }, git: { since: '2026-01-01', until: '2026-06-30' } };
    const decisions = [
      aDecision({ id: 'old-record', date: '2025-06-01' }),
      // Inside the report's header window (the ADRs' reach back), outside the signals' own.
      aDecision({ id: 'old-signal', source: 'git', kind: 'dependency', date: '2025-06-01', weight: 0.5 }),
      aDecision({ id: 'new-signal', source: 'git', kind: 'dependency', date: '2026-02-01', weight: 0.5 }),
      aDecision({ id: 'decided', involvement: 'decided', date: '2026-03-01' }),
    ];
    const report = aReport({
      decisions,
      repository: { root: '/r', head: null, analyzedAt: '2026-07-01T00:00:00Z', window: { since: '2025-01-01', until: '2026-06-30' } },
      zone: computeZones(decisions, ['dana'], { window: windows, widenTo: null, rules: THRESHOLDS }),
    });
    assert.deepEqual(routedAroundInWindow(report).map((d) => d.id), ['new-signal', 'old-record']);
    assert.deepEqual(routedAroundInWindow(aReport({ decisions, leadership: [] })), []);
  });
});
