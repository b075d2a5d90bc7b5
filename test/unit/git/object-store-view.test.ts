// The replacements copied into a partial clone's object-store view: only what git
// itself would name a replacement, whatever else for-each-ref's output holds.
import assert from 'node:assert/strict';
import { packedReplaceRefs } from '../../../src/core/git/object-store-view';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);

describe('object-store view: packed replace refs', () => {
  it('keeps well-formed replacements and drops every other line', () => {
    const output = [
      `${A} refs/replace/${B}`,
      `${B} refs/heads/main`,
      `${A} refs/replace/${B}\n${A} refs/replace/../../config`,
      `${'c'.repeat(64)} refs/replace/${'d'.repeat(64)}`,
      'not a ref',
    ].join('\n');
    assert.equal(packedReplaceRefs(output), `${A} refs/replace/${B}\n${A} refs/replace/${B}\n${'c'.repeat(64)} refs/replace/${'d'.repeat(64)}\n`);
    assert.equal(packedReplaceRefs(''), '');
  });
});
