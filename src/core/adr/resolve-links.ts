// Link targets → record paths across folders, and the other side of one-sided links:
// "0005 supersedes 0002" also makes 0002 "superseded by" 0005.
import path from 'node:path';
import type { AdrLink, AdrLinkKind, ParsedAdr } from '../model/adr';
import { RECORD_FILE } from './record-files';
import { recordStem, slugOf } from './record-name';

const OPPOSITE: Partial<Record<AdrLinkKind, AdrLinkKind>> = {
  supersedes: 'superseded-by',
  'superseded-by': 'supersedes',
  amends: 'amended-by',
  'amended-by': 'amends',
};

class RecordIndex {
  private readonly byPath = new Map<string, ParsedAdr>();
  private readonly byNumber = new Map<number, ParsedAdr[]>();
  private readonly bySlug = new Map<string, ParsedAdr[]>();

  constructor(records: readonly ParsedAdr[], private readonly folderOf: (file: string) => string) {
    for (const record of records) {
      this.byPath.set(record.path, record);
      if (record.number !== null) push(this.byNumber, record.number, record);
      push(this.bySlug, slugOf(record.path), record);
      push(this.bySlug, recordStem(record.path).toLowerCase(), record);
    }
  }

  resolve(from: ParsedAdr, target: string): string | null {
    const clean = decodeTarget(target);
    if (RECORD_FILE.test(clean) || clean.includes('/')) {
      const resolved = clean.startsWith('/') ? clean.slice(1) : path.posix.normalize(path.posix.join(path.posix.dirname(from.path), clean));
      if (this.byPath.has(resolved)) return resolved;
      return this.resolveAmong(from, this.bySlug.get(recordStem(resolved).toLowerCase()) ?? []);
    }
    if (/^\d+$/.test(clean)) return this.resolveAmong(from, this.byNumber.get(Number(clean)) ?? []);
    return this.resolveAmong(from, this.bySlug.get(clean.toLowerCase()) ?? []);
  }

  /** Same folder first; elsewhere only when exactly one record fits. */
  private resolveAmong(from: ParsedAdr, candidates: readonly ParsedAdr[]): string | null {
    const others = candidates.filter((c) => c.path !== from.path);
    const folder = this.folderOf(from.path);
    const local = others.filter((c) => this.folderOf(c.path) === folder);
    if (local.length > 0) return local[0]?.path ?? null;
    return others.length === 1 ? others[0]?.path ?? null : null;
  }
}

function push<K>(map: Map<K, ParsedAdr[]>, key: K, record: ParsedAdr): void {
  const list = map.get(key);
  if (list) list.push(record);
  else map.set(key, [record]);
}

function decodeTarget(target: string): string {
  const withoutAnchor = target.replace(/[#?].*$/, '').replace(/^\.\//, '');
  try {
    return decodeURIComponent(withoutAnchor);
  } catch {
    return withoutAnchor;
  }
}

/** New records with every link resolved and the missing reverse links added (marked `derived`). */
export function resolveLinks(records: readonly ParsedAdr[], folderOf: (file: string) => string): ParsedAdr[] {
  const index = new RecordIndex(records, folderOf);
  const resolved = records.map((record) => ({
    ...record,
    links: record.links.map((link): AdrLink => ({ ...link, resolvedPath: index.resolve(record, link.target) })),
  }));
  const byPath = new Map(resolved.map((record) => [record.path, record]));
  for (const record of resolved) {
    for (const link of [...record.links]) {
      const opposite = OPPOSITE[link.kind];
      const other = link.resolvedPath === null ? undefined : byPath.get(link.resolvedPath);
      if (!opposite || !other || other === record) continue;
      if (other.links.some((l) => l.kind === opposite && l.resolvedPath === record.path)) continue;
      other.links.push({ kind: opposite, target: record.path, resolvedPath: record.path, line: other.titleLine, derived: true });
    }
  }
  return resolved;
}
