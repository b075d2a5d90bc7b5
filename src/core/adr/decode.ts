// Bytes → text: UTF-8 (BOM stripped) when the bytes are valid UTF-8, Latin-1 otherwise.
const utf8 = new TextDecoder('utf-8', { fatal: true });
const latin1 = new TextDecoder('latin1');

export function decodeAdrText(bytes: Uint8Array): { text: string; warning?: string } {
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  try {
    return { text: utf8.decode(body) };
  } catch {
    return { text: latin1.decode(body), warning: 'not valid UTF-8: read as Latin-1' };
  }
}

/** How much of a file is looked at to tell text from binary (as git does, the first 8000 bytes). */
const SNIFF_BYTES = 8000;

/**
 * True for content no record is written in: a NUL byte (git's own test), or control
 * characters in more than a tenth of the first bytes. Latin-1 text passes: its
 * high bytes are letters, not controls.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, SNIFF_BYTES);
  let controls = 0;
  for (const byte of head) {
    if (byte === 0) return true;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c && byte !== 0x1b) controls += 1;
  }
  return controls * 10 > head.length;
}
