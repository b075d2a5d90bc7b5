// Edits in the record's own dialect. Every plan is a list of byte ranges: the caller applies
// them (applyAdrTextEdits, or a VS Code WorkspaceEdit so the user can undo).
import path from 'node:path';
import type { ParsedAdr } from '../model/adr';
import { frontMatterPeopleEdit, frontMatterStatusEdit } from './edit-front-matter';
import { lineUnderHeader, nygardStatusEdit, nygardSupersedesEdit, peopleLineEdit, setHeaderField } from './edit-lines';
import { scanLayout, type RecordLayout } from './layout';
import { parseAdr } from './parse';
import { lineEnding } from './text-lines';
import type { AdrEdit, AdrTextEdit } from './types';
import { RECORD_FILE } from './record-files';
import { RESTRUCTURED_TEXT } from './restructured-text';

function linkText(edit: Extract<AdrEdit, { kind: 'link' }>): string {
  const label = edit.label ?? path.posix.basename(edit.target).replace(RECORD_FILE, '');
  const destination = /[\s()]/.test(edit.target) ? `<${edit.target}>` : edit.target;
  return `[${label.replace(/[[\]]/g, '')}](${destination})`;
}

function alreadyLinked(record: ParsedAdr, edit: Extract<AdrEdit, { kind: 'link' }>): boolean {
  return record.links.some((l) => l.kind === edit.link && l.target === edit.target);
}

function bulletOf(layout: RecordLayout): string {
  return layout.header.find((h) => h.field.bullet !== null)?.field.bullet ?? '*';
}

export function planAdrEdit(text: string, filePath: string, edit: AdrEdit): AdrTextEdit[] {
  // Read as Markdown line for line, but written as Markdown a heading or field would break the page.
  if (RESTRUCTURED_TEXT.test(filePath)) throw new Error(`${filePath} is reStructuredText: Decision Orbit writes people, status and links into Markdown records only; edit this one by hand`);
  const record = parseAdr(filePath, text);
  const layout = scanLayout(text, true);
  const eol = lineEnding(text);
  const fm = record.dialect === 'madr3' || record.dialect === 'madr4' ? layout.fm : null;
  if (fm?.error) throw new Error(`${filePath}: the front matter is not valid YAML (${fm.error.split('\n')[0] ?? ''}); fix it before editing`);
  const bullets = record.dialect === 'madr2' || record.dialect === 'log4brains';

  if (edit.kind === 'people') {
    if (fm) return frontMatterPeopleEdit(text, fm, record.dialect, edit.field, edit.names, eol);
    return peopleLineEdit(text, layout, edit.field, edit.names.map((n) => n.trim()).filter((n) => n.length > 0), eol, bullets ? bulletOf(layout) : null);
  }
  if (edit.kind === 'status') {
    const status = edit.status.trim();
    if (status.length === 0 || /[\r\n]/.test(status)) throw new Error('a status is one non-empty line');
    if (fm) return frontMatterStatusEdit(text, fm, status, eol);
    if (bullets) return setHeaderField(text, layout, 'status', status, eol, bulletOf(layout));
    return nygardStatusEdit(text, layout, status, eol);
  }
  if (alreadyLinked(record, edit)) return [];
  if (edit.link === 'superseded-by') {
    return planAdrEdit(text, filePath, { kind: 'status', status: `${record.dialect === 'nygard' ? 'Superseded by' : 'superseded by'} ${linkText(edit)}` });
  }
  const line = `Supersedes ${linkText(edit)}`;
  if (record.dialect === 'nygard') return nygardSupersedesEdit(text, layout, line, eol);
  if (bullets) return lineUnderHeader(text, layout, `${bulletOf(layout)} ${line}`, eol);
  return lineUnderHeader(text, layout, line, eol);
}

/** Applies non-overlapping edits (any order) to the text they were planned on. */
export function applyAdrTextEdits(text: string, edits: readonly AdrTextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  let limit = Infinity;
  for (const edit of sorted) {
    if (edit.start < 0 || edit.end < edit.start || edit.end > text.length || edit.end > limit) throw new Error('overlapping or out-of-range ADR edits');
    result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
    limit = edit.start;
  }
  return result;
}

function label(record: ParsedAdr): string {
  if (record.dialect === 'nygard' && record.number !== null) return `${record.number}. ${record.title}`;
  return record.number !== null ? `ADR-${String(record.number).padStart(4, '0')}` : record.title;
}

/** The newer record supersedes the older one: a link in each, the older one's status becomes superseded. */
export function planSupersede(newer: { path: string; text: string }, older: { path: string; text: string }): { newer: AdrTextEdit[]; older: AdrTextEdit[] } {
  const newerRecord = parseAdr(newer.path, newer.text);
  const olderRecord = parseAdr(older.path, older.text);
  const toOlder = path.posix.relative(path.posix.dirname(newer.path), older.path);
  const toNewer = path.posix.relative(path.posix.dirname(older.path), newer.path);
  return {
    newer: planAdrEdit(newer.text, newer.path, { kind: 'link', link: 'supersedes', target: toOlder, label: label(olderRecord) }),
    older: planAdrEdit(older.text, older.path, { kind: 'link', link: 'superseded-by', target: toNewer, label: label(newerRecord) }),
  };
}
