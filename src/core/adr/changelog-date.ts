// A record's date from its own changelog when it has no date field: records
// written as the Tendermint/Cosmos ones are (`## Changelog` then `- 21-09-2019:
// Initial draft`, newest or oldest first) are dated by their first entry, not by
// whichever commit last brought the file into this repository.
import { normalizeDate } from './dates';
import type { RecordLayout } from './layout';

const CHANGELOG_HEADING = /^(?:change\s*-?\s*log|revisions?|revision history|document history|history of changes)\s*:?\s*$/i;

/** Dates people open a changelog entry with; the text after them is the entry. */
const ENTRY_DATES: readonly RegExp[] = [
  /^\d{4}-\d{1,2}-\d{1,2}\b/,
  /^\d{1,2}[-./]\d{1,2}[-./]\d{4}\b/,
  /^\d{1,2}(?:st|nd|rd|th)?[-\s][A-Za-z]{3,}\.?,?[-\s]\d{4}\b/,
  /^[A-Za-z]{3,}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b/,
];

function entryDate(text: string): string | null {
  const bare = text.replace(/^[\s#>*+-]+/, '').replace(/[*_`]/g, '').trim();
  for (const pattern of ENTRY_DATES) {
    const found = pattern.exec(bare)?.[0];
    if (found) return normalizeDate(/[A-Za-z]/.test(found) ? found.replace(/-/g, ' ') : found);
  }
  return null;
}

/** The earliest dated entry of the record's changelog section, or null. */
export function changelogDate(layout: RecordLayout): { date: string; line: number } | null {
  const heading = layout.headings.find((h) => h.level >= 2 && CHANGELOG_HEADING.test(h.text.trim()));
  if (!heading) return null;
  const next = layout.headings.find((h) => h.line.index > heading.line.index && h.level <= heading.level);
  let earliest: { date: string; line: number } | null = null;
  for (const line of layout.body) {
    if (line.index <= heading.line.index || (next && line.index >= next.line.index)) continue;
    const date = entryDate(line.text);
    if (date !== null && (earliest === null || date < earliest.date)) earliest = { date, line: line.number };
  }
  return earliest;
}
