// Variants of one name: literal spellings of initials, middle names and short first names.
import assert from 'node:assert/strict';
import { initialledName, isShortFormOf, variantJoins, type Namesake } from '../../../src/core/people/variants';

function namesake(person: string, names: string[], emails: string[] = [], logins: string[] = []): Namesake<string> {
  return { person, names, emails, logins };
}

describe('name variants', () => {
  it('reads a first name followed by initials only, as single letters or capitals run together', () => {
    assert.deepEqual(initialledName('Jo B'), { first: 'jo', initials: ['b'] });
    assert.deepEqual(initialledName('Sal C Y'), { first: 'sal', initials: ['c', 'y'] });
    assert.deepEqual(initialledName('Kim LK'), { first: 'kim', initials: ['l', 'k'] });
    assert.deepEqual(initialledName('Ann B. L.'), { first: 'ann', initials: ['b', 'l'] });
  });

  it('reads no initials in a full name, an initial first name, capitals beside a name in capitals, or a first name alone', () => {
    for (const name of ['Ann Lee', 'Ann B Lee', 'D Chua', 'JO BL', 'Li Wu', 'Anna', 'Jo B4']) assert.equal(initialledName(name), null, name);
  });

  it('knows a short form from the names it shortens only, either way round', () => {
    assert.ok(isShortFormOf('jon', 'jonathan'));
    assert.ok(isShortFormOf('jonathan', 'jon'));
    assert.ok(isShortFormOf('sam', 'samantha'));
    assert.equal(isShortFormOf('samuel', 'samantha'), false);
    assert.equal(isShortFormOf('jon', 'john'), false);
    assert.equal(isShortFormOf('jon', 'jon'), false);
  });

  it('joins a group in which each fits each other and no one outside, the fullest name first', () => {
    const joins = variantJoins([
      namesake('a', ['Ann Lee']), namesake('b', ['Ann B Lee']), namesake('c', ['Ann Beth Lee']), namesake('d', ['Bo Lee']),
    ]);
    assert.deepEqual(joins.map(({ a, b }) => [a, b]).sort(), [['c', 'a'], ['c', 'b']]);
  });

  it('joins nobody in a group where two do not fit each other', () => {
    assert.deepEqual(variantJoins([namesake('a', ['Ann Lee']), namesake('b', ['Ann B Lee']), namesake('c', ['Ann C Lee'])]), []);
    assert.deepEqual(variantJoins([namesake('b', ['Ann B Lee'], ['ann@north.example']), namesake('c', ['Ann C Lee'], ['ann@south.example'])]), []);
  });

  it('joins a first name with initials only where a login agrees, and never two people with no full name', () => {
    assert.equal(variantJoins([namesake('s', ['Jo B'], [], ['job-org']), namesake('f', ['Jo Bell'])]).length, 1);
    assert.equal(variantJoins([namesake('s', ['Jo B'], [], ['xyz']), namesake('f', ['Jo Bell'])]).length, 0);
    assert.equal(variantJoins([namesake('s', ['Jo B'], [], ['job-org']), namesake('t', ['Jo B.'], [], ['jo-b'])]).length, 0);
  });
});
