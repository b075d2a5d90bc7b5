import assert from 'node:assert/strict';
import { REPORT_SCHEMA_ID, type Decision, type Report, type Zone } from '../../../src/core/model/report';
import { levelFor } from '../../../src/rules/decision-rules';
import { defaultState, readState, ROSTER } from '../../../src/webview/state';
import { buildViewModel, routedAroundOf } from '../../../src/webview/view-model';
import { aDecision } from '../../support/builders';

function decision(id: string, date: string | null, area: string, involvement: Decision['involvement'], byLeader: Record<string, Decision['involvement']>): Decision {
  return aDecision({
    id, path: `${id}.md`, date, area, decisionMakers: ['bob'], involvement, involvementByLeader: byLeader,
    evidence: [{ person: 'eve', role: 'reviewer', source: 'trailer', ref: 'abc', inferred: false }],
  });
}

const decisions = [
  decision('a', '2026-01-10', 'api', 'decided', { dana: 'decided', arjun: 'around' }),
  decision('b', '2026-02-10', 'api', 'around', { dana: 'around', arjun: 'around' }),
  decision('c', '2026-03-10', 'db', 'consulted', { dana: 'around', arjun: 'consulted' }),
  decision('d', '2025-06-01', 'db', 'around', { dana: 'around', arjun: 'around' }),
  decision('e', null, 'db', 'pending', { dana: 'pending', arjun: 'pending' }),
];
const window = { since: '2026-01-01', until: '2026-03-31' };
// A minimum of one decision, so the verdicts of these few decisions show the Wilson rule at work.
const thresholds = { tooClose: 0.5, tooFar: 0.5, minDecisions: 1 };
const THIRD = 0.333333;
const TWO_THIRDS = 0.666667;
type Brief = Pick<Zone, 'verdict' | 'decided' | 'consulted' | 'informed' | 'around' | 'count' | 'weight'>;
const zone = (verdict: Zone['verdict'], decided: number, consulted: number, around: number, count: number): Brief =>
  ({ verdict, decided, consulted, informed: 0, around, count, weight: count });
/** What these expectations were worked out for: the verdict and the shares, not the sources and notes. */
function brief(z: Zone | undefined): Brief | undefined {
  return z && { verdict: z.verdict, decided: z.decided, consulted: z.consulted, informed: z.informed, around: z.around, count: z.count, weight: z.weight };
}
function briefs(zones: Record<string, Zone>): Record<string, Brief | undefined> {
  return Object.fromEntries(Object.entries(zones).map(([key, z]) => [key, brief(z)]));
}
// Worked out by hand from the five decisions: in the window a (decided), b (around), c (consulted); d is
// older, e pending and undated. Dana decided a only, Arjun was consulted on c only. With 80 % Wilson
// intervals (z² = 1.64238): 2 of 3 around is 0.3212 … 0.8800, leaning far; 1 of 1 around is 0.3784 … 1,
// leaning far; 2 of 2 around is (1 + 0.41060 − 1.28155·√0.10265) / 1.82119 = 0.549 … 1, too far; half
// decided and half around is a tie: goldilocks.
const REPORT_ZONE = {
  overall: zone('goldilocks', THIRD, THIRD, THIRD, 3),
  byLeader: { arjun: zone('leaning-far', 0, THIRD, TWO_THIRDS, 3), dana: zone('leaning-far', THIRD, 0, TWO_THIRDS, 3) },
  byArea: { api: zone('goldilocks', 0.5, 0, 0.5, 2), db: zone('goldilocks', 0, 1, 0, 1) },
  byQuarter: { '2025-Q2': zone('leaning-far', 0, 0, 1, 1), '2026-Q1': zone('goldilocks', THIRD, THIRD, THIRD, 3) },
  thresholds,
};
const report: Report = {
  schema: REPORT_SCHEMA_ID,
  repository: { root: '/r', head: null, analyzedAt: '2026-04-01T00:00:00Z', window },
  leadership: [{ person: 'dana', role: 'CTO' }, { person: 'arjun', role: 'Architect' }],
  people: [{ id: 'bob', name: 'Bob Li', emails: ['bob@acme.io'], aliases: [], isLeader: false, isBot: false }, { id: 'eve', name: 'Eve Moreau', emails: ['eve@acme.io'], aliases: ['@eve'], isLeader: false, isBot: false }],
  decisions,
  zone: REPORT_ZONE as Report['zone'],
  warnings: [],
};

describe('map view model', () => {
  it('shows the report window by default with the zones core computed, not weighed again', () => {
    const model = buildViewModel(report, defaultState());
    assert.deepEqual(model.decisions.map((d) => d.id), ['a', 'b', 'c']);
    assert.equal(model.zones, report.zone);
    assert.equal(model.trend, report.zone.byQuarter);
  });

  it('weighs the same zones as core when filters let everything through or the reader narrows them', () => {
    const allThrough = buildViewModel(report, { ...defaultState(), windowChosen: true, since: window.since, until: window.until });
    assert.notEqual(allThrough.zones, report.zone);
    const { overall, byLeader, byArea, byQuarter } = allThrough.zones;
    assert.deepEqual({ overall: brief(overall), byLeader: briefs(byLeader), byArea: briefs(byArea), byQuarter: briefs(byQuarter), thresholds: allThrough.zones.thresholds }, REPORT_ZONE);
    const api = buildViewModel(report, { ...defaultState(), area: 'api' });
    assert.deepEqual(brief(api.zones.overall), zone('goldilocks', 0.5, 0, 0.5, 2));
    assert.deepEqual(briefs(api.zones.byLeader), { arjun: zone('too-far', 0, 0, 1, 2), dana: zone('goldilocks', 0.5, 0, 0.5, 2) });
  });

  it('weighs a leader at the centre by that leader\'s levels; pending stays pending', () => {
    const model = buildViewModel(report, { ...defaultState(), focus: 'arjun' });
    assert.deepEqual(model.decisions.map((d) => model.levelOf(d)), ['around', 'around', 'consulted']);
    assert.equal(levelFor(decisions[4] as Decision, 'arjun'), 'pending');
    assert.deepEqual(briefs(model.trend), { '2025-Q2': zone('leaning-far', 0, 0, 1, 1), '2026-Q1': zone('leaning-far', 0, THIRD, TWO_THIRDS, 3) });
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
    // b (around) and c (consulted) are left: half around is on the threshold, a tie, for the roster and
    // Arjun; Dana was around for both, 2 of 2: too far.
    assert.deepEqual(brief(model.zones.overall), zone('goldilocks', 0, 0.5, 0.5, 2));
    assert.deepEqual(briefs(model.zones.byLeader), { arjun: zone('goldilocks', 0, 0.5, 0.5, 2), dana: zone('too-far', 0, 0, 1, 2) });
    assert.deepEqual(model.zones.overall.sources?.adr.window, { since: '2026-02-01', until: '2026-03-31', widened: false });
  });

  it('shows each source over its own window, the centre\'s, as the sidebar does', () => {
    const signal = (id: string, date: string): Decision => ({ ...decision(id, date, 'api', 'around', { dana: 'around', arjun: 'around' }), source: 'git', kind: 'dependency', kinds: ['dependency'], path: null, weight: 0.5 });
    const source = (since: string, widened: boolean): Zone['sources'] & object => {
      const one = { ...zone('goldilocks', 0, 0, 0, 1), window: { since, until: window.until, widened } };
      return { adr: one, git: one };
    };
    // ADRs widened back to d (2025-06-01); signals over the span only, so the signal of 2025-12-01 is outside it.
    const sources = { adr: source('2025-06-01', true).adr, git: source('2026-01-01', false).git };
    const perSource: Report = {
      ...report,
      repository: { ...report.repository, window: { since: '2025-06-01', until: window.until } },
      decisions: [...decisions, signal('s-old', '2025-12-01'), signal('s-new', '2026-02-01')],
      zone: { ...report.zone, overall: { ...report.zone.overall, sources }, byLeader: { ...report.zone.byLeader, arjun: { ...report.zone.overall, sources: source('2026-03-01', false) } } },
    };
    assert.deepEqual(buildViewModel(perSource, defaultState()).decisions.map((d) => d.id), ['a', 'b', 'c', 'd', 's-new']);
    // Arjun at the centre: his zone's windows.
    assert.deepEqual(buildViewModel(perSource, { ...defaultState(), focus: 'arjun' }).decisions.map((d) => d.id), ['c']);
    const model = buildViewModel(perSource, defaultState());
    assert.deepEqual(routedAroundOf(model).map((d) => d.id), ['b', 'd', 's-new']);
    // A window the reader chose holds for both sources.
    assert.deepEqual(buildViewModel(perSource, { ...defaultState(), windowChosen: true, since: '2025-06-01', until: window.until }).decisions.map((d) => d.id), ['a', 'b', 'c', 'd', 's-old', 's-new']);
  });

  it('trusts no stored state: anything malformed falls back field by field', () => {
    assert.deepEqual(readState(null), defaultState());
    assert.deepEqual(readState({ tab: 'owners', since: 'yesterday', query: 42, status: 'bogus' }), { ...defaultState(), tab: 'owners' });
  });
});
