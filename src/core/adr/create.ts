// A new record in the repository's dominant dialect, with the next number of its folder
// (or a date slug in log4brains folders).
import path from 'node:path';
import type { DecisionOrbitConfig } from '../config/schema';
import type { AdrDialect, ParsedAdr } from '../model/adr';
import { readAdrs } from './read';
import { WriteRefusedError } from './confine';
import { parseAdr } from './parse';
import { insideRepo } from './repo-paths';
import { fillTemplate, findTemplate, firstField } from './template';
import { latinFold } from '../util/latin-fold';

export interface CreateAdrOptions {
  root: string;
  title: string;
  /** Folder for the record (repository-relative or absolute); default: the folder with the most records. */
  dir?: string;
  /** YYYY-MM-DD. */
  date: string;
  config: DecisionOrbitConfig;
}

const DEFAULT_FOLDER = 'docs/decisions';

export function slugify(title: string): string {
  const slug = latinFold(title).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return slug.slice(0, 60).replace(/-+$/, '') || 'decision';
}

function mostCommon<T>(values: readonly T[], fallback: T): T {
  const counts = new Map<T, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best = fallback;
  let bestCount = 0;
  for (const [value, count] of counts) {
    if (count > bestCount) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}

function recordText(dialect: AdrDialect, title: string, number: number | null, date: string): string {
  const body = '## Context and Problem Statement\n\n\n\n## Considered Options\n\n\n\n## Decision Outcome\n\n\n';
  switch (dialect) {
    case 'nygard':
      return `# ${number ?? 1}. ${title}\n\nDate: ${date}\n\n## Status\n\nProposed\n\n## Context\n\n\n\n## Decision\n\n\n\n## Consequences\n\n\n`;
    case 'madr2':
      return `# ${title}\n\n* Status: proposed\n* Deciders: \n* Date: ${date}\n\n${body}`;
    case 'log4brains':
      return `# ${title}\n\n- Status: draft\n- Deciders: \n- Date: ${date}\n- Tags: \n\n${body}`;
    case 'madr3':
      return `---\nstatus: proposed\ndate: ${date}\ndeciders: []\nconsulted: []\ninformed: []\n---\n\n# ${title}\n\n${body}`;
    default:
      return `---\nstatus: proposed\ndate: ${date}\ndecision-makers: []\nconsulted: []\ninformed: []\n---\n\n# ${title}\n\n${body}`;
  }
}

function folderOfRecords(records: readonly ParsedAdr[]): string {
  return mostCommon(records.map((r) => path.posix.dirname(r.path)), DEFAULT_FOLDER);
}

/** A new record: where it goes, its text, and the range the writer starts in (`cursor`, offsets into `text`). */
export interface CreatedAdr {
  path: string;
  text: string;
  cursor: { start: number; end: number };
  /** The repository's template it was made from, when there is one. */
  template?: string;
}

function statusWord(dialect: AdrDialect): string {
  return dialect === 'nygard' ? 'Proposed' : dialect === 'log4brains' ? 'draft' : 'proposed';
}

export async function createAdr(options: CreateAdrOptions): Promise<CreatedAdr> {
  const title = options.title.trim().replace(/\s+/g, ' ');
  if (title.length === 0) throw new Error('a record needs a title');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.date)) throw new Error(`date "${options.date}" is not YYYY-MM-DD`);
  const { records } = await readAdrs(options.root, options.config);
  let folder: string;
  if (options.dir !== undefined) {
    const relative = insideRepo(options.root, path.resolve(options.root, options.dir));
    if (relative === null) throw new WriteRefusedError('outside', options.dir);
    folder = relative === '.' ? '' : relative;
  } else {
    folder = folderOfRecords(records);
  }
  const local = records.filter((r) => path.posix.dirname(r.path) === folder);
  const dialect = mostCommon((local.length > 0 ? local : records).map((r) => r.dialect), 'madr4');
  const slug = slugify(title);
  const prefix = folder === '' ? '' : `${folder}/`;
  const template = await findTemplate(options.root, folder === '' ? '.' : folder);
  const made = (file: string, number: number | null): CreatedAdr => {
    const text = template
      ? fillTemplate(template.text, { title, number, date: options.date, status: statusWord(parseAdr(template.path, template.text).dialect) })
      : recordText(dialect, title, number, options.date);
    return { path: file, text, cursor: firstField(text), ...(template ? { template: template.path } : {}) };
  };
  if (dialect === 'log4brains' || local.some((r) => /^\d{8}-/.test(path.posix.basename(r.path)))) {
    return made(`${prefix}${options.date.replace(/-/g, '')}-${slug}.md`, null);
  }
  const numbers = local.map((r) => r.number).filter((n): n is number => n !== null);
  const next = numbers.length > 0 ? Math.max(...numbers) + 1 : 1;
  const width = mostCommon(local.map((r) => /^(\d+)/.exec(path.posix.basename(r.path))?.[1]?.length ?? 4), 4);
  return made(`${prefix}${String(next).padStart(width, '0')}-${slug}.md`, next);
}
