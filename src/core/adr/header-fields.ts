// The header fields of bullet (MADR 2, log4brains) and line (Nygard, free-form) records:
// `* Status: accepted`, `- Deciders: A, B`, `Date: 2024-01-05`, `**Status:** Proposed`, `* Status accepted`,
// and the rows of a two-column table under the title (`|Status|Approved|`, `| **Date** | 2024-01-05 |`).
import { WORD_CHAR } from './whole-words';

export type HeaderField = 'status' | 'decisionMakers' | 'consulted' | 'informed' | 'date' | 'tags';

export interface HeaderLine {
  field: HeaderField;
  /** The label as written (`Deciders`, `Decider`, `Decision-makers`). */
  label: string;
  value: string;
  /** `*`, `-`, `+` or null for a plain line. */
  bullet: string | null;
  /** Offset of the value within the line text. */
  valueStart: number;
  /**
   * Where the value ends: a table row's cell text (before the closing `|`), or a line's value
   * before the emphasis its label opened (`**Date: 2024-01-05**`); otherwise a line's value runs to its end.
   */
  valueEnd?: number;
  /** The field is a row of a two-column table. */
  table?: true;
}

// Teams write records in their own language too (`* statut : proposé`, `* décisionnaires : CTO`): the
// labels of MADR's fields in French, German, Spanish and Portuguese are read as the English ones.
/** A record's status, as the languages whose labels are read call it. */
const STATUS_WORDS = 'status|statut|état|estado|situação';
/** A `## Status` section's heading (`## Statut`), or a heading holding the status (`## Status: Accepted`). */
export const STATUS_HEADING = new RegExp(`^(?:${STATUS_WORDS})(?!${WORD_CHAR})`, 'iu');
/** A heading holding the status after a colon: the status is the group. */
export const STATUS_IN_HEADING = new RegExp(`^(?:${STATUS_WORDS})\\s*:\\s*(.+)$`, 'iu');
/** A heading that is the status section's name and nothing else. */
export const STATUS_SECTION = new RegExp(`^(?:${STATUS_WORDS})\\s*$`, 'iu');

const LABELS: ReadonlyArray<[RegExp, HeaderField]> = [
  [new RegExp(`^(?:${STATUS_WORDS})$`, 'i'), 'status'],
  [/^(deciders?|decision[- ]?makers?|decided by|owners?|approvers?|approved by|décideurs?|décisionnaires?|entscheider|entscheidungsträger|decisores)$/i, 'decisionMakers'],
  [/^(consulted|reviewers?|reviewed by|consultés?|konsultiert|consultados?)$/i, 'consulted'],
  [/^(informed|informés?|informiert|informados?)$/i, 'informed'],
  [/^(date|decision date|last updated|updated|datum|fecha)$/i, 'date'],
  [/^tags?$/i, 'tags'],
];

/** Letters a label may hold: ASCII's and Latin-1's (`décisionnaires`, `Entscheidungsträger`). */
const LETTER = 'A-Za-zÀ-ÖØ-öø-ÿ';
const LINE = new RegExp(`^(\\s*)(?:([*+-])\\s+)?(\\*\\*|__)?([${LETTER}][${LETTER} -]{1,20}?)(\\*\\*|__)?\\s*(:)(\\*\\*|__)?[ \\t]*(.*)$`);
const BULLET = /^\s*([*+-])\s/;

function fieldOf(label: string): HeaderField | null {
  for (const [pattern, field] of LABELS) if (pattern.test(label.trim())) return field;
  return null;
}

/** The people field a section's heading names (`## Deciders`, `## Consulted:`), or null. */
export function peopleSectionField(heading: string): HeaderField | null {
  const field = fieldOf(heading.replace(/:\s*$/, ''));
  return field !== null && PEOPLE_FIELDS.has(field) ? field : null;
}

/** Where a table's row starts, in a block quote too (`>| Date | 04/07/2023 |`). */
export const TABLE_ROW = /^\s*(?:>\s*)?\|/;

/** The cells of a table row (`| a | b |`, the outer pipes optional at the end), split at pipes no `\\` escapes. */
function tableCells(text: string): Array<{ start: number; end: number }> | null {
  const open = TABLE_ROW.exec(text);
  if (!open) return null;
  const cells: Array<{ start: number; end: number }> = [];
  let start = open[0].length;
  for (let at = start; at <= text.length; at += 1) {
    if (at < text.length && (text[at] !== '|' || text[at - 1] === '\\')) continue;
    cells.push({ start, end: at });
    start = at + 1;
  }
  const last = cells[cells.length - 1];
  if (last && text.slice(last.start).trim() === '') cells.pop();
  return cells;
}

/** A label cell's text: `**Status**`, `` `Date` ``, `Status:`. */
const LABEL_CELL = new RegExp(`^(\\*\\*|__|\`)?([${LETTER}][${LETTER} -]{1,20}?)\\1?:?$`);
/** A value cell wrapped whole in backticks or brackets (`` `Implemented` ``, `[2024-01-05]`): the text inside. */
const WRAPPED_VALUE = /^(?:`([^`]*)`|\[([^\]]*)\])$/;

/** A row of a two-column table whose first cell is a field's label: `|Status  |Approved|`. */
function readTableRow(text: string): HeaderLine | null {
  const cells = tableCells(text);
  if (!cells || cells.length !== 2) return null;
  const [labelCell, valueCell] = cells as [{ start: number; end: number }, { start: number; end: number }];
  const label = LABEL_CELL.exec(text.slice(labelCell.start, labelCell.end).trim());
  const field = label ? fieldOf(label[2] ?? '') : null;
  if (!label || field === null) return null;
  const raw = text.slice(valueCell.start, valueCell.end);
  const valueStart = valueCell.start + (raw.length - raw.trimStart().length);
  const valueEnd = valueCell.start + raw.trimEnd().length;
  const written = text.slice(valueStart, valueEnd);
  const wrapped = WRAPPED_VALUE.exec(written);
  // Code spans only format a cell (`` `Tech Radar, Engineering,` ... ``): their text is the value.
  const value = (wrapped ? wrapped[1] ?? wrapped[2] ?? '' : written).replace(/`/g, '').trim();
  return { field, label: (label[2] ?? '').trim(), value, bullet: null, valueStart, valueEnd, table: true };
}

export function readHeaderLine(text: string): HeaderLine | null {
  if (TABLE_ROW.test(text)) return readTableRow(text);
  const match = LINE.exec(text) ?? BULLET.exec(text);
  if (!match) return null;
  const colon = match.length > 2;
  const bullet = (colon ? match[2] : match[1]) ?? null;
  const label = match[4] ?? '';
  let field = fieldOf(label);
  let value = match[8] ?? '';
  let valueStart = text.length - value.length;
  if (!colon) {
    // `* Status accepted`: only bullets may drop the colon, and the label is the first word.
    if (bullet === null) return null;
    const word = /^(\s*[*+-]\s+)(\S+)\s+(.*)$/.exec(text);
    if (!word) return null;
    field = fieldOf(word[2] ?? '');
    value = word[3] ?? '';
    valueStart = text.length - value.length;
    if (field === null || field === 'date' && !/\d/.test(value)) return null;
    return { field, label: word[2] ?? '', value: value.trim(), bullet, valueStart };
  }
  if (field === null) return null;
  const withoutComment = value.replace(/\s*<!--.*?-->\s*$/, '').trimEnd();
  // `**Date: 2021-09-22**`: the emphasis opened before the label closes after the value.
  const opened = match[3];
  if (opened !== undefined && match[5] === undefined && match[7] === undefined && withoutComment.endsWith(opened)) {
    const own = withoutComment.slice(0, -opened.length).trimEnd();
    return { field, label: label.trim(), value: own.trim(), bullet, valueStart, valueEnd: valueStart + own.length };
  }
  return { field, label: label.trim(), value: withoutComment.trim(), bullet, valueStart };
}

const PEOPLE_FIELDS: ReadonlySet<HeaderField> = new Set(['decisionMakers', 'consulted', 'informed']);

/** True for a line that opens a people field, in any spelling the parser reads (`Deciders:`, `* Approvers:`, `decision-makers:`). */
export function opensPeopleField(text: string): boolean {
  const field = readHeaderLine(text)?.field;
  return field !== undefined && PEOPLE_FIELDS.has(field);
}
