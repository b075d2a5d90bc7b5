// A repository's own record template, filled for a new record: adr-tools'
// `templates/template.md` (NUMBER, TITLE, DATE, STATUS), MADR's `adr-template.md` or
// `template.md`, log4brains' `template.md` in the records folder. Read through the write
// rule's checks (no link, a regular file inside the repository, a record's size at most):
// a template that links to ~/.ssh would otherwise be copied into the new record.
import path from 'node:path';
import { confineExisting } from './confine';
import { decodeAdrText } from './decode';
import { MAX_RECORD_BYTES } from './read';
import { readConfined } from './write-file';

/** Where the tools keep their template, relative to the records folder, in the order tried. */
const TEMPLATE_NAMES = ['templates/template.md', 'adr-template.md', 'template.md'];

export interface RecordTemplate {
  /** Repository-relative path. */
  path: string;
  text: string;
}

/** The records folder's template, or null when it has none (or none that may be read). */
export async function findTemplate(root: string, folder: string): Promise<RecordTemplate | null> {
  for (const name of TEMPLATE_NAMES) {
    const relative = path.posix.join(folder, name);
    try {
      const file = await confineExisting(root, path.join(root, relative), { allowed: () => true });
      const bytes = await readConfined(file);
      if (bytes.length > MAX_RECORD_BYTES) continue;
      return { path: relative, text: decodeAdrText(bytes).text };
    } catch {
      // Missing, a link, or not a regular file: try the next name.
    }
  }
  return null;
}

export interface TemplateValues {
  title: string;
  number: number | null;
  date: string;
  /** The status word of the record's dialect (`Proposed`, `proposed`, `draft`). */
  status: string;
}

const FIELD_LINE = (field: string): RegExp => new RegExp(`^([ \\t]*(?:[-*][ \\t]+)?${field}[ \\t]*:[ \\t]*).*$`, 'im');

/** The template with the title, number, date and status filled in, every other byte as the team wrote it. */
export function fillTemplate(template: string, values: TemplateValues): string {
  if (/^#\s+NUMBER\.\s+TITLE\s*$/m.test(template)) {
    // adr-tools replaces these words, as `adr new` does.
    return template
      .replace(/\bNUMBER\b/, String(values.number ?? 1))
      .replace(/\bTITLE\b/, values.title)
      .replace(/\bDATE\b/, values.date)
      .replace(/\bSTATUS\b/, values.status);
  }
  const titled = /^#[ \t]+.*$/m.test(template) ? template.replace(/^#[ \t]+.*$/m, `# ${values.title}`) : `# ${values.title}\n\n${template}`;
  return titled.replace(FIELD_LINE('date'), `$1${values.date}`).replace(FIELD_LINE('status'), `$1${values.status}`);
}

/** A placeholder the team left to fill: `{…}` or `[…]` that is no link. */
const PLACEHOLDER = /\{[^{}\n]+\}|\[[^[\]\n]+\](?![([])/;

/**
 * Where the writer starts: the first placeholder after the title, else the first line of
 * the first section after Status (selected when it holds the template's guidance).
 */
export function firstField(text: string): { start: number; end: number } {
  const title = /^#[ \t]+.*$/m.exec(text);
  const afterTitle = title ? title.index + title[0].length : 0;
  const placeholder = PLACEHOLDER.exec(text.slice(afterTitle));
  if (placeholder) return { start: afterTitle + placeholder.index, end: afterTitle + placeholder.index + placeholder[0].length };
  const sections = /^##[ \t]+(.*)$/gm;
  sections.lastIndex = afterTitle;
  for (let heading = sections.exec(text); heading; heading = sections.exec(text)) {
    if (/^status\b/i.test(heading[1]?.trim() ?? '')) continue;
    const bodyStart = heading.index + heading[0].length + 1;
    const content = /^[ \t]*\S.*$/m.exec(text.slice(bodyStart));
    if (content && !content[0].trimStart().startsWith('#')) return { start: bodyStart + content.index, end: bodyStart + content.index + content[0].length };
    // An empty section: the cursor on its second line, after a blank line under the heading.
    const at = Math.min(text.length, text.indexOf('\n', bodyStart) === -1 ? text.length : text.indexOf('\n', bodyStart) + 1);
    return { start: at, end: at };
  }
  return { start: text.length, end: text.length };
}
