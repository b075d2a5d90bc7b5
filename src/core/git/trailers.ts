// Trailers come from the last paragraph of a message, as `git interpret-trailers`
// reads them: `Key: value` lines (continuation lines start with white space).
import type { Trailer } from '../model/history';

const TRAILER_LINE = /^([A-Za-z0-9][A-Za-z0-9-]*)\s*:\s*(.*)$/;

const PARAGRAPH_BREAK = /\n[ \t]*\n/;

// Every commit's message passes through here, so no step copies or splits a
// message when it can look instead: most messages have no CR, one paragraph and
// no trailer.
function withoutCarriageReturns(message: string): string {
  return message.includes('\r') ? message.replace(/\r\n/g, '\n') : message;
}

function isBlankBetween(text: string, from: number, to: number): boolean {
  for (let index = from; index < to; index += 1) {
    const code = text.charCodeAt(index);
    if (code !== 32 && code !== 9) return false;
  }
  return true;
}

/**
 * The last paragraph as `split(PARAGRAPH_BREAK)` gives it, found from the end (a
 * long message is not scanned whole); null for a single paragraph. split pairs the
 * newlines of a run of blank lines from the left, so an odd run leaves its last
 * newline at the start of the paragraph.
 */
function lastParagraph(text: string): string | null {
  let end = text.lastIndexOf('\n');
  while (end > 0) {
    const before = text.lastIndexOf('\n', end - 1);
    if (before === -1) return null;
    if (isBlankBetween(text, before + 1, end)) {
      let first = before;
      let newlines = 2;
      while (first > 0) {
        const previous = text.lastIndexOf('\n', first - 1);
        if (previous === -1 || !isBlankBetween(text, previous + 1, first)) break;
        first = previous;
        newlines += 1;
      }
      return text.slice(newlines % 2 === 0 ? end + 1 : end);
    }
    end = before;
  }
  return null;
}

export function parseTrailers(message: string): Trailer[] {
  if (!message.includes(':')) return [];
  const last = lastParagraph(withoutCarriageReturns(message).trimEnd());
  if (last === null || !last.includes(':')) return [];
  const trailers: Trailer[] = [];
  let trailerLines = 0;
  let otherLines = 0;
  for (const line of last.split('\n')) {
    const match = TRAILER_LINE.exec(line);
    if (match) {
      trailers.push({ key: match[1] ?? '', value: (match[2] ?? '').trim() });
      trailerLines += 1;
    } else if (/^[ \t]/.test(line) && trailers.length > 0) {
      const previous = trailers[trailers.length - 1];
      if (previous) previous.value = `${previous.value} ${line.trim()}`;
    } else {
      otherLines += 1;
    }
  }
  // git's rule: a trailer block is at least 25 % trailer lines; we ask for most of it.
  return trailerLines > 0 && trailerLines >= otherLines * 3 ? trailers : [];
}

/** git's %s (the first paragraph, lines joined by spaces) and the rest, trimmed. */
export function splitMessage(message: string): { subject: string; body: string } {
  const normalized = withoutCarriageReturns(message).trimStart();
  const end = normalized.search(PARAGRAPH_BREAK);
  const first = end < 0 ? normalized : normalized.slice(0, end);
  const subject = first.includes('\n') ? first.split('\n').map((line) => line.trim()).filter(Boolean).join(' ') : first.trim();
  return { subject, body: end < 0 ? '' : normalized.slice(end).trim() };
}

export function subjectOf(message: string): string {
  return splitMessage(message).subject;
}

export function bodyOf(message: string): string {
  return splitMessage(message).body;
}
