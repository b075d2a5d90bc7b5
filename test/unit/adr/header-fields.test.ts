import assert from 'node:assert/strict';
import { opensPeopleField, readHeaderLine } from '../../../src/core/adr/header-fields';

describe('lines that open a people field', () => {
  it('are every spelling the parser reads people from', () => {
    const opening = ['Deciders: Ann Lee', '* Approvers: ', 'decision-makers:', '**Reviewed by:** Bob', 'informed: []', '- Consulted: Dana', '* Owners:'];
    assert.deepEqual(opening.map(opensPeopleField), opening.map(() => true));
  });

  it('are not other fields, headings or the names under a field', () => {
    const other = ['Status: accepted', '# Deciders', '- Dana Chen', 'Date: 2024-01-05', 'Tags: db', 'The deciders met on Monday.'];
    assert.deepEqual(other.map(opensPeopleField), other.map(() => false));
  });
});

describe('fields in French, German, Spanish and Portuguese', () => {
  it('reads the labels of MADR\'s fields as the English ones, accents and all', () => {
    const lines = ['* statut : proposé', '* décisionnaires : CTO', '* consultés : Ann Lee', '* informés : équipe intégration', 'Entscheidungsträger: Jan Weber', '- Estado: Aceptado', '| **Situação** | Aceito |', 'Datum: 2024-03-01'];
    assert.deepEqual(lines.map((line) => [readHeaderLine(line)?.field, readHeaderLine(line)?.value]), [
      ['status', 'proposé'], ['decisionMakers', 'CTO'], ['consulted', 'Ann Lee'], ['informed', 'équipe intégration'], ['decisionMakers', 'Jan Weber'],
      ['status', 'Aceptado'], ['status', 'Aceito'], ['date', '2024-03-01'],
    ]);
  });
});

describe('a table of fields under the title', () => {
  const read = (row: string): [string, string, string] | null => {
    const field = readHeaderLine(row);
    return field ? [field.field, field.value, row.slice(field.valueStart, field.valueEnd)] : null;
  };

  it('reads a two-column row whose first cell is a field label, its value cell as written', () => {
    assert.deepEqual(read('|Status  |Approved|'), ['status', 'Approved', 'Approved']);
    assert.deepEqual(read('| Date | 2023-10-12 |'), ['date', '2023-10-12', '2023-10-12']);
    assert.deepEqual(read('| **Deciders** | Ann Lee, Bob Stone'), ['decisionMakers', 'Ann Lee, Bob Stone', 'Ann Lee, Bob Stone']);
    assert.deepEqual(read('|Status  |`Implemented`|'), ['status', 'Implemented', '`Implemented`']);
    assert.deepEqual(read('|Date|[2026-05-01]|'), ['date', '2026-05-01', '[2026-05-01]']);
    assert.deepEqual(read('| Tags | client \\| server |'), ['tags', 'client \\| server', 'client \\| server']);
    assert.deepEqual(read('| Status | |'), ['status', '', '']);
    // In a block quote, code spans formatting part of a cell (NHS England's repository template).
    assert.deepEqual(read('>| Date         | `04/07/2023`                                         |'), ['date', '04/07/2023', '`04/07/2023`']);
    assert.deepEqual(read('>| Deciders     | `Tech Radar, Engineering,` ... |'), ['decisionMakers', 'Tech Radar, Engineering, ...', '`Tech Radar, Engineering,` ...']);
  });

  it('reads no header row, separator, wider table or row of another label', () => {
    for (const row of ['|Metadata|Value|', '|--------|-----|', '| :--- | ---: |', '|Revision|Date|Author|Info|', '|1       |2023-10-12|@author|Initial|', '| Author | @ripienaar |', '| Status | Accepted | 2024 |', 'Status | Accepted']) {
      assert.equal(read(row), null, row);
    }
  });
});
