import assert from 'node:assert/strict';
import { lintAdrs, parseAdr } from '../../../src/core/adr';
import { findingWarning, warningFinding } from '../../../src/core/adr/lint';
import type { ParsedAdr } from '../../../src/core/model/adr';

const codes = (map: Map<string, ReadonlyArray<{ code: string; line: number }>>, file: string): Array<[string, number]> =>
  (map.get(file) ?? []).map((d) => [d.code, d.line]);

describe('lintAdrs', () => {
  it('names the value or name each finding is about, and flags a date left in template braces', () => {
    const record = parseAdr('docs/adr/0001-a.md', '---\nstatus: maybe later\ndate: {2024-01-02}\ndeciders: Dana Chen, Zed Quinn\n---\n# A\n');
    const found = lintAdrs([record], (text) => text === 'Dana Chen').get('docs/adr/0001-a.md') ?? [];
    assert.deepEqual(found.filter((d) => d.subject !== undefined).map((d) => [d.code, d.line, d.subject]), [
      ['unknown-status', 2, 'maybe later'],
      ['braced-date', 3, '{2024-01-02}'],
      ['unknown-person', 4, 'Zed Quinn'],
    ]);
    // The date is still read: the braces are the template's, the finding says how to write it.
    assert.equal(record.date, '2024-01-02');
    assert.match(found.find((d) => d.code === 'braced-date')?.message ?? '', /write 2024-01-02$/);
  });

  it('turns a finding into a report warning and back to the same code and message', () => {
    const finding = { code: 'unknown-status', message: 'status "x" is none of proposed', line: 7, severity: 'warning' as const };
    const warning = findingWarning('docs/adr/0001-a.md', finding);
    assert.deepEqual(warning, { code: 'adr-unknown-status', message: 'docs/adr/0001-a.md:7: status "x" is none of proposed', path: 'docs/adr/0001-a.md', line: 7 });
    assert.deepEqual(warningFinding(warning), { code: 'unknown-status', message: 'status "x" is none of proposed', line: 7 });
    assert.equal(warningFinding({ code: 'adr-none-found', message: 'looked in 3 folders', path: null }), null);
  });

  it('reports every rule with a stable code and line', () => {
    const records: ParsedAdr[] = [
      parseAdr('docs/adr/0001-a.md', '---\nstatus: superseded\ndate: soon\ndecision-makers: [Dana Chen, Nobody Known]\n---\n# A\n'),
      parseAdr('docs/adr/0001-b.md', '---\nstatus: "{ accepted | proposed }"\n---\n# B\n\nSupersedes [gone](0099-gone.md)\n'),
      parseAdr('docs/adr/0002-c.md', '---\nstatus: banana\ndecision-makers: [Dana Chen]\n---\n# C\n'),
    ];
    const found = lintAdrs(records, (text) => text === 'Dana Chen');
    assert.deepEqual(codes(found, 'docs/adr/0001-a.md'), [['unreadable-date', 3], ['superseded-without-successor', 6], ['duplicate-number', 6], ['unknown-person', 4]]);
    assert.deepEqual(codes(found, 'docs/adr/0001-b.md'), [['placeholder-status', 2], ['no-decision-makers', 4], ['broken-link', 6], ['duplicate-number', 4]]);
    assert.deepEqual(codes(found, 'docs/adr/0002-c.md'), [['unknown-status', 2]]);
  });

  it('says nothing about people when no resolver is given, nor about a superseded record with a successor', () => {
    const record = parseAdr('docs/adr/0001-a.md', '# 1. A\n\nDate: 2024-01-01\nDeciders: Someone\n\n## Status\n\nSuperseded by [2. B](0002-b.md)\n');
    const resolved: ParsedAdr = { ...record, links: record.links.map((l) => ({ ...l, resolvedPath: 'docs/adr/0002-b.md' })) };
    assert.deepEqual(lintAdrs([resolved]).get('docs/adr/0001-a.md'), []);
  });
});
