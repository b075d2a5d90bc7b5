import assert from 'node:assert/strict';
import type { Decision } from '../../../src/core/model/report';
import { foldSignals, isFold } from '../../../src/webview/fold';

function decision(id: string, source: 'adr' | 'git', area: string, date: string, involvement: Decision['involvement'] = 'around'): Decision {
  return {
    id, source, kind: source === 'adr' ? 'adr' : 'dependency', title: id, path: null, number: null, status: 'accepted', statusText: '', date, area,
    decisionMakers: ['ann'], consulted: [], informed: [], involvement, evidence: [], commits: [], pr: null, supersedes: [], supersededBy: [], weight: source === 'adr' ? 1 : 0.5,
    counted: true, notCountedReason: null, kinds: [],
  };
}

describe('folding git signals', () => {
  it('keeps the records and folds signals by level, area, kind and quarter', () => {
    const decisions = [
      decision('adr:a', 'adr', 'api', '2026-01-05'),
      decision('git:1', 'git', 'api', '2026-01-05'),
      decision('git:2', 'git', 'api', '2026-03-30'),
      decision('git:3', 'git', 'api', '2026-04-01'),
      decision('git:4', 'git', 'db', '2026-01-05'),
      decision('git:5', 'git', 'api', '2026-02-01', 'decided'),
    ];
    const folded = foldSignals(decisions, (d) => d.involvement);
    assert.deepEqual(folded.decisions.filter((d) => !isFold(d.id)).map((d) => d.id), ['adr:a']);
    assert.deepEqual([...folded.members.values()].map((group) => group.map((d) => d.id)), [['git:1', 'git:2'], ['git:3'], ['git:4'], ['git:5']]);
    const first = folded.decisions.find((d) => isFold(d.id));
    assert.equal(first?.title, '2 dependency signals in api, 2026-Q1 (folded: open to unfold)');
    assert.deepEqual(first?.decisionMakers, []);
    assert.equal(first?.involvement, 'around');
  });
});
