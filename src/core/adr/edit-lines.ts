// Edits in line dialects: MADR 2 / log4brains bullets (`* Deciders: A, B`) and Nygard or
// free-form records (a `Deciders:` line under `Date:`, the `## Status` section). Only the
// value of the edited line changes, or one new line is added.
import type { AdrPeopleField } from '../model/adr';
import { findLeadingLinks } from './link-text';
import { fitsCommaList } from './people-values';
import { peopleSection, sectionLines, type BodyLine, type HeaderEntry, type RecordLayout } from './layout';
import { STATUS_SECTION, TABLE_ROW, type HeaderField } from './header-fields';
import type { AdrTextEdit } from './types';

const LABELS: Record<HeaderField, string> = {
  status: 'Status', decisionMakers: 'Deciders', consulted: 'Consulted', informed: 'Informed', date: 'Date', tags: 'Tags',
};
/** Order of the header fields: a new line goes after the last present field before it. */
const ORDER: HeaderField[] = ['status', 'date', 'decisionMakers', 'consulted', 'informed', 'tags'];

/** A value as a table's cell holds it: a pipe would end the cell. */
const cellText = (value: string): string => value.replace(/\|/g, '\\|');

/** Replace the value of a header line, keeping a trailing `<!-- comment -->` (a table row's cell: what is between its pipes). */
function replaceValue(entry: HeaderEntry, value: string): AdrTextEdit {
  const { line, field } = entry;
  if (field.valueEnd !== undefined) return { start: line.start + field.valueStart, end: line.start + field.valueEnd, newText: field.table ? cellText(value) : value };
  const raw = line.text.slice(field.valueStart);
  const comment = /\s*<!--.*?-->\s*$/.exec(raw);
  const trailing = /\s*$/.exec(raw)?.[0].length ?? 0;
  const end = line.start + field.valueStart + (comment ? comment.index : raw.length - trailing);
  return { start: line.start + field.valueStart, end, newText: value };
}

/** Offset just after a line's terminator. */
function afterLine(text: string, line: BodyLine): number {
  const newline = text.indexOf('\n', line.end);
  return newline === -1 ? text.length : newline + 1;
}

function insertAfter(text: string, line: BodyLine, newLine: string, eol: string): AdrTextEdit {
  const at = afterLine(text, line);
  const needsBreak = at === text.length && !text.endsWith('\n');
  return { start: at, end: at, newText: `${needsBreak ? eol : ''}${newLine}${eol}` };
}

/** Where a new header line goes when no field precedes it: under the title, after a blank line. */
function insertUnderTitle(text: string, layout: RecordLayout, newLine: string, eol: string): AdrTextEdit {
  const title = layout.h1?.line;
  if (!title) {
    const at = layout.fm ? afterLine(text, layout.lines[layout.fm.closingLineIndex] as BodyLine) : text.startsWith('\uFEFF') ? 1 : 0;
    return { start: at, end: at, newText: `${newLine}${eol}${eol}` };
  }
  const at = text.indexOf('\n', title.end) === -1 ? text.length : title.end;
  return { start: at, end: at, newText: `${eol}${eol}${newLine}` };
}

/** The last line of the table `row` stands in: a plain line after it would be one more row. */
function tableEnd(layout: RecordLayout, row: BodyLine): BodyLine {
  let last = row;
  for (const line of layout.body) if (line.index === last.index + 1 && TABLE_ROW.test(line.text)) last = line;
  return last;
}

export function setHeaderField(text: string, layout: RecordLayout, field: HeaderField, value: string, eol: string, bullet: string | null): AdrTextEdit[] {
  const existing = layout.header.find((h) => h.field.field === field);
  if (existing) return [replaceValue(existing, value)];
  if (value === '') return [];
  // Fields kept in a table under the title: one more row at its end.
  const row = layout.header.find((h) => h.field.table);
  if (row) {
    // A row as the table writes its rows, in a block quote too (`>| Deciders | … |`).
    const lead = row.line.text.slice(0, row.line.text.indexOf('|'));
    return [insertAfter(text, tableEnd(layout, row.line), `${lead}| ${LABELS[field]} | ${cellText(value)} |`, eol)];
  }
  const newLine = `${bullet === null ? '' : `${bullet} `}${LABELS[field]}: ${value}`;
  const rank = ORDER.indexOf(field);
  const before = layout.header.filter((h) => ORDER.indexOf(h.field.field) <= rank && (bullet === null) === (h.field.bullet === null));
  const anchor = before[before.length - 1] ?? (bullet !== null ? layout.header.filter((h) => h.field.bullet !== null).pop() : undefined);
  return [anchor ? insertAfter(text, anchor.line, newLine, eol) : insertUnderTitle(text, layout, newLine, eol)];
}

/**
 * The names of a section headed by the field (`## Deciders`, then a line or a list of names),
 * written as one line in place of what it held, where no header line gives the field (the
 * section is then what the record reads: parse.ts's sectionNames).
 */
function peopleSectionEdit(text: string, layout: RecordLayout, field: AdrPeopleField, value: string, eol: string): AdrTextEdit[] | null {
  if (layout.header.some((h) => h.field.field === field)) return null;
  const section = peopleSection(layout.body, layout.headings, field);
  if (!section) return null;
  const [first] = section.lines;
  const last = section.lines[section.lines.length - 1];
  if (first && last) return [{ start: first.start, end: last.end, newText: value }];
  return value === '' ? [] : [insertAfter(text, section.heading.line, value, eol)];
}

export function peopleLineEdit(text: string, layout: RecordLayout, field: AdrPeopleField, names: readonly string[], eol: string, bullet: string | null): AdrTextEdit[] {
  const bad = names.find((n) => !fitsCommaList(n) || /[\r\n]/.test(n));
  if (bad !== undefined) throw new Error(`"${bad}" cannot be written in a comma-separated list`);
  return peopleSectionEdit(text, layout, field, names.join(', '), eol) ?? setHeaderField(text, layout, field, names.join(', '), eol, bullet);
}

/** The `## Status` section's heading and its status line (the first line that is not a link line). */
export function statusSection(layout: RecordLayout): { heading: BodyLine; statusLine: BodyLine | undefined; lastLine: BodyLine } | null {
  const heading = layout.headings.find((h) => STATUS_SECTION.test(h.text));
  if (!heading) return null;
  const section = sectionLines(layout.body, layout.headings, heading);
  const statusLine = section.find((l) => findLeadingLinks(l.text).length === 0) ?? section[0];
  return { heading: heading.line, statusLine, lastLine: section[section.length - 1] ?? heading.line };
}

/** Nygard status: the status line of `## Status`, a `Status:` line, or a new section before the first `##`. */
export function nygardStatusEdit(text: string, layout: RecordLayout, status: string, eol: string): AdrTextEdit[] {
  const row = layout.header.find((h) => h.field.table && h.field.field === 'status');
  if (row) return [replaceValue(row, status)];
  const section = statusSection(layout);
  if (section?.statusLine) {
    const line = section.statusLine;
    const lead = /^\s*(?:[*+-]\s+)?/.exec(line.text)?.[0].length ?? 0;
    return [{ start: line.start + lead, end: line.start + line.text.trimEnd().length, newText: status }];
  }
  if (section) return [insertAfter(text, section.heading, `${eol}${status}`, eol)];
  if (layout.header.some((h) => h.field.field === 'status')) return setHeaderField(text, layout, 'status', status, eol, null);
  const firstSection = layout.headings.find((h) => h !== layout.h1 && h.line.index > (layout.h1?.line.index ?? -1));
  if (firstSection) return [{ start: firstSection.line.start, end: firstSection.line.start, newText: `## Status${eol}${eol}${status}${eol}${eol}` }];
  const tail = text.endsWith('\n') ? '' : eol;
  return [{ start: text.length, end: text.length, newText: `${tail}${eol}## Status${eol}${eol}${status}${eol}` }];
}

/** adr-tools puts "Supersedes [..](..)" as its own paragraph in the status section. */
export function nygardSupersedesEdit(text: string, layout: RecordLayout, linkLine: string, eol: string): AdrTextEdit[] {
  const section = statusSection(layout);
  if (section) return [insertAfter(text, section.lastLine, `${eol}${linkLine}`, eol)];
  // A status kept as a header field (`Status: Accepted`, a table's row) stays what it is: the link goes under the fields.
  if (layout.header.some((h) => h.field.field === 'status')) return lineUnderHeader(text, layout, linkLine, eol);
  return nygardStatusEdit(text, layout, linkLine, eol);
}

/** A "Supersedes [..](..)" paragraph under the title (MADR) or after the header bullets. */
export function lineUnderHeader(text: string, layout: RecordLayout, newLine: string, eol: string): AdrTextEdit[] {
  const last = layout.header[layout.header.length - 1];
  if (last?.field.table) return [insertAfter(text, tableEnd(layout, last.line), `${eol}${newLine}`, eol)];
  if (last) return [insertAfter(text, last.line, newLine, eol)];
  return [insertUnderTitle(text, layout, newLine, eol)];
}
