// The compact form the map app receives its report in: what encodeReport writes,
// decodeReport reads back as the same report; anything else reads as nothing,
// never as a throw (the page's data block is a file anyone can edit).
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { syntheticReport } from '../../../bench/synthetic-report';
import { computeZones } from '../../../src/rules/zone';
import { compactReportSchema, COMPACT_REPORT_FORMAT, encodeReport, type CompactReport } from '../../../src/protocol/compact-report';
import { ABSENT, Malformed, NULL, Reader, Writer } from '../../../src/protocol/compact-streams';
import {
  DECISION_KINDS, DECISION_SOURCES, DECISION_STATUSES, EVIDENCE_ROLES, EVIDENCE_SOURCES, INVOLVEMENTS, REPORT_SCHEMA_ID, SIGNAL_KINDS, reportSchema,
  type Decision, type Report,
} from '../../../src/core/model/report';
import { jsonForScriptBlock } from '../../../src/present/map-page';
import { decodeReport, readEmbeddedReport } from '../../../src/protocol/decode-report';
import { asTheMapCarriesIt } from '../../fixtures/map-report';

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

/** A stream's values, as the reader takes them. */
function values(text: string): number[] {
  const input = new Reader(text);
  const items: number[] = [];
  while (!input.done) items.push(input.next());
  return items;
}

/** A stream of these values. */
function stream(items: readonly number[]): string {
  const out = new Writer();
  for (const item of items) out.integer(item);
  return out.text;
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
      assert.deepStrictEqual(decodeReport(encodeReport(r)), asTheMapCarriesIt(r));
      assert.deepStrictEqual(throughPage(r), JSON.parse(JSON.stringify(asTheMapCarriesIt(r))));
    }
  });

  it('keeps a `__proto__` person id a plain key of the levels, not a prototype', () => {
    const levels = JSON.parse('{"__proto__": "decided"}') as Record<string, Decision['involvement']>;
    const decoded = throughPage(report([{ ...adr, involvementByLeader: levels }]));
    const byLeader = decoded?.decisions[0]?.involvementByLeader;
    assert.deepEqual(Object.entries(byLeader ?? {}), [['__proto__', 'decided']]);
    assert.equal(Object.getPrototypeOf(byLeader), Object.prototype);
  });

  it('is a fraction of the plain report at 10,000 decisions', () => {
    const big = syntheticReport();
    assert.ok(jsonForScriptBlock(encodeReport(big)).length < JSON.stringify(big).length / 3.5);
  });

  it('gives the most used strings the shortest codes, and those used once a code of one character', () => {
    const compact = encodeReport(report([adr, { ...adr, id: 'adr:b', title: 'B' }], people));
    // Used by both decisions, more than any other string: first in the shared table.
    assert.equal(compact.strings.shared[0], 'dana');
    assert.ok(!compact.strings.shared.includes('Use PostgreSQL'));
    assert.deepEqual(compact.strings.once.slice(0, 2), ['Dana Chen', 'dana@acme.io'], 'in the order the streams meet them');
    assert.equal(values(compact.decisions)[0], 0, 'the first decision\'s id: the next string used once');
  });

  it('writes and reads back any stream value, each in as few digits as it needs (property)', () => {
    fc.assert(fc.property(fc.array(fc.oneof(fc.integer({ min: ABSENT, max: 40 }), fc.integer({ min: ABSENT, max: 2 ** 35 - 3 }))), (items) => {
      const text = stream(items);
      assert.deepEqual(values(text), items);
      assert.equal(text.length, items.reduce((sum, item) => sum + Math.max(1, Math.ceil(Math.log2(item + 3) / 5)), 0));
    }), { numRuns: 300 });
    assert.equal(stream([ABSENT, NULL, 29, 30]), 'ABf' + 'gB');
    assert.throws(() => stream([ABSENT - 1]), RangeError);
    assert.throws(() => stream([2 ** 35]), RangeError);
    assert.throws(() => stream([0.5]), RangeError);
    // Strings and numbers are table codes: a stream without tables holds neither, either way.
    assert.throws(() => new Writer().string('x'), RangeError);
    assert.throws(() => new Writer().number(1), RangeError);
    assert.throws(() => new Reader('A').string(), Malformed);
    assert.throws(() => new Reader('A').number(), Malformed);
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
      assert.deepStrictEqual(decodeReport(encodeReport(r)), asTheMapCarriesIt(r));
      assert.deepStrictEqual(throughPage(r), JSON.parse(JSON.stringify(asTheMapCarriesIt(r))));
    }), { numRuns: 300 });
  });
});

describe('compact report: bad encodings', () => {
  const valid = encodeReport(report([adr, bare], people));
  const json = (compact: unknown): string => JSON.stringify(compact);
  type Stream = 'people' | 'decisions' | 'busFactor';
  const withStream = (name: Stream, change: (items: number[]) => number[]): string => json({ ...valid, [name]: stream(change(values(valid[name]))) });
  const withText = (name: Stream, change: (text: string) => string): string => json({ ...valid, [name]: change(valid[name]) });
  const at = (index: number, value: number) => (items: number[]): number[] => items.map((item, i) => (i === index ? value : item));

  it('reads as nothing: wrong codes, lengths, sentinels, digits and types, cut or padded streams and tables, anything not a compact report', () => {
    const bad: [string, string][] = [
      ['not JSON', '{"format":'],
      ['empty', ''],
      ['the plain report', JSON.stringify(report([adr]))],
      ['another format', json({ ...valid, format: 'decision-orbit/v2+compact-4' })],
      ['a string code past the shared table', withStream('decisions', at(0, valid.strings.shared.length + 1))],
      ['absent where a string must be', withStream('decisions', at(0, ABSENT))],
      ['null where a string must be', withStream('decisions', at(0, NULL))],
      ['an enum past its list', withStream('decisions', at(1, DECISION_SOURCES.length))],
      ['a number code past the shared table (the first ADR\'s number)', withStream('decisions', at(5, valid.numbers.shared.length + 1))],
      ['a boolean that is not 0 or 1', withStream('people', at(6, 2))],
      ['a list longer than what is left', withStream('people', at(2, 10_000))],
      ['a null list length', withStream('people', at(2, NULL))],
      ['an absent required list', withStream('people', at(2, ABSENT))],
      ['a stream cut short', withStream('decisions', (items) => items.slice(0, -1))],
      ['a stream with one item too many', withStream('people', (items) => [...items, 0])],
      ['a character outside the digits', withText('decisions', (text) => `${text.slice(0, 3)}!${text.slice(3)}`)],
      ['a character past ASCII', withText('people', (text) => `\u00c4${text.slice(1)}`)],
      ['a value cut in its middle (a continuation digit last)', withText('busFactor', (text) => `${text}g`)],
      ['a value of more than seven digits', withText('decisions', (text) => `${'g'.repeat(8)}A${text}`)],
      ['more strings used once than the streams use', json({ ...valid, strings: { ...valid.strings, once: [...valid.strings.once, 'extra'] } })],
      ['fewer strings used once than the streams use', json({ ...valid, strings: { ...valid.strings, once: valid.strings.once.slice(0, -1) } })],
      ['a number used once left over', json({ ...valid, numbers: { ...valid.numbers, once: [...valid.numbers.once, 3] } })],
      ['an array where a stream must be', json({ ...valid, decisions: values(valid.decisions) })],
      ['null for a stream', json({ ...valid, people: null })],
      ['a table as one array', json({ ...valid, strings: [...valid.strings.shared, ...valid.strings.once] })],
      ['a number in the string table', json({ ...valid, strings: { ...valid.strings, shared: [1, ...valid.strings.shared] } })],
      ['an infinite number in the number table', json(valid).replace('"numbers":{"shared":[', '"numbers":{"shared":[1e999,')],
      ['no people stream', json({ ...valid, people: undefined })],
      ['a bus-factor reason past its list', withStream('busFactor', (items) => [...items.slice(0, -1), 2])],
      ['a bus-factor risk cut short', withStream('busFactor', (items) => items.slice(0, -1))],
      ['bus-factor risks in a report without insights', json({ ...valid, insights: undefined })],
      ['no bus-factor stream', json({ ...valid, busFactor: undefined })],
      ['a bad zone', json({ ...valid, report: { ...valid.report, zone: { overall: 'too-far' } } })],
    ];
    assert.ok(readEmbeddedReport(json(valid)), 'the unchanged encoding reads');
    assert.ok(json(valid).includes('"numbers":{"shared":['), 'the infinite number lands in the table');
    for (const [what, text] of bad) assert.equal(readEmbeddedReport(text), undefined, what);
  });

  it('never throws, and what it reads is a valid report (property: any stream, any edit of a valid one)', () => {
    const parsed: CompactReport = compactReportSchema.parse(JSON.parse(json(valid)));
    const edit = fc.record({ stream: fc.constantFrom<Stream>('people', 'decisions', 'busFactor'), index: fc.nat(), value: fc.integer({ min: ABSENT, max: 200 }), cut: fc.nat() });
    fc.assert(fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
      const streams = { people: values(parsed.people), decisions: values(parsed.decisions), busFactor: values(parsed.busFactor) };
      for (const { stream: name, index, value, cut } of edits) {
        const items = streams[name];
        items[index % items.length] = value;
        if (cut % 5 === 0) items.splice(cut % items.length, 1);
      }
      const decoded = decodeReport({ ...parsed, people: stream(streams.people), decisions: stream(streams.decisions), busFactor: stream(streams.busFactor) });
      if (decoded) assert.ok(reportSchema.safeParse(decoded).success);
    }), { numRuns: 500 });
    const digits = fc.string({ unit: fc.constantFrom(...'ABCDghij-_!\u00c4'), maxLength: 80 });
    fc.assert(fc.property(digits, digits, digits, (somePeople, someDecisions, someRisks) => {
      const decoded = decodeReport({ ...parsed, people: somePeople, decisions: someDecisions, busFactor: someRisks });
      if (decoded) assert.ok(reportSchema.safeParse(decoded).success);
    }), { numRuns: 500 });
    fc.assert(fc.property(fc.jsonValue(), (value) => {
      assert.equal(readEmbeddedReport(JSON.stringify(value) ?? ''), undefined);
    }), { numRuns: 200 });
    assert.equal(parsed.format, COMPACT_REPORT_FORMAT);
  });
});
