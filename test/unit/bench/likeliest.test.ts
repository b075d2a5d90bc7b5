import assert from 'node:assert/strict';
import { gradeLikeliest } from '../../../bench/corpus/likeliest';

describe('bench corpus: labelled leaders among the likeliest', () => {
  const roster = [
    { name: 'Ethan Buchman', role: 'CTO', identities: ['Ethan Buchman', 'ebuchman', 'ethan@coinculture.info'], why: 'merges' },
    { name: 'Thane Thomson', role: 'Lead', identities: ['Thane Thomson', 'thanethomson'], why: 'ADR deciders' },
    { name: 'Anton Kaliaev', role: 'Lead', identities: ['Anton Kaliaev', 'melekes'], why: 'ADR deciders' },
  ];

  it('finds a leader by their name or a name they are labelled under, whatever the spelling', () => {
    const graded = gradeLikeliest({ roster }, {
      people: [{ id: 'a', name: 'ETHAN  buchman' }, { id: 'b', name: 'melekes' }, { id: 'c', name: 'Jae Kwon' }],
      suggested: [{ person: 'c' }, { person: 'a' }, { person: 'b' }],
    });
    assert.deepEqual(graded, { found: ['Ethan Buchman', 'Anton Kaliaev'], suggested: ['Jae Kwon', 'ETHAN  buchman', 'melekes'] });
  });

  it('finds nobody when nobody is suggested, and never by an address', () => {
    assert.deepEqual(gradeLikeliest({ roster }, { people: [], suggested: [] }), { found: [], suggested: [] });
    assert.deepEqual(gradeLikeliest({ roster }, { people: [{ id: 'x', name: 'ethan coinculture info' }], suggested: [{ person: 'x' }] }).found, []);
  });
});
