// Who owns decisions and how far from leadership: one rule for the map's Owners
// tab, the CLI and the extension.
import assert from 'node:assert/strict';
import type { Decision, Evidence } from '../../../src/core/model/report';
import { levelFor } from '../../../src/rules/decision-rules';
import { decisionOwners } from '../../../src/rules/owners';
import { aDecision } from '../../support/builders';

const decidedBy = (person: string): Evidence => ({ person, role: 'author', source: 'commit-author', ref: 'a'.repeat(40), inferred: true, level: 'decided' });
const byId = (id: string): string => id;

describe('decision owners', () => {
  const decisions: Decision[] = [
    aDecision({ id: 'a', decisionMakers: ['carol'], involvement: 'around' }),
    aDecision({ id: 'b', decisionMakers: ['carol', 'bob'], involvement: 'consulted', involvementByLeader: { dana: 'consulted' } }),
    // Nobody named: the evidence says who decided, as for the zone's deciders.
    aDecision({ id: 'c', evidence: [decidedBy('bob')], involvement: 'decided', involvementByLeader: { dana: 'decided' } }),
    aDecision({ id: 'pending', decisionMakers: ['carol'], involvement: 'pending', counted: false, notCountedReason: 'pending' }),
    aDecision({ id: 'bump', evidence: [decidedBy('bot')], involvement: 'automated', counted: false, notCountedReason: 'automated' }),
  ];

  it('counts the counted decisions each person decided, by leadership\'s level, most first', () => {
    const owners = decisionOwners(decisions, (d) => d.involvement, byId);
    assert.deepEqual(owners.map((o) => [o.person, o.decisions.map((d) => d.id), o.byLevel]), [
      ['bob', ['b', 'c'], { decided: 1, consulted: 1, informed: 0, around: 0 }],
      ['carol', ['a', 'b'], { decided: 0, consulted: 1, informed: 0, around: 1 }],
    ]);
    assert.deepEqual(owners.map((o) => o.distance), [1 / 6, 2 / 3]);
  });

  it('weighs one leader\'s levels when given, and orders ties by name', () => {
    const one = [decisions[2], aDecision({ id: 'd', decisionMakers: ['carol'], involvement: 'consulted', involvementByLeader: { arjun: 'consulted' } })].filter((d): d is Decision => d !== undefined);
    const owners = decisionOwners(one, (d) => levelFor(d, 'dana'), (id) => ({ bob: 'Zed', carol: 'Ann' })[id] ?? id);
    assert.deepEqual(owners.map((o) => [o.person, o.distance]), [['carol', 1], ['bob', 0]]);
  });

  it('gives no distance without a roster: nobody\'s level is known', () => {
    const owners = decisionOwners([aDecision({ id: 'x', decisionMakers: ['carol'], involvement: 'unknown' })], (d) => d.involvement, byId);
    assert.deepEqual(owners.map((o) => [o.person, o.decisions.length, o.distance]), [['carol', 1, null]]);
  });
});
