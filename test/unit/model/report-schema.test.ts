// The decision-orbit/v2 schema as the map and scripts rely on it.
import assert from 'node:assert/strict';
import { decisionSchema, type Decision } from '../../../src/core/model/report';

const decision: Decision = {
  id: 'adr:docs/adr/0001-use-postgresql.md', source: 'adr', kind: 'adr', title: 'Use PostgreSQL', path: 'docs/adr/0001-use-postgresql.md', number: 1,
  status: 'accepted', statusText: 'Accepted', date: '2026-01-05', area: 'payments', decisionMakers: ['dana'], consulted: [], informed: [],
  involvement: 'decided', involvementByLeader: { dana: 'decided', arjun: 'around' },
  evidence: [{ person: 'dana', role: 'decision-maker', source: 'adr-field', ref: 'docs/adr/0001-use-postgresql.md:4', inferred: false, level: 'decided' }],
  commits: ['a'.repeat(40)], pr: '#1', supersedes: [], supersededBy: [], weight: 1, counted: true, notCountedReason: null, kinds: [],
};

describe('report schema: a decision', () => {
  it('accepts a decision with its involvement per leader', () => {
    assert.deepEqual(decisionSchema.parse(decision), decision);
  });

  it('rejects an involvement per leader that is no level, and a non-object', () => {
    assert.equal(decisionSchema.safeParse({ ...decision, involvementByLeader: { dana: 'decides' } }).success, false);
    assert.equal(decisionSchema.safeParse({ ...decision, involvementByLeader: ['decided'] }).success, false);
    assert.equal(decisionSchema.safeParse({ ...decision, involvementByLeader: 'decided' }).success, false);
  });
});
