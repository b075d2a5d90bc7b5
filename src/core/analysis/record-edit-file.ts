// What later commits changed in records (record-edits.ts), kept in the cache folder
// so that the CLI's re-run after a commit classifies only the edits it has not seen,
// as the extension's kept RecordEditMemo does in memory. A classification is the
// engine's rules' answer: a file is used only by the build that wrote it.
import * as z from 'zod';
import { recordChangeKindSchema, type RecordChangeKind } from '../model/report';
import { KEPT_RESULTS_HEADER, readKeptResults, writeKeptResults } from '../util/cache-file';

const FILE_VERSION = 1;
/** About 150 bytes each on disk: a history with more record edits keeps the first this many. */
const MAX_KEPT = 50_000;

const fileSchema = z.object({
  version: z.literal(FILE_VERSION),
  ...KEPT_RESULTS_HEADER,
  /** Memo key (RecordEditMemo) → what the edit changed. */
  edits: z.array(z.tuple([z.string(), recordChangeKindSchema])),
});

/** What an earlier run of this build kept for this repository; null when nothing usable is there. */
export async function loadRecordEdits(dir: string, root: string): Promise<Map<string, RecordChangeKind> | null> {
  const file = await readKeptResults(dir, 'record-edits', root, fileSchema);
  return file ? new Map(file.edits) : null;
}

export async function saveRecordEdits(dir: string, root: string, edits: ReadonlyMap<string, RecordChangeKind>): Promise<void> {
  await writeKeptResults<z.infer<typeof fileSchema>>(dir, 'record-edits', root, { version: FILE_VERSION, edits: [...edits].slice(0, MAX_KEPT) });
}
