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
