// The header fields of bullet (MADR 2, log4brains) and line (Nygard, free-form) records:
// `* Status: accepted`, `- Deciders: A, B`, `Date: 2024-01-05`, `**Status:** Proposed`, `* Status accepted`.
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
}

const LABELS: ReadonlyArray<[RegExp, HeaderField]> = [
  [/^status$/i, 'status'],
  [/^(deciders?|decision[- ]?makers?|decided by|owners?|approvers?|approved by)$/i, 'decisionMakers'],
  [/^(consulted|reviewers?|reviewed by)$/i, 'consulted'],
  [/^informed$/i, 'informed'],
  [/^(date|decision date|last updated|updated)$/i, 'date'],
  [/^tags?$/i, 'tags'],
];

const LINE = /^(\s*)(?:([*+-])\s+)?(\*\*|__)?([A-Za-z][A-Za-z -]{1,20}?)(\*\*|__)?\s*(:)(\*\*|__)?[ \t]*(.*)$/;
const BULLET = /^\s*([*+-])\s/;

function fieldOf(label: string): HeaderField | null {
  for (const [pattern, field] of LABELS) if (pattern.test(label.trim())) return field;
  return null;
}

export function readHeaderLine(text: string): HeaderLine | null {
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
  const withoutComment = value.replace(/\s*<!--.*?-->\s*$/, '');
  return { field, label: label.trim(), value: withoutComment.trim(), bullet, valueStart };
}

const PEOPLE_FIELDS: ReadonlySet<HeaderField> = new Set(['decisionMakers', 'consulted', 'informed']);

/** True for a line that opens a people field, in any spelling the parser reads (`Deciders:`, `* Approvers:`, `decision-makers:`). */
export function opensPeopleField(text: string): boolean {
  const field = readHeaderLine(text)?.field;
  return field !== undefined && PEOPLE_FIELDS.has(field);
}
