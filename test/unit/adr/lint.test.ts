import assert from 'node:assert/strict';
import { lintAdrs, parseAdr } from '../../../src/core/adr';
import type { ParsedAdr } from '../../../src/core/model/adr';

const codes = (map: Map<string, ReadonlyArray<{ code: string; line: number }>>, file: string): Array<[string, number]> =>
  (map.get(file) ?? []).map((d) => [d.code, d.line]);

describe('lintAdrs', () => {
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
