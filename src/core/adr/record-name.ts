// What a file's path says about a record: its number, a fallback title, a category.
import path from 'node:path';
import { RECORD_FILE, RECORD_PAGES } from './record-files';

const NUMBER_PREFIX = /^(?:adr[-_ ]?)?(\d{1,7})(?=[-_. ]|$)/i;
/** `2022-11-09-slug`, `20221109-slug`: a date, not a number. */
const DATE_PREFIX = /^(\d{4})-?(\d{2})-?(\d{2})(?=[-_. ]|$)/;
const LEADING_NUMBER_OR_DATE = /^(?:\d{4}-\d{2}-\d{2}[-_. ]*|(?:adr[-_ ]?)?\d+[-_. ]*)/i;

/** `docs/adr/0005-x.md` → `0005-x`; `docs/adr/0005-x/README.md` (folder per record) → `0005-x`. */
export function recordStem(filePath: string): string {
  const base = path.posix.basename(filePath);
  if (RECORD_PAGES.has(base.toLowerCase())) return path.posix.basename(path.posix.dirname(filePath));
  return base.replace(RECORD_FILE, '');
}

export function numberFromFileName(filePath: string): number | null {
  const stem = recordStem(filePath);
  if (DATE_PREFIX.test(stem)) return null;
  const match = NUMBER_PREFIX.exec(stem);
  return match ? Number(match[1]) : null;
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** `use-kafka-for-events` → `Use kafka for events`: a slug as the words it stands for. */
export function slugAsWords(slug: string): string {
  return capitalized(slug.replace(/[-_]+/g, ' ').trim());
}

/** `0002-use-kafka-for-events` → `Use kafka for events`; `20240105-pick-db` → `Pick db`. */
export function titleFromFileName(filePath: string): string {
  const words = slugAsWords(recordStem(filePath).replace(LEADING_NUMBER_OR_DATE, ''));
  return words.length > 0 ? words : capitalized(recordStem(filePath));
}

/** Slug without the number: what a record is called in "Relates to pick-db". */
export function slugOf(filePath: string): string {
  return recordStem(filePath).replace(LEADING_NUMBER_OR_DATE, '').toLowerCase();
}

/** The date a record's file or folder name starts with (`2022-11-09-x/README.md`, `20240105-x.md`), as YYYY-MM-DD. */
export function dateFromFileName(filePath: string): { date: string; source: 'filename' | 'folder' } | null {
  const match = DATE_PREFIX.exec(recordStem(filePath));
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1990 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return { date: `${match[1]}-${match[2]}-${match[3]}`, source: isFolderPerRecordPage(filePath) ? 'folder' : 'filename' };
}

export function isFolderPerRecordPage(filePath: string): boolean {
  return RECORD_PAGES.has(path.posix.basename(filePath).toLowerCase());
}
