// One record file edited in place under the confinement rule: checked, read without
// following links, planned in its own dialect, written back only when it changed. The
// CLI's `tag` and the property tests run exactly this.
import type { ParsedAdr } from '../model/adr';
import { confineExisting } from './confine';
import { decodeAdrText } from './decode';
import { applyAdrTextEdits, planAdrEdit } from './edit';
import { parseAdr } from './parse';
import type { AdrEdit } from './types';
import { readConfined, writeConfined } from './write-file';

export interface RecordFileEdit {
  /** How messages name the file. */
  shown: string;
  /** The confinement rule's record check: repository-relative POSIX paths of the records discovery found. */
  allowed: (relative: string) => boolean;
  /** The edits for the record as read (its dialect decides what it can hold); throws to refuse. */
  edits: (record: ParsedAdr) => AdrEdit[];
}

export async function editRecordFile(root: string, target: string, request: RecordFileEdit): Promise<{ relative: string; changed: boolean }> {
  const file = await confineExisting(root, target, { shown: request.shown, allowed: request.allowed });
  const bytes = await readConfined(file);
  const decoded = decodeAdrText(bytes);
  if (decoded.warning) throw new Error(`${request.shown} is ${decoded.warning}; save it as UTF-8 before editing it`);
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? '\uFEFF' : '';
  const before = bom + decoded.text;
  let text = before;
  for (const edit of request.edits(parseAdr(file.relative, decoded.text))) text = applyAdrTextEdits(text, planAdrEdit(text, file.relative, edit));
  if (text === before) return { relative: file.relative, changed: false };
  await writeConfined(file, text, request.allowed);
  return { relative: file.relative, changed: true };
}
