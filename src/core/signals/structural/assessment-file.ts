// The structural assessments of a repository's units, kept in the cache folder
// (never in the repository) so that the CLI's re-run after a commit reads only
// the new units' blobs, as the extension's kept AnalysisCache does in memory.
// A file is used only by the engine build that wrote it: what a unit decides is
// the rules' answer, and another build may have other rules.
import * as z from 'zod';
import { signalKindSchema } from '../../model/report';
import { KEPT_RESULTS_HEADER, readKeptResults, writeKeptResults } from '../../util/cache-file';
import type { RepositoryMemory, UnitAssessment } from './assess-unit';

const FILE_VERSION = 2;

const findingSchema = z.object({ kind: signalKindSchema, what: z.string(), introduces: z.string().optional(), preRelease: z.literal(true).optional() });
const fileSchema = z.object({
  version: z.literal(FILE_VERSION),
  ...KEPT_RESULTS_HEADER,
  /** Group key → findings and unreadable files, in the order they were assessed. */
  known: z.array(z.tuple([z.string(), z.array(findingSchema), z.array(z.string())])),
  seen: z.array(z.string()),
  stacks: z.array(z.tuple([z.string(), z.number()])),
  own: z.array(z.tuple([z.string(), z.number()])),
});

export interface KeptAssessments {
  known: Map<string, UnitAssessment>;
  memory: RepositoryMemory;
}

/** What an earlier run of this build kept for this repository; null when nothing usable is there. */
export async function loadAssessments(dir: string, root: string): Promise<KeptAssessments | null> {
  const file = await readKeptResults(dir, 'structure', root, fileSchema);
  if (!file) return null;
  return {
    known: new Map(file.known.map(([key, findings, unreadable]) => [key, { findings, unreadable }])),
    memory: { seen: new Set(file.seen), stacks: new Map(file.stacks), own: new Map(file.own) },
  };
}

/** Replaces the file in one rename, so a reader never meets half of one. */
export async function saveAssessments(dir: string, root: string, kept: KeptAssessments): Promise<void> {
  await writeKeptResults<z.infer<typeof fileSchema>>(dir, 'structure', root, {
    version: FILE_VERSION,
    known: [...kept.known].map(([key, { findings, unreadable }]) => [key, findings, unreadable]),
    seen: [...kept.memory.seen],
    stacks: [...kept.memory.stacks],
    own: [...kept.memory.own],
  });
}
