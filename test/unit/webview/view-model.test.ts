import assert from 'node:assert/strict';
import { computeZones } from '../../../src/core/analysis/zone';
import { REPORT_SCHEMA_ID, type Decision, type Report } from '../../../src/core/model/report';
import { defaultState, readState, ROSTER } from '../../../src/webview/state';
import { buildViewModel, levelFor } from '../../../src/webview/view-model';

function decision(id: string, date: string | null, area: string, involvement: Decision['involvement'], byLeader: Record<string, Decision['involvement']>): Decision {
  return {
    id, source: 'adr', kind: 'adr', title: id, path: `${id}.md`, number: null, status: 'accepted', statusText: 'accepted', date, area,
    decisionMakers: ['bob'], consulted: [], informed: [], involvement, involvementByLeader: byLeader, evidence: [{ person: 'eve', role: 'reviewer', source: 'trailer', ref: 'abc', inferred: false }],
    commits: [], pr: null, supersedes: [], supersededBy: [], weight: 1,
  };
}

const decisions = [
  decision('a', '2026-01-10', 'api', 'decided', { dana: 'decided', arjun: 'around' }),
  decision('b', '2026-02-10', 'api', 'around', { dana: 'around', arjun: 'around' }),
  decision('c', '2026-03-10', 'db', 'consulted', { dana: 'around', arjun: 'consulted' }),
  decision('d', '2025-06-01', 'db', 'around', { dana: 'around', arjun: 'around' }),
  decision('e', null, 'db', 'pending', { dana: 'pending', arjun: 'pending' }),
];
const window = { since: '2026-01-01', until: '2026-03-31' };
const thresholds = { tooClose: 0.5, tooFar: 0.5 };
const report: Report = {
  schema: REPORT_SCHEMA_ID,
  repository: { root: '/r', head: null, analyzedAt: '2026-04-01T00:00:00Z', window },
  leadership: [{ person: 'dana', role: 'CTO' }, { person: 'arjun', role: 'Architect' }],
  people: [{ id: 'bob', name: 'Bob Li', emails: ['bob@acme.io'], aliases: [], isLeader: false, isBot: false }, { id: 'eve', name: 'Eve Moreau', emails: ['eve@acme.io'], aliases: ['@eve'], isLeader: false, isBot: false }],
  decisions,
  zone: computeZones(decisions, ['dana', 'arjun'], window, thresholds),
  warnings: [],
};

describe('map view model', () => {
  it('shows the report window by default with the report\'s own verdicts', () => {
    const model = buildViewModel(report, defaultState());
    assert.deepEqual(model.decisions.map((d) => d.id), ['a', 'b', 'c']);
    assert.deepEqual(model.zones.overall, report.zone.overall);
    assert.deepEqual(model.zones.byLeader, report.zone.byLeader);
  });

  it('weighs a leader at the centre by that leader\'s levels; pending stays pending', () => {
    const model = buildViewModel(report, { ...defaultState(), focus: 'arjun' });
    assert.deepEqual(model.decisions.map((d) => model.levelOf(d)), ['around', 'around', 'consulted']);
    assert.equal(levelFor(decisions[4] as Decision, 'arjun'), 'pending');
    assert.equal(buildViewModel(report, { ...defaultState(), focus: 'nobody' }).focus, ROSTER);
  });

  it('filters by window, area, source, status and a person\'s name, email or alias', () => {
    const all = buildViewModel(report, { ...defaultState(), windowChosen: true });
    assert.equal(all.decisions.length, 5);
    assert.equal(buildViewModel(report, { ...defaultState(), windowChosen: true, since: '2026-02-01', until: null }).decisions.length, 2);
    assert.deepEqual(buildViewModel(report, { ...defaultState(), area: 'db' }).decisions.map((d) => d.id), ['c']);
    assert.equal(buildViewModel(report, { ...defaultState(), source: 'git' }).decisions.length, 0);
    assert.equal(buildViewModel(report, { ...defaultState(), status: 'accepted' }).decisions.length, 3);
    for (const query of ['eve moreau', 'EVE@ACME', '@eve', 'bob li']) assert.equal(buildViewModel(report, { ...defaultState(), query }).decisions.length, 3, query);
    assert.equal(buildViewModel(report, { ...defaultState(), query: 'mallory' }).decisions.length, 0);
  });

  it('recomputes the zone over the chosen window with the same thresholds', () => {
    const model = buildViewModel(report, { ...defaultState(), windowChosen: true, since: '2026-02-01', until: '2026-03-31' });
    assert.deepEqual(model.zones.overall, computeZones(decisions, ['dana', 'arjun'], { since: '2026-02-01', until: '2026-03-31' }, thresholds).overall);
    assert.equal(model.zones.overall.count, 2);
  });

  it('trusts no stored state: anything malformed falls back field by field', () => {
    assert.deepEqual(readState(null), defaultState());
    assert.deepEqual(readState({ tab: 'owners', since: 'yesterday', query: 42, status: 'bogus' }), { ...defaultState(), tab: 'owners' });
  });
});
