// Trailers come from the last paragraph of a message, as `git interpret-trailers`
// reads them: `Key: value` lines (continuation lines start with white space).
import type { Trailer } from '../model/history';

const TRAILER_LINE = /^([A-Za-z0-9][A-Za-z0-9-]*)\s*:\s*(.*)$/;

const PARAGRAPH_BREAK = /\n[ \t]*\n/;
const PARAGRAPH_BREAKS = /\n[ \t]*\n/g;

// Every commit's message passes through here, so no step copies or splits a
// message when it can look instead: most messages have no CR, one paragraph and
// no trailer.
function withoutCarriageReturns(message: string): string {
  return message.includes('\r') ? message.replace(/\r\n/g, '\n') : message;
}

/** The last paragraph as `split(PARAGRAPH_BREAK)` gives it; null for a single paragraph. */
function lastParagraph(text: string): string | null {
  PARAGRAPH_BREAKS.lastIndex = 0;
  let start = -1;
  for (let match = PARAGRAPH_BREAKS.exec(text); match; match = PARAGRAPH_BREAKS.exec(text)) start = PARAGRAPH_BREAKS.lastIndex;
  return start === -1 ? null : text.slice(start);
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
