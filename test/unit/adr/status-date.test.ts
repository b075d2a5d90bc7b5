import assert from 'node:assert/strict';
import { normalizeDate, normalizeStatus, parseAdr } from '../../../src/core/adr';

describe('status normalisation', () => {
  const cases: Array<[string, string, boolean]> = [
    ['Accepted', 'accepted', false],
    ['PROPOSED', 'proposed', false],
    ['Accepted (lazy consensus) & implemented', 'accepted', false],
    ['accepted; supersedes ADR-0045', 'accepted', false],
    ['Superseded by [ADR-0005](0005-x.md)', 'superseded', false],
    ['superceded by 7', 'superseded', false],
    ['Deprecated', 'deprecated', false],
    ['Depreciated.', 'deprecated', false],
    ['augmented by [ADR-0004](0004-decision-making.md)]', 'accepted', false],
    ['Proposed, amended by ADR-9', 'proposed', false],
    ['**outdated**', 'deprecated', false],
    ['Rejected', 'rejected', false],
    ['draft', 'proposed', false],
    ['Inprogress', 'proposed', false],
    ['in-review', 'proposed', false],
    ['**Accepted**', 'accepted', false],
    ['Merged', 'accepted', false],
    ['Merged into ADR-12', 'superseded', false],
    ['proposed, accepted, rejected, deprecated, superseded, ...', 'unknown', true],
    ['Accepted, superseded by ADR-9', 'superseded', false],
    ['{ accepted }', 'accepted', true],
    ['{proposed | rejected | accepted}', 'unknown', true],
    ['[proposed | accepted]', 'unknown', true],
    ['[Proposed, Accepted, Deprecated, Superseded]', 'unknown', true],
    ['banana', 'unknown', false],
    ['proposé', 'proposed', false],
    ['Acceptée', 'accepted', false],
    ['Remplacé par ADR-0007', 'superseded', false],
    ['Angenommen', 'accepted', false],
    ['nicht angenommen', 'unknown', false],
    ['Abgelehnt', 'rejected', false],
    ['Veraltet', 'deprecated', false],
    ['Propuesto', 'proposed', false],
    ['Obsoleto', 'deprecated', false],
    ['Aceito', 'accepted', false],
    ['Substituído por ADR-3', 'superseded', false],
    ['accepted2', 'unknown', false],
  ];
  for (const [text, status, placeholder] of cases) {
    it(`"${text}" → ${status}${placeholder ? ' (placeholder)' : ''}`, () => {
      assert.deepEqual(normalizeStatus(text), { status, placeholder });
    });
  }

  it('keeps the status text as written and reports an unknown one', () => {
    const record = parseAdr('docs/adr/0001-x.md', '---\nstatus: On hold\n---\n# X\n');
    assert.deepEqual([record.status, record.statusText], ['unknown', 'On hold']);
    assert.deepEqual(record.diagnostics.map((d) => [d.code, d.line]), [['unknown-status', 2]]);
  });
});

describe('date normalisation', () => {
  const cases: Array<[unknown, string | null]> = [
    ['2024-01-05', '2024-01-05'],
    ['2023-9-15', '2023-09-15'],
    ['2024/03/07', '2024-03-07'],
    ['2024-01-05T10:00:00Z', '2024-01-05'],
    ['September 20, 2024', '2024-09-20'],
    ['Sep 20 2024', '2024-09-20'],
    ['20 September 2024', '2024-09-20'],
    ['May 2025', '2025-05-01'],
    ['2025-05', '2025-05-01'],
    ['15.09.2023', '2023-09-15'],
    ['09/15/2023', '2023-09-15'],
    ['05/04/2023', null],
    ['20240105', '2024-01-05'],
    ['2025-11- 05', '2025-11-05'],
    ['1. 2. 2024', '2024-02-01'],
    ['2018-08-30; Last update date: 2019-04-09', '2018-08-30'],
    ['[2023-03-01]', '2023-03-01'],
    [['2023-03-01'], '2023-03-01'],
    [['2023-03-01', '2023-04-01'], null],
    ['February 2024 (7.0.0)', '2024-02-01'],
    ['05/04/2023 (agreed)', null],
    ['(2024-01-05)', null],
    [new Date(Date.UTC(2024, 1, 29)), '2024-02-29'],
    ['2023-02-30', null],
    ['[YYYY-MM-DD when the decision was last updated]', null],
    ['soon', null],
    [42.5, null],
  ];
  for (const [input, expected] of cases) {
    it(`${input instanceof Date ? 'a Date object' : JSON.stringify(input)} → ${expected}`, () => {
      assert.equal(normalizeDate(input), expected);
    });
  }

  it('turns an unreadable date into null with an unreadable-date diagnostic on its line', () => {
    const record = parseAdr('docs/adr/0001-x.md', '# X\n\n* Status: accepted\n* Date: [YYYY-MM-DD when the decision was last updated]\n');
    assert.equal(record.date, null);
    assert.deepEqual(record.diagnostics.map((d) => [d.code, d.line]), [['unreadable-date', 4]]);
  });

  it('reads an unquoted YAML date and a quoted one alike', () => {
    assert.equal(parseAdr('a/0001-x.md', '---\nstatus: accepted\ndate: 2024-01-05\n---\n# X\n').date, '2024-01-05');
    assert.equal(parseAdr('a/0001-x.md', '---\nstatus: accepted\ndate: "September 20, 2024"\n---\n# X\n').date, '2024-09-20');
  });
});
