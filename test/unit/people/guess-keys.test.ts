// The guesser asks `loginSpellsName` only of full names whose keys a login holds: a login
// that spells a name must hold one of its keys, or a guess would be lost.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fitKeys, loginKeys } from '../../../src/core/people/guess';
import { loginSpellsName, nameParts, type NameParts } from '../../../src/core/people/logins';

/** The family-name loop as it was written before it compared the letters both share once. */
function spelledBefore(login: string, parts: NameParts, domains: ReadonlySet<string>): boolean {
  const text = login.toLowerCase();
  if (!/^[a-z\d][a-z\d._-]*$/.test(text)) return false;
  for (let i = 1; i <= parts.first.length && text[i - 1] === parts.first[i - 1]; i += 1) {
    const rest = text.slice(i).replace(/^[._-]/, '');
    for (const surname of parts.surnames) {
      for (let j = surname.length; j >= 2; j -= 1) {
        if (j !== surname.length && j < (i === 1 ? 4 : 3)) break;
        const suffix = rest.slice(j);
        const fits = suffix === '' || /^\d+$/.test(suffix) || /^[._-][a-z\d]+(?:[._-][a-z\d]+)*$/.test(suffix) || domains.has(/^([a-z]+)\d*$/.exec(suffix)?.[1] ?? '');
        if (i + j >= 5 && rest.startsWith(surname.slice(0, j)) && fits) return true;
      }
    }
  }
  const letters = text.replace(/[._-]/g, '').replace(/\d+$/, '');
  return parts.surnames.some((surname) => surname.length >= 4 && letters.length >= parts.first.length + 2 + surname.length
    && letters.startsWith(parts.first) && letters.endsWith(surname));
}

const word = fc.stringMatching(/^[a-z]{2,7}$/);
const names = fc.tuple(word, fc.array(word, { maxLength: 1 }), word).map(([first, middles, last]) => [first, ...middles, last].join(' '));
/** Logins made of pieces of the name, so that many spell it. */
const loginOf = (name: string): fc.Arbitrary<string> => {
  const words = name.split(' ');
  const piece = fc.constantFrom(...words).chain((w) => fc.integer({ min: 1, max: w.length }).map((n) => w.slice(0, n)));
  return fc.tuple(fc.array(piece, { minLength: 1, maxLength: 3 }), fc.constantFrom('', '.', '-', '_'), fc.constantFrom('', '42', '-acme', 'gov', 'x'))
    .map(([pieces, separator, suffix]) => `${pieces.join(separator)}${suffix}`);
};

describe('the keys a login must hold to spell a name', () => {
  it('reads a login as it did before, and every login that spells a name holds one of its keys', () => {
    fc.assert(fc.property(names.chain((name) => fc.tuple(fc.constant(name), loginOf(name))), ([name, login]) => {
      const parts = nameParts(name);
      assert.ok(parts);
      const domains = new Set(['gov']);
      const spelled = loginSpellsName(login, parts, domains);
      assert.equal(spelled, spelledBefore(login, parts, domains), `${login} ${name}`);
      if (spelled) assert.ok(loginKeys(login).some((key) => fitKeys(parts).includes(key)), `${login} ${name}`);
    }), { numRuns: 3000 });
  });

  it('keys a name by its initial and each family name, and a login by its first letter and each two letters after it', () => {
    assert.deepEqual(fitKeys({ first: 'zef', surnames: ['kynaston', 'cherrykynaston'] }), ['zky', 'zch', '=zef']);
    assert.deepEqual(loginKeys('J-Smi4'), ['jsm', 'jmi', 'ji4']);
    assert.deepEqual(loginKeys('jo'), []);
  });
});
