import assert from 'node:assert/strict';
import { parseAdr } from '../../../src/core/adr';

describe('parseAdr: traps', () => {
  it('reads a record with a byte-order mark and CRLF line ends', () => {
    const record = parseAdr('docs/adr/0003-x.md', '\uFEFF---\r\nstatus: accepted\r\ndate: 2026-02-10\r\ndecision-makers: [Ann]\r\n---\r\n\r\n# Use flags\r\n');
    assert.equal(record.dialect, 'madr4');
    assert.equal(record.title, 'Use flags');
    assert.equal(record.date, '2026-02-10');
    assert.deepEqual(record.decisionMakers, [{ text: 'Ann', line: 4 }]);
  });

  it('reads a Nygard record with a BOM and CRLF', () => {
    const record = parseAdr('d/0004-x.md', '\uFEFF# 4. Use Go\r\n\r\nDate: 2024-03-01\r\n\r\n## Status\r\n\r\nAccepted\r\n');
    assert.equal(record.title, 'Use Go');
    assert.equal(record.statusText, 'Accepted');
    assert.equal(record.date, '2024-03-01');
  });

  it('survives malformed YAML front matter with a diagnostic', () => {
    const record = parseAdr('docs/adr/0008-bad.md', '---\nstatus: [accepted\ndeciders: : :\n---\n\n# Bad yaml\n');
    assert.equal(record.title, 'Bad yaml');
    assert.ok(record.diagnostics.some((d) => d.code === 'malformed-front-matter' && d.severity === 'error'));
  });

  it('still reads status and people from front matter YAML rejects, line by line', () => {
    const record = parseAdr('docs/adr/0008-x.md', '---\nstatus: [accepted\ndeciders: Carol: lead, Dana\nconsulted: [Eve, "Frank"]\ninformed:\n  - Gus: ops\n---\n\n# X\n');
    assert.deepEqual([record.status, record.statusText, record.dialect], ['accepted', '[accepted', 'madr3']);
    assert.deepEqual([record.decisionMakers, record.consulted, record.informed], [
      [{ text: 'Carol: lead', line: 3 }, { text: 'Dana', line: 3 }], [{ text: 'Eve', line: 4 }, { text: 'Frank', line: 4 }], [{ text: 'Gus: ops', line: 6 }],
    ]);
    assert.deepEqual(record.diagnostics.map((d) => d.code), ['malformed-front-matter']);
  });

  it('still reads the names of `deciders: @handle, ..`, which YAML rejects, and says the YAML is invalid', () => {
    const record = parseAdr('docs/adr/0007-x.md', '---\nstatus: accepted\ndeciders: @fosei, Carol Diaz\n---\n\n# X\n');
    assert.equal(record.dialect, 'madr3');
    assert.deepEqual(record.decisionMakers, [{ text: '@fosei', line: 3 }, { text: 'Carol Diaz', line: 3 }]);
    assert.deepEqual(record.diagnostics.map((d) => d.code), ['malformed-front-matter']);
  });

  it('flags `{ accepted }`, which YAML reads as a map, as a placeholder status', () => {
    const record = parseAdr('docs/adr/0009-x.md', '---\nstatus: { accepted }\n---\n\n# X\n');
    assert.equal(record.statusText, '{ accepted }');
    assert.equal(record.status, 'accepted');
    assert.deepEqual(record.diagnostics.map((d) => [d.code, d.line, d.message]), [['placeholder-status', 2, 'status "{ accepted }" is in braces (template text left in, a map to YAML): read as accepted; write accepted']]);
  });

  it('flags the unfilled template choice as a placeholder with unknown status', () => {
    const record = parseAdr('docs/adr/0010-x.md', '# X\n\n* Status: [proposed | rejected | accepted | deprecated | … | superseded by [ADR-0005](0005-example.md)]\n');
    assert.equal(record.status, 'unknown');
    assert.ok(record.diagnostics.some((d) => d.code === 'placeholder-status' && / is a template placeholder$/.test(d.message)));
  });

  it('finds a status section at the end of the file', () => {
    const record = parseAdr('d/0005-x.md', '# 5. X\n\n## Context\n\nStuff.\n\n## Decision\n\nDo it.\n\n## Status\n\nDeprecated\n');
    assert.equal(record.status, 'deprecated');
    assert.equal(record.dialect, 'nygard');
  });

  it('reads `# 10 Title` and `#46.Title` and takes the number from the title when the file name has none', () => {
    const cases: Array<[path: string, text: string, number: number, title: string]> = [
      ['docs/adr/cache.md', '# 10 Cache results\n\nStatus: accepted\n', 10, 'Cache results'],
      ['docs/adr/queue.md', '#46.Use a queue\n', 46, 'Use a queue'],
      ['docs/adr/x.md', '# ADR-0012: Split the monolith\n', 12, 'Split the monolith'],
      ['docs/adr/adr-001-devnet-node.md', '# ADR #001: Devnet Celestia Node\n', 1, 'Devnet Celestia Node'],
      ['docs/arch/adr-001-pass-ids.md', '# Decision Record: Pass anonymised user IDs\n', 1, 'Pass anonymised user IDs'],
      ['docs/adr/0004-x.md', '# 4. content-object-store-added-with-a-rails-engine\n', 4, 'Content object store added with a rails engine'],
    ];
    for (const [file, text, number, title] of cases) {
      const record = parseAdr(file, text);
      assert.deepEqual([record.number, record.title], [number, title], text);
    }
    assert.equal(parseAdr('docs/adr/0005-x.md', '# 5. Use read-through-cache\n').title, 'Use read-through-cache');
  });

  it('leaves the attributes a heading carries out of the title and the section names (`{#adr_0002}`, `{: .note}`)', () => {
    const record = parseAdr('docs/adr/0002-response-objects.md', '# 2) Don\'t use serialized entities {#rest_adr_0002}\n\nDate: 2022-05-09\n\n## Status {#status}\n\nsuperseded\n\n## Context\n\nStuff.\n');
    assert.deepEqual([record.number, record.title, record.status], [2, "Don't use serialized entities", 'superseded']);
    const setext = parseAdr('docs/adr/0003-x.md', 'Use a queue {#adr-3}\n===========\n\nStatus: accepted\n');
    assert.equal(setext.title, 'Use a queue');
    assert.equal(parseAdr('docs/adr/0004-x.md', '# Use a queue {: .lead #adr-4}\n').title, 'Use a queue');
    assert.equal(parseAdr('docs/adr/0005-x.md', '# Use {braces} in names\n').title, 'Use {braces} in names');
  });

  it('takes the title from the file name when there is no heading', () => {
    const record = parseAdr('docs/adr/0011-use-grpc-internally.md', 'Status: proposed\n\nWe use gRPC.\n');
    assert.deepEqual([record.title, record.titleLine, record.number], ['Use grpc internally', 1, 11]);
  });

  it('skips an HTML comment before the title, and headings inside code fences', () => {
    const record = parseAdr('docs/adr/0012-x.md', '<!--\n# Not the title\n-->\n```md\n# Not this either\n```\n# The title\n');
    assert.deepEqual([record.title, record.titleLine], ['The title', 7]);
  });

  it('reads a folder-per-record README: number and category from the folders', () => {
    const record = parseAdr('docs/adr/backend/0013-use-redis/README.md', '# Use Redis\n\n* Status: accepted\n');
    assert.deepEqual([record.number, record.category], [13, 'backend']);
  });

  it('never throws on odd input', () => {
    for (const text of ['', '---', '---\n---\n', '\u0000\u0001', '#', '# \n', '* Status:', '---\n: x\n---\n', 'a'.repeat(5000)]) {
      const record = parseAdr('docs/adr/0001-x.md', text);
      assert.equal(record.path, 'docs/adr/0001-x.md');
    }
  });

  it('parses a 10 MB record', () => {
    const text = `# 1. Huge\n\nDate: 2024-01-01\n\n## Status\n\nAccepted\n\n## Context\n\n${'Lorem ipsum dolor sit amet. '.repeat(380_000)}\n`;
    assert.ok(text.length > 10_000_000);
    const record = parseAdr('docs/adr/0001-huge.md', text);
    assert.deepEqual([record.title, record.status, record.date], ['Huge', 'accepted', '2024-01-01']);
  });
});
