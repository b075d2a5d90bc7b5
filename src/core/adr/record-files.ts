// Which files inside an ADR folder are records: Markdown pages, category subfolders and
// folder-per-record pages, minus templates, index pages and a record folder's other pages.
import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { RECORD_EXTENSION, RECORD_FILE } from './record-extension';
import { isTestFolder } from './repo-walk';

export { RECORD_FILE };
const INDEX_PAGES = new Set(['readme.md', 'index.md', 'readme.markdown', 'index.markdown', '_index.md', 'summary.md', 'toc.md', 'index.rst', 'readme.rst']);
/** The page of a folder that is one record. */
export const RECORD_PAGES: ReadonlySet<string> = new Set(['readme.md', 'index.md', 'readme.markdown', 'index.markdown', 'readme.rst', 'index.rst']);
const SKIP_SUBFOLDERS = new Set(['templates', 'template', 'assets', 'images', 'img', 'media', 'scripts', 'diagrams', 'node_modules']);
const MAX_RECORD_DEPTH = 3;
/**
 * A template says so with its whole name: `template.md`, `0000-template.md`, `adr-template.md`,
 * `TEMPLATE`, `template-madr.md`, MADR 4's `adr-template-bare-minimal.md`, `adr-short-template.md`,
 * `0000-ladr-template.md` (a lightweight ADR's), `NNNN-adr-template.md`, `XXX-template.md`,
 * `ADR-nnn_Any_Decision_Record_Template.md` and
 * `ADRXXX-architecture-decision-record-template.md` (a number still to fill);
 * never a record that merely mentions the word (`0007-use-handlebars-as-template-engine.md`).
 * Around the word stand only words that name a format or a variant of it.
 */
const TEMPLATE_WORD = '(?:adr|ladr|madr|nygard|any|decision|record|architecture|rfc|short|long|full|bare|minimal|simple|basic|default|empty|blank|lite|light|lightweight)';
const TEMPLATE_STEM = new RegExp(`^_?(?:(?:adr[-_]?)?(?:0+|n+|x+|yyyy-mm-dd)[-_. ])?(?:${TEMPLATE_WORD}[-_. ])*template(?:[-_. ]${TEMPLATE_WORD})*(?:[-_. ][a-z0-9]+)?$`, 'i');
/** `<date-or-number>-<slug>`: a folder that is one record (its README.md or index.md). */
const RECORD_FOLDER = /^(?:\d{4}-?\d{2}-?\d{2}|(?:adr[-_]?)?\d{1,7})[-_. ]+\S/i;
/** `0007-slug.md`, `adr-007-slug.md`: a numbered record file. */
export const NUMBERED_RECORD = new RegExp(`^(?:adr[-_]?)?\\d{3,}[-_. ].*\\.(?:${RECORD_EXTENSION})$`, 'i');

export function isTemplateName(name: string): boolean {
  return TEMPLATE_STEM.test(name.replace(RECORD_FILE, ''));
}

export function isIndexPage(name: string): boolean {
  return INDEX_PAGES.has(name.toLowerCase());
}

export async function listFolder(absolute: string): Promise<Dirent[]> {
  return readdir(absolute, { withFileTypes: true }).catch((): Dirent[] => []);
}

/** The page that stands for a folder-per-record folder, or null when the folder is not one. */
function recordPage(folderName: string, entries: readonly Dirent[]): string | null {
  if (!RECORD_FOLDER.test(folderName)) return null;
  // A numbered category folder (`01-backend/`) holds numbered records of its own.
  if (entries.some((e) => e.isFile() && NUMBERED_RECORD.test(e.name))) return null;
  return entries.find((e) => e.isFile() && RECORD_PAGES.has(e.name.toLowerCase()))?.name ?? null;
}

/** Records in an ADR folder (repository-relative, POSIX), `folder` '.' for the root. */
export async function recordsIn(root: string, folder: string, depth = 0): Promise<string[]> {
  const entries = await listFolder(path.join(root, folder));
  const join = (name: string): string => (folder === '.' ? name : `${folder}/${name}`);
  const page = depth > 0 ? recordPage(path.posix.basename(folder), entries) : null;
  // Other pages in a record's folder belong to that record.
  if (page !== null) return [join(page)];
  const markdown = entries.filter((e) => e.isFile() && RECORD_FILE.test(e.name));
  const onlyPage = depth > 0 && markdown.length === 1 && markdown[0] !== undefined && isIndexPage(markdown[0].name);
  const files = markdown.filter((e) => !isTemplateName(e.name) && (onlyPage || !isIndexPage(e.name))).map((e) => join(e.name));
  if (depth >= MAX_RECORD_DEPTH) return files;
  for (const entry of entries) {
    // A record's own folder (`2022-03-02-performance-tests/`) is named by its subject, never a test folder.
    if (!entry.isDirectory() || entry.name.startsWith('.') || SKIP_SUBFOLDERS.has(entry.name.toLowerCase()) || (isTestFolder(entry.name) && !RECORD_FOLDER.test(entry.name))) continue;
    files.push(...(await recordsIn(root, join(entry.name), depth + 1)));
  }
  return files;
}
