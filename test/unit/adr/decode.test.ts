import assert from 'node:assert/strict';
import { decodeAdrText } from '../../../src/core/adr';
import { looksBinary } from '../../../src/core/adr/decode';

describe('decodeAdrText', () => {
  it('strips a UTF-8 byte-order mark', () => {
    assert.deepEqual(decodeAdrText(new Uint8Array([0xef, 0xbb, 0xbf, 0x23, 0x20, 0x58])), { text: '# X' });
  });

  it('reads UTF-8 without a warning', () => {
    assert.deepEqual(decodeAdrText(new TextEncoder().encode('# Café ✓')), { text: '# Café ✓' });
  });

  it('falls back to Latin-1 with a warning', () => {
    const decoded = decodeAdrText(new Uint8Array([0x23, 0x20, 0x43, 0x61, 0x66, 0xe9]));
    assert.equal(decoded.text, '# Café');
    assert.match(decoded.warning ?? '', /Latin-1/);
  });

  it('tells binary content from text: NUL bytes or mostly control characters; Latin-1, tabs, CRLF and terminal escapes are text', () => {
    assert.equal(looksBinary(Uint8Array.from([0x23, 0x20, 0x00, 0x41])), true);
    assert.equal(looksBinary(Uint8Array.from([0x01, 0x02, 0x41, 0x03, 0x04, 0x42, 0x05, 0x06, 0x43, 0x07])), true);
    assert.equal(looksBinary(Uint8Array.from([0x23, 0x20, 0x43, 0x61, 0x66, 0xe9, 0x09, 0x0d, 0x0a, 0x1b, 0x5b, 0x33, 0x31, 0x6d])), false);
    assert.equal(looksBinary(new TextEncoder().encode('# Café ✓\r\n')), false);
    assert.equal(looksBinary(new Uint8Array()), false);
  });
});
