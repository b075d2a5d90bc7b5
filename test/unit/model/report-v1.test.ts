import assert from 'node:assert/strict';
import type { Decision, Report, Zone } from '../../../src/core/model/report';
import { toReportV1 } from '../../../src/core/model/report-v1';

// Verdicts v2 adds (split, leaning-*) arrive as strings a v1 reader must map.
const zone = (verdict: string): Zone => ({ verdict: verdict as Zone['verdict'], decided: 0.5, consulted: 0, informed: 0, around: 0.5, count: 10, weight: 8 });

function git(id: string, kinds: Decision['kinds'], extra: Partial<Decision> = {}): Decision {
  return {
    id, source: 'git', kind: kinds[0] ?? 'dependency', title: 't', path: null, number: null, status: 'accepted', statusText: 'merged', date: '2026-01-01', area: 'general',
    decisionMakers: [], consulted: [], informed: [], involvement: 'unknown', evidence: [], commits: [], pr: null, supersedes: [], supersededBy: [], weight: 0.5,
    counted: true, notCountedReason: null, kinds, findings: ['added x'], ...extra,
  };
}

describe('report: --schema v1', () => {
  const report: Report = {
    schema: 'decision-orbit/v2',
    repository: { root: '/r', head: null, analyzedAt: '', window: { since: '2026-01-01', until: '2026-06-30' } },
    leadership: [], people: [],
    decisions: [
      git('git:pr-1', ['platform', 'dependency', 'ci']),
      git('git:pr-2', ['dependency'], { counted: false, notCountedReason: 'maintenance' }),
      git('git:pr-3', ['ci'], { involvement: 'automated', counted: false, notCountedReason: 'automated' }),
    ],
    zone: { overall: zone('split'), byLeader: { dana: zone('leaning-far') }, byArea: {}, byQuarter: { '2026-Q1': zone('too-far') } },
    warnings: [],
  };

  it('splits a unit into its v1 decisions per kind, drops what v1 would have counted wrongly, and maps new words to old ones', () => {
    const v1 = toReportV1(report) as { schema: string; decisions: Array<Record<string, unknown>>; zone: { overall: { verdict: string }; byLeader: Record<string, { verdict: string }>; byQuarter: Record<string, { verdict: string }> } };
    assert.equal(v1.schema, 'decision-orbit/v1');
    assert.deepEqual(v1.decisions.map((d) => [d.id, d.kind, d.involvement]), [
      ['git:pr-1:dependency', 'dependency', 'around'],
      ['git:pr-1:ci', 'ci', 'around'],
      ['git:pr-3:ci', 'ci', 'automated'],
    ]);
    assert.ok(v1.decisions.every((d) => !('counted' in d) && !('kinds' in d) && !('findings' in d)));
    assert.equal(v1.zone.overall.verdict, 'no-data');
    assert.equal(v1.zone.byLeader.dana?.verdict, 'goldilocks');
    assert.equal(v1.zone.byQuarter['2026-Q1']?.verdict, 'too-far');
  });
});
