// The compact form the map app receives its report in: what encodeReport writes,
// decodeReport reads back as the same report; anything else reads as nothing,
// never as a throw (the page's data block is a file anyone can edit).
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { syntheticReport } from '../../../bench/synthetic-report';
import { computeZones } from '../../../src/rules/zone';
import { compactReportSchema, COMPACT_REPORT_FORMAT, encodeReport, type CompactReport } from '../../../src/protocol/compact-report';
import { ABSENT } from '../../../src/protocol/compact-streams';
import {
  DECISION_KINDS, DECISION_SOURCES, DECISION_STATUSES, EVIDENCE_ROLES, EVIDENCE_SOURCES, INVOLVEMENTS, REPORT_SCHEMA_ID, SIGNAL_KINDS, reportSchema,
  type Decision, type Report,
} from '../../../src/core/model/report';
import { jsonForScriptBlock } from '../../../src/present/map-page';
import { decodeReport, readEmbeddedReport } from '../../../src/protocol/decode-report';

const window = { since: '2026-01-01', until: '2026-03-31' };
const thresholds = { tooClose: 0.5, tooFar: 0.5, minDecisions: 10 };

function report(decisions: Decision[], people: Report['people'] = []): Report {
  return {
    schema: REPORT_SCHEMA_ID,
    repository: { root: '/r', head: 'a'.repeat(40), analyzedAt: '2026-04-01T00:00:00Z', window },
    leadership: [{ person: 'dana', role: 'CTO' }],
    people,
    decisions,
    zone: computeZones(decisions, ['dana'], { window, widenTo: null, rules: thresholds }),
    insights: { breadthByQuarter: { '2026-Q1': 2 }, busFactor: [{ decision: 'adr:a.md', people: ['bob'], reason: 'single-owner' }], drift: [], suggestedLeaders: [] },
    warnings: [{ code: 'status-unknown', message: 'No status', path: 'a.md', line: 3 }, { code: 'x', message: 'y', path: null }],
  };
}

const adr: Decision = {
  id: 'adr:docs/adr/0001-use-postgresql.md', source: 'adr', kind: 'adr', title: 'Use PostgreSQL', path: 'docs/adr/0001-use-postgresql.md', number: 1,
  status: 'accepted', statusText: 'Accepted', date: '2026-01-05', area: 'payments', decisionMakers: ['dana'], consulted: ['bob'], informed: ['eve'],
  involvement: 'decided', involvementByLeader: { dana: 'decided' },
  evidence: [{ person: 'dana', role: 'decision-maker', source: 'adr-field', ref: 'docs/adr/0001-use-postgresql.md:4', inferred: false, level: 'decided' }],
  commits: ['a'.repeat(40)], pr: '#1', supersedes: [], supersededBy: ['adr:docs/adr/0002-x.md'], weight: 1, files: [], tags: ['db'], summary: 'We **use** it.',
  counted: true, notCountedReason: null, kinds: [], findings: ['added x'],
};
/** Every optional field left out, every nullable one null, strings that JSON and HTML both care about. */
const bare: Decision = {
  id: 'git:pr-7', source: 'git', kind: 'ci', title: '</script><!-- "\u2028\u2029 é 李 \ud83d\ude00', path: null, number: null, status: 'unknown', statusText: '',
  date: null, area: '', decisionMakers: [], consulted: [], informed: [], involvement: 'around',
  evidence: [{ person: 'bob', role: 'merger', source: 'merge-commit', ref: 'b'.repeat(40), inferred: true }],
  commits: [], pr: null, supersedes: [], supersededBy: [], weight: 0.5, counted: false, notCountedReason: 'maintenance', kinds: ['ci'],
};
const people: Report['people'] = [
  { id: 'dana', name: 'Dana Chen', emails: ['dana@acme.io'], aliases: ['@dchen'], isLeader: true, isBot: false, lastActive: '2026-03-01' },
  { id: 'bob', name: '<img src=x onerror=alert(1)>', emails: [], aliases: [], isLeader: false, isBot: false, lastActive: null },
  { id: '__proto__', name: 'dependabot[bot]', emails: ['x@y'], aliases: [], isLeader: false, isBot: true },
];

function withoutInsights(r: Report): Report {
  const { insights, ...rest } = r;
  assert.ok(insights);
  return rest;
}

/** What the page does with it: JSON in the escaped script block, read back as the app does. */
function throughPage(r: Report): Report | undefined {
  return readEmbeddedReport(jsonForScriptBlock(encodeReport(r)));
}

describe('compact report: round trip', () => {
  it('decodes what it encodes, in memory and through the page\'s JSON block', () => {
    const fixtures = [
      report([adr, bare], people),
      report([]),
      report([{ ...bare, involvementByLeader: { __proto__: 'consulted', constructor: 'informed' } as Record<string, Decision['involvement']> }], people),
      withoutInsights(report([adr])),
      syntheticReport(300, 80),
    ];
    for (const fixture of fixtures) {
      const r = reportSchema.parse(fixture);
      assert.deepStrictEqual(decodeReport(encodeReport(r)), r);
      assert.deepStrictEqual(throughPage(r), JSON.parse(JSON.stringify(r)));
    }
  });

  it('keeps a `__proto__` person id a plain key of the levels, not a prototype', () => {
    const levels = JSON.parse('{"__proto__": "decided"}') as Record<string, Decision['involvement']>;
    const decoded = throughPage(report([{ ...adr, involvementByLeader: levels }]));
    const byLeader = decoded?.decisions[0]?.involvementByLeader;
    assert.deepEqual(Object.entries(byLeader ?? {}), [['__proto__', 'decided']]);
    assert.equal(Object.getPrototypeOf(byLeader), Object.prototype);
  });

  it('is a fraction of the plain report at 10,000 decisions, and its streams are small integers', () => {
    const big = syntheticReport();
    const compact = encodeReport(big);
    assert.ok(jsonForScriptBlock(compact).length < JSON.stringify(big).length / 2.5);
    assert.ok(compact.decisions.every((n) => Number.isInteger(n) && n < 2 ** 30));
  });

  it('holds for any report (property)', function () {
    // 300 random reports through both codecs: seconds alone, longer on a loaded machine.
    this.timeout(60_000);
    const text = fc.string({ unit: 'binary', maxLength: 12 });
    const id = fc.oneof(text, fc.constantFrom('dana', 'bob', '__proto__', 'constructor', ''));
    const ids = fc.array(id, { maxLength: 3 });
    // JSON writes -0 as 0; the compact form does the same. (Bounded so the zone sums stay finite.)
    const number = fc.double({ min: -1e9, max: 1e9, noNaN: true }).map((n) => (Object.is(n, -0) ? 0 : n));
    const level = fc.constantFrom(...INVOLVEMENTS);
    const evidence = fc.record({
      person: id, role: fc.constantFrom(...EVIDENCE_ROLES), source: fc.constantFrom(...EVIDENCE_SOURCES), ref: text, inferred: fc.boolean(), level,
    }, { requiredKeys: ['person', 'role', 'source', 'ref', 'inferred'], noNullPrototype: true });
    const decision = fc.record({
      id, source: fc.constantFrom(...DECISION_SOURCES), kind: fc.constantFrom(...DECISION_KINDS), title: text, path: fc.option(text), number: fc.option(number),
      status: fc.constantFrom(...DECISION_STATUSES), statusText: text, date: fc.option(text), area: text, decisionMakers: ids, consulted: ids, informed: ids,
      involvement: level, involvementByLeader: fc.dictionary(id, level, { maxKeys: 3, noNullPrototype: true }), evidence: fc.array(evidence, { maxLength: 3 }), commits: ids,
      pr: fc.option(text), supersedes: ids, supersededBy: ids, weight: number, files: ids, tags: ids, summary: text,
      counted: fc.boolean(), notCountedReason: fc.option(text), kinds: fc.array(fc.constantFrom(...SIGNAL_KINDS), { maxLength: 3 }), findings: ids,
    }, { requiredKeys: ['id', 'source', 'kind', 'title', 'path', 'number', 'status', 'statusText', 'date', 'area', 'decisionMakers', 'consulted', 'informed', 'involvement', 'evidence', 'commits', 'pr', 'supersedes', 'supersededBy', 'weight', 'counted', 'notCountedReason', 'kinds'], noNullPrototype: true });
    const person = fc.record({
      id, name: text, emails: ids, aliases: ids, isLeader: fc.boolean(), isBot: fc.boolean(), lastActive: fc.option(text),
    }, { requiredKeys: ['id', 'name', 'emails', 'aliases', 'isLeader', 'isBot'], noNullPrototype: true });
    fc.assert(fc.property(fc.array(decision, { maxLength: 6 }), fc.array(person, { maxLength: 4 }), (decisions, someone) => {
      const r = report(decisions, someone);
      assert.deepStrictEqual(decodeReport(encodeReport(r)), r);
      assert.deepStrictEqual(throughPage(r), JSON.parse(JSON.stringify(r)));
    }), { numRuns: 300 });
  });
});

describe('compact report: bad encodings', () => {
  const valid = encodeReport(report([adr, bare], people));
  const json = (compact: unknown): string => JSON.stringify(compact);
  const withStream = (stream: 'people' | 'decisions' | 'busFactor', change: (items: number[]) => number[]): string => json({ ...valid, [stream]: change([...valid[stream]]) });
  const at = (index: number, value: number) => (items: number[]): number[] => items.map((item, i) => (i === index ? value : item));

  it('reads as nothing: wrong indices, lengths, sentinels and types, cut or padded streams, anything not a compact report', () => {
    const bad: [string, string][] = [
      ['not JSON', '{"format":'],
      ['empty', ''],
      ['the plain report', JSON.stringify(report([adr]))],
      ['another format', json({ ...valid, format: 'decision-orbit/v1+compact-2' })],
      ['a string index past the table', withStream('decisions', at(0, valid.strings.length))],
      ['a negative string index', withStream('decisions', at(0, -3))],
      ['null where a string must be', withStream('decisions', at(0, -1))],
      ['an enum past its list', withStream('decisions', at(1, DECISION_SOURCES.length))],
      ['a number index past the table (the first ADR\'s number)', withStream('decisions', at(5, valid.numbers.length))],
      ['a boolean that is not 0 or 1', withStream('people', at(6, 2))],
      ['a list longer than what is left', withStream('people', at(2, 10_000))],
      ['a negative list length', withStream('people', at(2, -5))],
      ['an absent required list', withStream('people', at(2, ABSENT))],
      ['a stream cut short', withStream('decisions', (items) => items.slice(0, -1))],
      ['a stream with one item too many', withStream('people', (items) => [...items, 0])],
      ['a fractional index', withStream('decisions', at(0, 0.5))],
      ['a string in a stream', json({ ...valid, decisions: ['0', ...valid.decisions.slice(1)] })],
      ['null in a stream', json({ ...valid, people: [null, ...valid.people.slice(1)] })],
      ['a number in the string table', json({ ...valid, strings: [1, ...valid.strings] })],
      ['an infinite number in the number table', json(valid).replace('"numbers":[', '"numbers":[1e999,')],
      ['no people stream', json({ ...valid, people: undefined })],
      ['a bus-factor reason past its list', withStream('busFactor', (items) => [...items.slice(0, -1), 2])],
      ['a bus-factor risk cut short', withStream('busFactor', (items) => items.slice(0, -1))],
      ['bus-factor risks in a report without insights', json({ ...valid, insights: undefined })],
      ['no bus-factor stream', json({ ...valid, busFactor: undefined })],
      ['a bad zone', json({ ...valid, report: { ...valid.report, zone: { overall: 'too-far' } } })],
    ];
    assert.ok(readEmbeddedReport(json(valid)), 'the unchanged encoding reads');
    for (const [what, text] of bad) assert.equal(readEmbeddedReport(text), undefined, what);
  });

  it('never throws, and what it reads is a valid report (property: any stream, any edit of a valid one)', () => {
    const parsed: CompactReport = compactReportSchema.parse(JSON.parse(json(valid)));
    const edit = fc.record({ stream: fc.constantFrom<'people' | 'decisions' | 'busFactor'>('people', 'decisions', 'busFactor'), index: fc.nat(), value: fc.integer({ min: -4, max: 200 }), cut: fc.nat() });
    fc.assert(fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
      const compact = { ...parsed, people: [...parsed.people], decisions: [...parsed.decisions], busFactor: [...parsed.busFactor] };
      for (const { stream, index, value, cut } of edits) {
        const items = compact[stream];
        items[index % items.length] = value;
        if (cut % 5 === 0) items.splice(cut % items.length, 1);
      }
      const decoded = decodeReport(compact);
      if (decoded) assert.ok(reportSchema.safeParse(decoded).success);
    }), { numRuns: 500 });
    fc.assert(fc.property(fc.array(fc.integer({ min: -3, max: 50 }), { maxLength: 60 }), fc.array(fc.integer({ min: -3, max: 50 }), { maxLength: 60 }), (somePeople, someDecisions) => {
      const decoded = decodeReport({ ...parsed, people: somePeople, decisions: someDecisions });
      if (decoded) assert.ok(reportSchema.safeParse(decoded).success);
    }), { numRuns: 500 });
    fc.assert(fc.property(fc.jsonValue(), (value) => {
      assert.equal(readEmbeddedReport(JSON.stringify(value) ?? ''), undefined);
    }), { numRuns: 200 });
    assert.equal(parsed.format, COMPACT_REPORT_FORMAT);
  });
});
