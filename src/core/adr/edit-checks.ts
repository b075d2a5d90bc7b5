// What a record's dialect can hold, checked before an edit is planned: the statuses its
// tools know, and names that read back as themselves. A name a dialect cannot hold is
// refused with the reason, never split, dropped or written half.
import type { AdrDialect, AdrPeopleField } from '../model/adr';
import { fitsCommaList } from './people-values';

const COMMON_STATUSES = ['proposed', 'accepted', 'rejected', 'deprecated', 'superseded'] as const;

/** The statuses a dialect's tools write, spelled as they spell them. */
export function statusVocabulary(dialect: AdrDialect): readonly string[] {
  if (dialect === 'nygard') return COMMON_STATUSES.map((status) => status.charAt(0).toUpperCase() + status.slice(1));
  if (dialect === 'log4brains') return ['draft', ...COMMON_STATUSES];
  return COMMON_STATUSES;
}

/** The vocabulary's spelling of `status` (any case), or a one-line refusal listing the vocabulary. */
export function checkStatus(dialect: AdrDialect, status: string): { status: string } | { error: string } {
  const vocabulary = statusVocabulary(dialect);
  const wanted = status.trim().toLowerCase();
  const found = vocabulary.find((candidate) => candidate.toLowerCase() === wanted);
  if (found !== undefined) return { status: found };
  return { error: `"${status}" is not a status of ${DIALECT_NAMES[dialect]}; use one of: ${vocabulary.join(', ')}` };
}

const DIALECT_NAMES: Record<AdrDialect, string> = {
  nygard: 'an adr-tools (Nygard) record',
  madr2: 'a MADR 2 record',
  log4brains: 'a log4brains record',
  madr3: 'a MADR 3 record',
  madr4: 'a MADR 4 record',
  freeform: 'this record',
};

const LINE_LABELS: Record<AdrPeopleField, string> = { decisionMakers: 'Deciders', consulted: 'Consulted', informed: 'Informed' };

function where(dialect: AdrDialect, field: AdrPeopleField): string {
  const label = `${LINE_LABELS[field]}:`;
  if (dialect === 'madr2' || dialect === 'log4brains') return `the "${label}" bullet of ${DIALECT_NAMES[dialect]}`;
  return `the "${label}" line of ${DIALECT_NAMES[dialect]}`;
}

/** True when the dialect keeps people in YAML front matter, where any one-line name can be quoted. */
function yamlPeople(dialect: AdrDialect): boolean {
  return dialect === 'madr3' || dialect === 'madr4';
}

/** Null when every name can be written in the dialect and read back as itself; otherwise why not, in one line. */
export function checkNames(dialect: AdrDialect, field: AdrPeopleField, names: readonly string[]): string | null {
  for (const name of names) {
    // Control characters end a line or hide text in a terminal; no dialect holds them.
    if (/[\p{Cc}\u2028\u2029]/u.test(name)) return `"${name.replace(/[\p{Cc}]/gu, '?')}" holds a line break or control character; a name is one line of text`;
    if (!/[\p{L}\p{N}]/u.test(name)) return `"${name}" is not a name (it has no letter or digit)`;
    // `[list them here]` and `<name>` are what templates say: reading them back names nobody.
    if (/^\[.*\]$/.test(name) || (/^<.*>$/.test(name) && !name.includes('@'))) return `"${name}" reads as template text, not a name`;
    if (!yamlPeople(dialect) && !fitsCommaList(name)) {
      return `"${name}" cannot be written in ${where(dialect, field)}: names there are separated by commas and semicolons, and cannot hold one or start and end with quotes`;
    }
  }
  return null;
}
