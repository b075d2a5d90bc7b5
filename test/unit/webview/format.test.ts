import assert from 'node:assert/strict';
import { formatCount, plural } from '../../../src/webview/format';

describe('map wording: counts', () => {
  it('writes a count as toLocaleString(\'en\') does, without Intl', () => {
    for (const count of [0, 1, 12, 999, 1000, 9999, 10_000, 123_456, 1_000_000, 98_765_432_101]) assert.equal(formatCount(count), count.toLocaleString('en'));
    assert.equal(plural(1, 'decision'), '1 decision');
    assert.equal(plural(10_000, 'decision'), '10,000 decisions');
  });
});
