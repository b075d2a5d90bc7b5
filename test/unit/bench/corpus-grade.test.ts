import { strict as assert } from 'node:assert';
import { gradeRepository } from '../../../bench/corpus/grade';
import { reportViewSchema, verdictsOf } from '../../../bench/corpus/report-view';
import { share, wilsonLower80 } from '../../../bench/corpus/score';
import type { CorpusFile } from '../../../bench/corpus/types';

const sha = (c: string): string => c.repeat(40);

const unit = (c: string, pr: number | null, decision: boolean): CorpusFile['signals'][number] => ({
  sha: sha(c), pr, subject: `unit ${c}`, decision, kinds: decision ? ['ci'] : [], reason: 'r', automated: false, paths: [],
});

const labels: CorpusFile = {
  repository: 'demo', remote: 'acme/demo', head: sha('f'), labelledBy: 'test', labelledAt: '2026-12-05T00:00:00Z', seed: 1,
  candidateUnits: 4, firstParentUnits: 9,
  signals: [unit('a', 12, true), unit('b', null, true), unit('c', 14, false), unit('d', 15, false)],
  adrs: { count: 1, paths: ['docs/adr/0001-x.md'] },
  roster: [
    { name: 'Dana Chen', role: 'CTO', identities: ['dana@acme.io'], why: 'w' },
    { name: 'Bob Li', role: 'Architect', identities: ['@bobli'], why: 'w' },
  ],
  involvement: [
    { decision: { source: 'adr', path: 'docs/adr/0001-x.md' }, title: 'x', leaders: { 'Dana Chen': 'decided', 'Bob Li': 'around' }, evidence: 'e' },
    { decision: { source: 'git', sha: sha('a'), pr: 12 }, title: 'a', leaders: { 'Dana Chen': 'consulted', 'Bob Li': 'around' }, evidence: 'e' },
  ],
  records: [{ path: 'docs/adr/0001-x.md', status: 'accepted', statusText: 'Accepted', date: '2024-01-02', dateSource: 'field', decisionMakers: ['Dana Chen'], consulted: ['Carol Diaz'], informed: ['@bobli'] }],
  amendments: [],
};

const decision = (over: Record<string, unknown>): Record<string, unknown> => ({
  source: 'git', path: null, status: 'accepted', date: null, decisionMakers: [], consulted: [], informed: [],
  involvement: 'around', involvementByLeader: { dana: 'around', bob: 'around' }, commits: [], pr: null, ...over,
});

const report = reportViewSchema.parse({
  schema: 'decision-orbit/v2',
  leadership: [{ person: 'dana' }, { person: 'bob' }],
  people: [
    { id: 'dana', name: 'Dana Chen', emails: ['dana@acme.io'], aliases: [] },
    { id: 'bob', name: 'Bob Li', emails: [], aliases: ['@bobli'] },
  ],
  decisions: [
    decision({ id: 'adr:docs/adr/0001-x.md', source: 'adr', path: 'docs/adr/0001-x.md', date: '2024-01-02', decisionMakers: ['dana'], informed: ['bob'], involvement: 'decided', involvementByLeader: { dana: 'decided', bob: 'informed' } }),
    // Found by PR number; a decision with Dana consulted.
    decision({ id: 'git:pr-12', kinds: ['ci'], pr: '#12', counted: true, involvement: 'consulted', involvementByLeader: { dana: 'consulted', bob: 'around' } }),
    // Found through a branch commit of unit b (no PR number).
    decision({ id: 'git:merge-x', kinds: ['ci', 'dependency'], commits: [sha('9')], counted: true }),
    // Unit c: the engine keeps it as maintenance, not a decision.
    decision({ id: 'git:pr-14', kinds: ['dependency'], pr: '#14', counted: false, notCountedReason: 'maintenance' }),
    // Unit d: counted, though labelled not a decision.
    decision({ id: 'git:pr-15', kinds: ['ci'], pr: '#15', counted: true }),
  ],
  zone: { overall: { verdict: 'goldilocks', count: 12 }, bySource: { adr: { verdict: 'too-close', count: 10 } } },
});

const units = new Map([[sha('b'), new Set([sha('b'), sha('9')])]]);

describe('corpus bench grading', () => {
  it('matches units by PR number and by branch commit, and reads counted / notCountedReason', () => {
    const { signals } = gradeRepository(labels, report, units);
    assert.deepEqual(signals.precision, share(2, 3));
    assert.deepEqual(signals.recall, share(2, 2));
    assert.deepEqual(signals.falsePositives.map((m) => m.sha), [sha('d').slice(0, 10)]);
    assert.deepEqual(signals.kindsAgree, share(1, 2), 'unit b: the engine adds dependency');
  });

  it('compares record fields through the people the engine resolved (names, e-mails, handles)', () => {
    const { records } = gradeRepository(labels, report, units);
    assert.equal(records.engineCount, 1);
    assert.deepEqual(Object.values(records.fields).map((s) => s.hits), [1, 1, 1, 0, 1], 'informed @bobli meets Bob Li through his handle');
    assert.deepEqual(records.mismatches, ['docs/adr/0001-x.md consulted: labelled ["Carol Diaz"], engine []']);
  });

  it('grades involvement per leader and for the roster, counting false around', () => {
    const { involvement } = gradeRepository(labels, report, units);
    assert.deepEqual(involvement.perLeader, share(3, 4), 'ADR: Bob labelled around, engine informed');
    assert.deepEqual(involvement.roster, share(2, 2));
    assert.deepEqual(involvement.falseAround, share(0, 4));
  });

  it('reads per-source verdicts where a report has them and leaves the rest absent', () => {
    const verdicts = verdictsOf(report.zone);
    assert.deepEqual(verdicts.adr, { verdict: 'too-close', count: 10 });
    assert.equal(verdicts.git, null);
    assert.deepEqual(verdicts.combined, { verdict: 'goldilocks', count: 12 });
  });

  it('gives the 80 % Wilson lower bound', () => {
    assert.equal(wilsonLower80(share(0, 0)), null);
    assert.ok(Math.abs((wilsonLower80(share(32, 35)) ?? 0) - 83.4) < 0.05);
    assert.ok(Math.abs((wilsonLower80(share(8, 10)) ?? 0) - 60.2) < 0.05);
  });
});
