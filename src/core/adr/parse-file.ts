// Parsed records kept in the cache folder, by path and a hash of the text, so that
// the CLI's re-run parses only the records whose text changed, as the extension's
// kept AdrParseMemo does in memory. What a record parses to is the engine's rules'
// answer: a file is used only by the build that wrote it.
import { createHash } from 'node:crypto';
import * as z from 'zod';
import type { ParsedAdr } from '../model/adr';
import { decisionStatusSchema } from '../model/report';
import { KEPT_RESULTS_HEADER, readKeptResults, writeKeptResults } from '../util/cache-file';
import { parseAdr } from './parse';

const FILE_VERSION = 1;
/** More files than any ADR folder holds; past it, the first this many are kept. */
const MAX_KEPT = 5_000;

const nameRefSchema = z.object({ text: z.string(), line: z.number() });
const peopleFieldSchema = z.enum(['decisionMakers', 'consulted', 'informed']);
const parsedAdrSchema = z.object({
  path: z.string(),
  dialect: z.enum(['nygard', 'madr2', 'log4brains', 'madr3', 'madr4', 'freeform']),
  title: z.string(),
  titleLine: z.number(),
  number: z.number().nullable(),
  status: decisionStatusSchema,
  statusText: z.string(),
  date: z.string().nullable(),
  dateSource: z.enum(['adr-field', 'filename', 'folder', 'changelog']).optional(),
  slashedDate: nameRefSchema.optional(),
  decisionMakers: z.array(nameRefSchema),
  consulted: z.array(nameRefSchema),
  informed: z.array(nameRefSchema),
  unfilled: z.literal(true).optional(),
  teams: z.array(nameRefSchema.extend({ field: peopleFieldSchema })).optional(),
  tags: z.array(z.string()),
  category: z.string().nullable(),
  links: z.array(z.object({
    kind: z.enum(['supersedes', 'superseded-by', 'amends', 'amended-by', 'relates-to']),
    target: z.string(),
    resolvedPath: z.string().nullable(),
    line: z.number(),
    derived: z.boolean().optional(),
  })),
  diagnostics: z.array(z.object({
    code: z.string(),
    message: z.string(),
    line: z.number(),
    subject: z.string().optional(),
    severity: z.enum(['error', 'warning', 'info']),
  })),
  decisionSection: z.literal(true).optional(),
  summary: z.string().optional(),
}) satisfies z.ZodType<ParsedAdr>;

const fileSchema = z.object({
  version: z.literal(FILE_VERSION),
  ...KEPT_RESULTS_HEADER,
  /** Path, hash of the text, what it parsed to. */
  records: z.array(z.tuple([z.string(), z.string(), parsedAdrSchema])),
});

interface Parsed {
  hash: string;
  record: ParsedAdr;
}

function hashOf(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** parseAdr for one analysis, from what an earlier run kept when a record's text is the same. */
export class KeptRecordParses {
  private readonly parsed = new Map<string, Parsed>();
  private reparsed = false;

  private constructor(private readonly dir: string, private readonly root: string, private readonly kept: ReadonlyMap<string, Parsed>) {}

  static async load(dir: string, root: string): Promise<KeptRecordParses> {
    const file = await readKeptResults(dir, 'records', root, fileSchema);
    return new KeptRecordParses(dir, root, new Map(file ? file.records.map(([path, hash, record]) => [path, { hash, record }]) : []));
  }

  parse(path: string, text: string): ParsedAdr {
    const hash = hashOf(text);
    const known = this.kept.get(path);
    const parsed = known?.hash === hash ? known : { hash, record: parseAdr(path, text) };
    if (parsed !== known) this.reparsed = true;
    this.parsed.set(path, parsed);
    return parsed.record;
  }

  /** Keeps what this analysis parsed, when it differs from what was kept. A failed write costs the next run its parsing, nothing else. */
  async save(): Promise<void> {
    if (!this.reparsed && this.parsed.size === this.kept.size) return;
    const records = [...this.parsed].slice(0, MAX_KEPT).map(([path, { hash, record }]): [string, string, ParsedAdr] => [path, hash, record]);
    await writeKeptResults<z.infer<typeof fileSchema>>(this.dir, 'records', this.root, { version: FILE_VERSION, records }).catch(() => undefined);
  }
}
