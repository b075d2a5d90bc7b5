// A first name alone beside full names that start with it: literal names as repositories show them.
import assert from 'node:assert/strict';
import type { Person } from '../../../src/core/model/report';
import { ambiguousFirstNames } from '../../../src/core/people/ambiguous';

function person(id: string, name: string, seenAs: string[] = []): Person {
  return { id, name, emails: [], aliases: [], isLeader: false, isBot: false, ...(seenAs.length > 0 ? { seenAs } : {}) };
}

describe('people known by a first name alone', () => {
  it('finds a first name, with or without initials, that begins another person\'s full name as written or in its long form', () => {
    const people = [
      person('anna', 'Anna', ['@ajwl']), person('anna-leach', 'Anna Leach'), person('anna-voelker', 'Anna Voelker'),
      person('olly', 'Olly', ['@ollyscoding']), person('oliver-lloyd', 'Oliver Lloyd'),
      person('george-b', 'George B', ['@georgeblahblah']), person('george-haberis', 'George Haberis'),
    ];
    assert.deepEqual([...ambiguousFirstNames(people)].sort(), ['anna', 'george-b', 'olly']);
  });

  it('leaves out a first name no one else\'s full name starts with, a full name, a login and someone with a full name among their names', () => {
    const people = [
      person('cristina', 'Cristina', ['@cristinaro']), person('anna-leach', 'Anna Leach'),
      person('charlotte', 'Charlotte Emms', ['Charlotte']), person('charlotte-2', 'Charlotte'),
      person('tariqmoj', 'tariqmoj'), person('tariq-mahmood', 'Tariq Mahmood'),
      person('annabel', 'Annabel'), person('jake-lk', 'Jake LK'),
    ];
    assert.deepEqual([...ambiguousFirstNames(people)], ['charlotte-2']);
  });
});
