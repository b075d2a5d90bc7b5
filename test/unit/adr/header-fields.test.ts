import assert from 'node:assert/strict';
import { opensPeopleField } from '../../../src/core/adr/header-fields';

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
