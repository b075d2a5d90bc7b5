import assert from 'node:assert/strict';
import fc from 'fast-check';
import { utf8Text } from '../../../src/core/git/utf8-text';

describe('utf8Text', () => {
  it('gives what a UTF-8 decoder gives, for ASCII, for other letters and for a range', () => {
    const texts = ['<groupId>com.corp</groupId>\n', '<name>Søren Hilmer</name> — 日本\n', '', 'line\r\n\t{ "a": 1 }'];
    for (const text of texts) assert.equal(utf8Text(Buffer.from(text, 'utf8')), text);
    const bytes = Buffer.from('ab Søren cd', 'utf8');
    assert.equal(utf8Text(bytes, 3, bytes.length - 3), 'Søren');
    assert.equal(utf8Text(bytes, 0, 2), 'ab');
  });

  it('decodes a broken sequence as UTF-8 does, not as Latin-1', () => {
    const broken = Buffer.from([0x61, 0xc3, 0x28, 0x62]);
    assert.equal(utf8Text(broken), broken.toString('utf8'));
    assert.notEqual(utf8Text(broken), broken.toString('latin1'));
  });

  it('decodes a large text block by block as one decoder would, whatever letters or broken bytes it holds', () => {
    const around = 'a'.repeat(16 * 1024 - 1);
    for (const letter of ['ø', '日', '😀']) assert.equal(utf8Text(Buffer.from(`${around}${letter}b`)), `${around}${letter}b`);
    const piece = fc.oneof(
      fc.string({ unit: 'binary-ascii', maxLength: 1500 }).map((text) => Buffer.from(text, 'latin1')),
      fc.string({ unit: 'grapheme', maxLength: 40 }).map((text) => Buffer.from(text, 'utf8')),
      fc.uint8Array({ minLength: 1, maxLength: 6 }).map((bytes) => Buffer.from(bytes)),
    );
    fc.assert(fc.property(fc.array(piece, { minLength: 40, maxLength: 120 }), (pieces) => {
      const bytes = Buffer.concat(pieces);
      assert.equal(utf8Text(bytes), bytes.toString('utf8'));
      assert.equal(utf8Text(bytes, 7, bytes.length - 3), bytes.toString('utf8', 7, bytes.length - 3));
    }), { numRuns: 200 });
  });
});
