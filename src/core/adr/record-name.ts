// What a file's path says about a record: its number, a fallback title, a category.
import path from 'node:path';

const NUMBER_PREFIX = /^(?:adr[-_ ]?)?(\d{1,7})(?=[-_. ]|$)/i;
const RECORD_PAGES = new Set(['readme.md', 'index.md']);

/** `docs/adr/0005-x.md` → `0005-x`; `docs/adr/0005-x/README.md` (folder per record) → `0005-x`. */
export function recordStem(filePath: string): string {
  const base = path.posix.basename(filePath);
  if (RECORD_PAGES.has(base.toLowerCase())) return path.posix.basename(path.posix.dirname(filePath));
  return base.replace(/\.(md|markdown)$/i, '');
}

export function numberFromFileName(filePath: string): number | null {
  const match = NUMBER_PREFIX.exec(recordStem(filePath));
  return match ? Number(match[1]) : null;
}

/** `0002-use-kafka-for-events` → `Use kafka for events`; `20240105-pick-db` → `Pick db`. */
export function titleFromFileName(filePath: string): string {
  const words = recordStem(filePath)
    .replace(/^(?:adr[-_ ]?)?\d+[-_. ]*/i, '')
    .replace(/[-_]+/g, ' ')
    .trim();
  const title = words.length > 0 ? words : recordStem(filePath);
  return title.charAt(0).toUpperCase() + title.slice(1);
}

/** Slug without the number: what a record is called in "Relates to pick-db". */
export function slugOf(filePath: string): string {
  return recordStem(filePath).replace(/^(?:adr[-_ ]?)?\d+[-_. ]*/i, '').toLowerCase();
}

export function isFolderPerRecordPage(filePath: string): boolean {
  return RECORD_PAGES.has(path.posix.basename(filePath).toLowerCase());
}
