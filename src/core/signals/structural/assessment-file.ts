// The structural assessments of a repository's units, kept in the cache folder
// (never in the repository) so that the CLI's re-run after a commit reads only
// the new units' blobs, as the extension's kept AnalysisCache does in memory.
// A file is used only by the engine build that wrote it: what a unit decides is
// the rules' answer, and another build may have other rules.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { signalKindSchema } from '../../model/report';
import type { RepositoryMemory, UnitAssessment } from './assess-unit';

const FILE_VERSION = 1;

const findingSchema = z.object({ kind: signalKindSchema, what: z.string(), introduces: z.string().optional(), preRelease: z.literal(true).optional() });
const fileSchema = z.object({
  version: z.literal(FILE_VERSION),
  build: z.string(),
  root: z.string(),
  /** Group key → findings and unreadable files, in the order they were assessed. */
  known: z.array(z.tuple([z.string(), z.array(findingSchema), z.array(z.string())])),
  seen: z.array(z.string()),
  stacks: z.array(z.tuple([z.string(), z.number()])),
});

export interface KeptAssessments {
  known: Map<string, UnitAssessment>;
  memory: RepositoryMemory;
}

let build: string | undefined;

/** The running engine's code (its bundle, or this module under a TypeScript runner), as a short hash. */
function engineBuild(): string {
  build ??= createHash('sha256').update(readFileSync(__filename)).digest('hex').slice(0, 16);
  return build;
}

function fileFor(dir: string, root: string): string {
  return join(dir, `structure-${createHash('sha256').update(root).digest('hex').slice(0, 16)}.json`);
}

/** What an earlier run of this build kept for this repository; null when nothing usable is there. */
export async function loadAssessments(dir: string, root: string): Promise<KeptAssessments | null> {
  const text = await readFile(fileFor(dir, root), 'utf8').catch(() => null);
  if (text === null) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success || parsed.data.build !== engineBuild() || parsed.data.root !== root) return null;
  return {
    known: new Map(parsed.data.known.map(([key, findings, unreadable]) => [key, { findings, unreadable }])),
    memory: { seen: new Set(parsed.data.seen), stacks: new Map(parsed.data.stacks) },
  };
}

/** Replaces the file in one rename, so a reader never meets half of one. */
export async function saveAssessments(dir: string, root: string, kept: KeptAssessments): Promise<void> {
  const content: z.infer<typeof fileSchema> = {
    version: FILE_VERSION,
    build: engineBuild(),
    root,
    known: [...kept.known].map(([key, { findings, unreadable }]) => [key, findings, unreadable]),
    seen: [...kept.memory.seen],
    stacks: [...kept.memory.stacks],
  };
  await mkdir(dir, { recursive: true });
  const file = fileFor(dir, root);
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(content));
  await rename(temporary, file);
}
