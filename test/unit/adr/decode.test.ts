import assert from 'node:assert/strict';
import { decodeAdrText } from '../../../src/core/adr';

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
});
