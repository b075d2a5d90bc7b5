import assert from 'node:assert/strict';
import fc from 'fast-check';
import { codeUnitOrder, collatedSort } from '../../../src/core/util/collated-sort';

const collator = new Intl.Collator();

describe('collated sort: the collator order at code-unit cost', () => {
  it('gives exactly what a sort with the collator gives, for ASCII ids and for ones where the two orders differ', () => {
    const ids = fc.array(fc.stringMatching(/^[a-zA-Z0-9:._\-/ ]{0,8}$/), { maxLength: 60 });
    fc.assert(fc.property(ids, (list) => {
      assert.deepEqual(collatedSort([...list], collator.compare, codeUnitOrder), [...list].sort(collator.compare));
    }));
  });

  it('keeps the original order of items the comparator holds equal', () => {
    const items = [{ key: 'b', n: 1 }, { key: 'a', n: 2 }, { key: 'b', n: 3 }, { key: 'a', n: 4 }];
    const byKey = (x: { key: string }, y: { key: string }): number => collator.compare(x.key, y.key);
    const byN = (x: { n: number }, y: { n: number }): number => y.n - x.n;
    assert.deepEqual(collatedSort([...items], byKey, byN).map((x) => x.n), [2, 4, 1, 3]);
  });

  it('keeps code-unit order when the collator agrees (commit ids, PR units)', () => {
    const units = ['pr-12', '0a1b', 'pr-3', 'ffee', 'pr-100'];
    assert.deepEqual(collatedSort([...units], collator.compare, codeUnitOrder), ['0a1b', 'ffee', 'pr-100', 'pr-12', 'pr-3']);
  });
});
