// Trailers come from the last paragraph of a message, as `git interpret-trailers`
// reads them: `Key: value` lines (continuation lines start with white space).
import type { Trailer } from '../model/history';

const TRAILER_LINE = /^([A-Za-z0-9][A-Za-z0-9-]*)\s*:\s*(.*)$/;

export function parseTrailers(message: string): Trailer[] {
  const paragraphs = message.replace(/\r\n/g, '\n').trimEnd().split(/\n[ \t]*\n/);
  if (paragraphs.length < 2) return [];
  const last = paragraphs[paragraphs.length - 1] ?? '';
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

/** git's %s: the first paragraph, lines joined by spaces. */
export function subjectOf(message: string): string {
  const firstParagraph = message.replace(/\r\n/g, '\n').trimStart().split(/\n[ \t]*\n/)[0] ?? '';
  return firstParagraph.split('\n').map((line) => line.trim()).filter(Boolean).join(' ');
}

export function bodyOf(message: string): string {
  const normalized = message.replace(/\r\n/g, '\n').trimStart();
  const end = normalized.search(/\n[ \t]*\n/);
  return end < 0 ? '' : normalized.slice(end).trim();
}
