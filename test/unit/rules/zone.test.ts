import assert from 'node:assert/strict';
import { verdictWords } from '../../../src/present/describe';
import { wilsonInterval } from '../../../src/rules/wilson';
import { computeZone, computeZones, quarterOf, type ZoneItem, type ZoneOptions } from '../../../src/rules/zone';
import { baseWindow } from '../../../src/core/analysis/base-window';
import { inWindow, unionWindow, widenedWindow } from '../../../src/rules/zone-window';
import type { Decision, Involvement } from '../../../src/core/model/report';
import { aDecision } from '../../support/builders';

const THRESHOLDS = { tooClose: 0.5, tooFar: 0.5, minDecisions: 10 };
/** The old rules without a minimum, for the share arithmetic alone. */
const ANY_COUNT = { ...THRESHOLDS, minDecisions: 1 };

function decision(id: string, date: string | null, involvement: Involvement, weight: number, byLeader: Record<string, Involvement>, area = 'general'): Decision {
  return aDecision({ id, date, area, involvement, involvementByLeader: byLeader, weight, counted: !['pending', 'automated'].includes(involvement) && weight > 0 });
}

/** n items at one level, each decided by its own person unless `deciders` says who. */
function items(n: number, involvement: Involvement, weight = 1, deciders?: (i: number) => string[]): ZoneItem[] {
  return Array.from({ length: n }, (_, i) => ({ involvement, weight, deciders: deciders ? deciders(i) : [`${involvement}-${i}`] }));
}

/**
 * n decisions of one source on consecutive days from `start` (a day of month, 2026-05),
 * `level` for the roster and for dana, each decided by its own person.
 */
function made(source: 'adr' | 'git', n: number, level: Involvement, options: { start?: number; area?: string; merger?: boolean } = {}): Decision[] {
  return Array.from({ length: n }, (_, i) => {
    const day = String((options.start ?? 1) + i).padStart(2, '0');
    const id = `${source}-${level}-${options.area ?? 'general'}-${day}`;
    const person = `p-${id}`;
    return {
      ...decision(id, `2026-05-${day}`, level, source === 'adr' ? 1 : 0.5, { dana: level }, options.area),
      source, kind: source === 'adr' ? 'adr' : 'dependency',
      evidence: [
        { person, role: 'author', source: 'commit-author', ref: id, inferred: false, level: 'decided' },
        ...(options.merger ? [{ person: 'merge-bob', role: 'merger', source: 'merge-commit', ref: id, inferred: false, level: 'consulted' } as const] : []),
      ],
    } satisfies Decision;
  });
}

const WINDOW = { since: '2026-04-04', until: '2026-10-01' };
const OPTIONS: ZoneOptions = { window: WINDOW, widenTo: null, rules: THRESHOLDS };

describe('zone: weighted shares and verdicts', () => {
  it('weighs ADRs 1.0 and signals 0.5 into shares', () => {
    const zone = computeZone([
      { involvement: 'decided', weight: 0.5 }, { involvement: 'consulted', weight: 1 }, { involvement: 'informed', weight: 0.5 },
      { involvement: 'around', weight: 1 }, { involvement: 'around', weight: 1 },
    ], ANY_COUNT);
    // around = 2 of 4 weight, at the threshold: a tie, so goldilocks, not too far.
    assert.deepEqual(zone, {
      verdict: 'goldilocks', decided: 0.125, consulted: 0.25, informed: 0.125, around: 0.5, count: 5, weight: 4, deciders: 0, notes: ['small-team'],
    });
  });

  it('gives a verdict only where the 80 % Wilson interval clears the threshold', () => {
    // Wilson, z = 1.28155, z² = 1.64238: low/high = (p + z²/2n ∓ z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n).
    // 9 of 10 decided: (0.9 + 0.08212 − 1.28155·√(0.009 + 0.00411)) / 1.16424 = (0.98212 − 0.14671) / 1.16424 = 0.7176 ≥ 0.5.
    assert.ok(Math.abs(wilsonInterval(0.9, 10).low - 0.7176) < 1e-4);
    assert.equal(computeZone([...items(9, 'decided'), ...items(1, 'consulted')], THRESHOLDS).verdict, 'too-close');
    // 6 of 10 decided: (0.68212 ∓ 1.28155·√(0.024 + 0.00411)) / 1.16424 = (0.68212 ∓ 0.21485) / 1.16424 = 0.4014 … 0.7704: straddles 0.5.
    const six = wilsonInterval(0.6, 10);
    assert.ok(Math.abs(six.low - 0.4014) < 1e-4 && Math.abs(six.high - 0.7704) < 1e-4);
    assert.equal(computeZone([...items(6, 'decided'), ...items(4, 'consulted')], THRESHOLDS).verdict, 'leaning-close');
    // 16 of 20 around: (0.8 + 0.04106 − 1.28155·√(0.008 + 0.00103)) / 1.08212 = (0.84106 − 0.12176) / 1.08212 = 0.6647 ≥ 0.5.
    assert.ok(Math.abs(wilsonInterval(0.8, 20).low - 0.6647) < 1e-4);
    assert.equal(computeZone([...items(16, 'around'), ...items(4, 'consulted')], THRESHOLDS).verdict, 'too-far');
    // 11 of 20 around: 0.55 is past 0.5, its interval 0.4091 … 0.6833 is not.
    assert.equal(computeZone([...items(11, 'around'), ...items(9, 'informed')], THRESHOLDS).verdict, 'leaning-far');
    // 5 of 10 decided sits on the threshold: ties go to goldilocks.
    assert.equal(computeZone([...items(5, 'decided'), ...items(5, 'consulted')], THRESHOLDS).verdict, 'goldilocks');
    assert.equal(computeZone([...items(3, 'decided'), ...items(7, 'consulted')], THRESHOLDS).verdict, 'goldilocks');
  });

  it('says no-data (too few decisions) under the minimum, with the shares still weighed', () => {
    const zone = computeZone(items(9, 'decided'), THRESHOLDS);
    assert.equal(zone.verdict, 'no-data');
    assert.equal(zone.decided, 1);
    assert.deepEqual(zone.notes, ['too-few-decisions']);
    assert.equal(verdictWords(zone), 'too few decisions');
    assert.equal(computeZone(items(9, 'decided'), { ...THRESHOLDS, minDecisions: 9 }).verdict, 'too-close');
  });

  it('leaves pending, automated and zero-weight decisions out; nothing left is no-data', () => {
    const zone = computeZone([{ involvement: 'pending', weight: 1 }, { involvement: 'automated', weight: 0.5 }, { involvement: 'decided', weight: 0 }], THRESHOLDS);
    assert.deepEqual(zone, { verdict: 'no-data', decided: 0, consulted: 0, informed: 0, around: 0, count: 0, weight: 0, deciders: 0, notes: ['too-few-decisions'] });
  });

  it('says no-data without a roster but still counts', () => {
    const zone = computeZone([{ involvement: 'around', weight: 1 }], THRESHOLDS, false);
    assert.equal(zone.verdict, 'no-data');
    assert.equal(zone.count, 1);
    assert.equal(verdictWords(zone), 'no data');
  });

  it('counts distinct deciders and notes a small team under five', () => {
    const four = computeZone(items(10, 'around', 1, (i) => [`dev-${i % 4}`]), THRESHOLDS);
    assert.equal(four.deciders, 4);
    assert.ok(four.notes?.includes('small-team'));
    const five = computeZone(items(10, 'around', 1, (i) => [`dev-${i % 5}`]), THRESHOLDS);
    assert.equal(five.deciders, 5);
    assert.ok(!five.notes?.includes('small-team'));
  });

  it('says reviews are not visible beside too far only when no decision shows a review or a merge', () => {
    const authored = computeZone(items(10, 'around'), THRESHOLDS);
    assert.equal(authored.verdict, 'too-far');
    assert.deepEqual(authored.notes, ['reviews-not-visible']);
    const oneMerged = computeZone([...items(9, 'around'), { involvement: 'around', weight: 1, deciders: ['x'], reviewed: true }], THRESHOLDS);
    assert.deepEqual(oneMerged.notes, []);
    assert.ok(!computeZone(items(10, 'decided'), THRESHOLDS).notes?.includes('reviews-not-visible'));
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
    const zones = computeZones(decisions, ['dana'], { ...OPTIONS, rules: ANY_COUNT });
    assert.equal(zones.overall.count, 3);
    assert.equal(zones.overall.decided, 0.5);
    assert.equal(zones.byLeader.dana?.around, 0.5);
    assert.deepEqual(Object.keys(zones.byArea), ['general', 'payments']);
    assert.equal(zones.byArea.payments?.count, 2);
    assert.deepEqual(Object.keys(zones.byQuarter), ['2025-Q4', '2026-Q2', '2026-Q3']);
    assert.equal(zones.byQuarter['2025-Q4']?.around, 1);
    assert.deepEqual(zones.thresholds, { tooClose: 0.5, tooFar: 0.5, minDecisions: 1 });
  });
});

describe('zone: per source, combined', () => {
  it('splits when the ADRs say too close and the signals too far: decided on paper, not in code', () => {
    const zones = computeZones([...made('adr', 10, 'decided'), ...made('git', 20, 'around')], ['dana'], OPTIONS);
    const { overall } = zones;
    assert.equal(overall.sources?.adr.verdict, 'too-close');
    assert.equal(overall.sources?.git.verdict, 'too-far');
    assert.equal(overall.verdict, 'split');
    assert.deepEqual(overall.split, { adr: 'too-close', git: 'too-far' });
    assert.equal(verdictWords(overall), 'split: decided on paper, not in code');
    // Pooled shares, never an average of verdicts: 10 decided of 10 + 20 × 0.5 = 20 weight.
    assert.equal(overall.decided, 0.5);
    assert.equal(overall.count, 30);
    assert.equal(zones.byLeader.dana?.verdict, 'split');
    const reverse = computeZones([...made('adr', 10, 'around'), ...made('git', 20, 'decided')], ['dana'], OPTIONS).overall;
    assert.equal(verdictWords(reverse), 'split: decided in code, not on paper');
  });

  it('takes the one source that reaches the minimum, with its shares, and says so', () => {
    const overall = computeZones([...made('adr', 10, 'decided'), ...made('git', 3, 'around')], ['dana'], OPTIONS).overall;
    assert.equal(overall.sources?.git.verdict, 'no-data');
    assert.equal(overall.verdict, 'too-close');
    assert.equal(overall.decided, 1);
    assert.equal(overall.count, 10);
    assert.ok(overall.notes?.includes('adr-only'));
    assert.equal(overall.window, undefined);
  });

  it('pools both sources when neither reaches the minimum alone', () => {
    // 5 ADRs decided (weight 5) and 5 signals consulted (weight 2.5): decided 5 / 7.5 = 0.6667 over n = 10;
    // Wilson: (0.66667 + 0.08212 ∓ 1.28155·√(0.02222 + 0.00411)) / 1.16424 = 0.4645 … 0.8218, so leaning close.
    const overall = computeZones([...made('adr', 5, 'decided'), ...made('git', 5, 'consulted')], ['dana'], OPTIONS).overall;
    assert.equal(overall.sources?.adr.verdict, 'no-data');
    assert.equal(overall.sources?.git.verdict, 'no-data');
    assert.equal(overall.verdict, 'leaning-close');
    assert.equal(overall.decided, 0.666667);
    assert.ok(overall.notes?.includes('pooled'));
    // Five counted decisions in all: still too few, pooled or not.
    const five = computeZones([...made('adr', 3, 'decided'), ...made('git', 2, 'around')], ['dana'], OPTIONS).overall;
    assert.equal(five.verdict, 'no-data');
    // Each of the five was decided by someone else: five deciders, not a small team.
    assert.deepEqual(five.notes, ['too-few-decisions']);
  });

  it('agrees at different strengths through the pooled shares', () => {
    // ADRs 10 of 10 around (too far); signals 11 of 20 around (leaning far): pooled 15.5 of 20 weight around, n = 30.
    const overall = computeZones([...made('adr', 10, 'around'), ...made('git', 11, 'around'), ...made('git', 9, 'informed', { start: 12 })], ['dana'], OPTIONS).overall;
    assert.equal(overall.sources?.git.verdict, 'leaning-far');
    assert.equal(overall.verdict, 'too-far');
    assert.equal(overall.around, 0.775);
  });

  it('judges a leader with areas over the decisions in those areas only', () => {
    const decisions = [...made('adr', 10, 'decided', { area: 'payments' }), ...made('adr', 20, 'around', { area: 'search', merger: true })];
    const zones = computeZones(decisions, ['dana', 'arjun'], { ...OPTIONS, leaderAreas: { dana: ['payments'] } });
    assert.equal(zones.byLeader.dana?.count, 10);
    assert.equal(zones.byLeader.dana?.verdict, 'too-close');
    // Arjun has no areas: every decision, and the evidence names him in none.
    assert.equal(zones.byLeader.arjun?.count, 30);
    assert.equal(zones.byLeader.arjun?.verdict, 'too-far');
    assert.ok(!zones.byLeader.arjun?.notes?.includes('reviews-not-visible'));
  });

  it('weighs each source over its own window, widened to its last counted decisions', () => {
    // 25 signals in May; ADRs: 2 in May, 25 on 2025-01-01 … 25: the last 20 with the two of May reach back to 2025-01-08.
    const old = Array.from({ length: 25 }, (_, i) => ({ ...made('adr', 1, 'decided')[0] as Decision, id: `adr-old-${i}`, date: `2025-01-${String(i + 1).padStart(2, '0')}` }));
    const decisions = [...made('adr', 2, 'decided'), ...old, ...made('git', 25, 'around')];
    const { overall } = computeZones(decisions, ['dana'], { ...OPTIONS, widenTo: 20 });
    assert.deepEqual(overall.sources?.adr.window, { since: '2025-01-08', until: '2026-10-01', widened: true });
    assert.equal(overall.sources?.adr.count, 20);
    assert.deepEqual(overall.sources?.git.window, { ...WINDOW, widened: false });
    const fixed = computeZones(decisions, ['dana'], OPTIONS).overall;
    assert.deepEqual(fixed.sources?.adr.window, { ...WINDOW, widened: false });
  });
});

describe('zone windows', () => {
  const base = { since: '2026-04-04', until: '2026-10-01' };
  it('widens to the last N counted decisions when the window holds fewer', () => {
    const dates = ['2026-09-01', '2026-01-10', '2025-12-01', '2025-11-01', null, '2026-11-01'];
    assert.deepEqual(widenedWindow(base, dates, 3), { since: '2025-12-01', until: '2026-10-01', widened: true });
    // Fewer than N in all: back to the oldest.
    assert.deepEqual(widenedWindow(base, dates, 20), { since: '2025-11-01', until: '2026-10-01', widened: true });
    assert.deepEqual(widenedWindow(base, dates, 1), { ...base, widened: false });
    assert.deepEqual(widenedWindow(base, dates, null), { ...base, widened: false });
    assert.deepEqual(widenedWindow(base, [], 20), { ...base, widened: false });
  });

  it('starts the span before its end and keeps the user\'s dates', () => {
    assert.deepEqual(baseWindow({}, '180d', '2025-09-15'), { since: '2025-03-19', until: '2025-09-15' });
    assert.deepEqual(baseWindow({ since: '2025-01-01' }, '180d', '2025-09-15'), { since: '2025-01-01', until: '2025-09-15' });
    assert.deepEqual(unionWindow([{ since: '2026-01-01', until: '2026-09-01' }, { since: '2025-06-01', until: '2026-09-01' }], base), { since: '2025-06-01', until: '2026-09-01' });
  });
});
