// The edit vocabulary of the ADR engine: what a caller asks for, and the byte ranges it turns into.
import type { AdrPeopleField } from '../model/adr';

export type AdrLinkEditKind = 'supersedes' | 'superseded-by';

export type AdrEdit =
  | { kind: 'people'; field: AdrPeopleField; names: string[] }
  | { kind: 'status'; status: string }
  /** `target` is written as the link destination (a path relative to the record); `label` is the link text. */
  | { kind: 'link'; link: AdrLinkEditKind; target: string; label?: string };

/** Replace `text.slice(start, end)` with `newText` (offsets into the text as given, BOM included). */
export interface AdrTextEdit {
  start: number;
  end: number;
  newText: string;
}
