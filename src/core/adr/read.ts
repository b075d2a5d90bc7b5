// Discovery + decoding + parsing of every record, then links resolved across folders.
import { close, constants, fstat, open, read } from 'node:fs';
import path from 'node:path';
import type { DecisionOrbitConfig } from '../config/schema';
import type { ParsedAdr } from '../model/adr';
import type { Warning } from '../model/report';
import { categoryIn } from './category';
import { decodeAdrText, looksBinary } from './decode';
import { discoverAdrs, isTemplateName } from './discover';
import { parseAdr } from './parse';
import { withoutOtherDocuments } from './record-shape';
import { resolveLinks } from './resolve-links';
import { readSlashedDates } from './slashed-dates';
import { RECORD_FILE } from './record-files';

/** Records above this size are read only up to it (10 MB). */
export const MAX_RECORD_BYTES = 10 * 1024 * 1024;
const CONCURRENCY = 64;

type CappedRead = { bytes: Uint8Array; size: number } | null;

/**
 * The file's first MAX_RECORD_BYTES and its size; null when it is not a file.
 * Callbacks rather than a FileHandle: a refresh reads every record, and the
 * promise API's per-call objects were most of that time.
 */
function readCapped(absolute: string): Promise<CappedRead> {
  return new Promise((resolve, reject) => {
    // Non-blocking, so a FIFO put where a record was listed cannot stall the analysis.
    open(absolute, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0), (opening, fd) => {
      if (opening) {
        if (opening.code === 'EISDIR') resolve(null);
        else reject(opening);
        return;
      }
      const finish = (failure: Error | null, result: CappedRead): void => close(fd, () => (failure ? reject(failure) : resolve(result)));
      fstat(fd, (statting, stats) => {
        if (statting) return finish(statting, null);
        if (!stats.isFile()) return finish(null, null);
        const buffer = Buffer.alloc(Math.min(stats.size, MAX_RECORD_BYTES));
        read(fd, buffer, 0, buffer.length, 0, (reading, bytesRead) => finish(reading, { bytes: buffer.subarray(0, bytesRead), size: stats.size }));
      });
    });
  });
}

/** The most specific discovered folder holding a file, or the file's own folder. */
export function folderLookup(folders: readonly string[]): (file: string) => string {
  const sorted = [...folders].sort((a, b) => b.length - a.length);
  return (file) => sorted.find((folder) => folder === '' || file.startsWith(`${folder}/`)) ?? path.posix.dirname(file);
}

export interface ReadAdrsOptions {
  /** Unsaved editor contents by repository-relative path, read instead of the disk. */
  overlays?: ReadonlyMap<string, string>;
  /** parseAdr, or a memo of it kept between analyses. */
  parse?: (path: string, text: string) => ParsedAdr;
}

export async function readAdrs(
  root: string,
  config: DecisionOrbitConfig,
  { overlays, parse = parseAdr }: ReadAdrsOptions = {},
): Promise<{ records: ParsedAdr[]; warnings: Warning[] }> {
  const discovery = await discoverAdrs(root, config);
  const warnings = [...discovery.warnings];
  const folderOf = folderLookup(discovery.folders);
  const files = new Set(discovery.files);
  // Unsaved new records inside an ADR folder count too.
  for (const file of overlays?.keys() ?? []) {
    if (RECORD_FILE.test(file) && !isTemplateName(path.posix.basename(file)) && discovery.folders.some((f) => file.startsWith(`${f}/`))) files.add(file);
  }

  // Files are read concurrently; each keeps its own findings so the report lists them in path order, whichever read ends first.
  const parseOne = async (file: string, found: Warning[]): Promise<ParsedAdr | null> => {
    const overlay = overlays?.get(file);
    if (overlay !== undefined) return parse(file, overlay.replace(/^\uFEFF/, ''));
    try {
      const read = await readCapped(path.join(root, file));
      if (!read) return null;
      const { bytes, size } = read;
      if (looksBinary(bytes)) {
        found.push({ code: 'adr-not-text', message: `${file} is not text (binary content): skipped, not read as a record`, path: file });
        return null;
      }
      if (size > MAX_RECORD_BYTES) found.push({ code: 'adr-too-large', message: `${file} is ${Math.round(size / 1048576)} MB: only its first 10 MB were read`, path: file });
      const decoded = decodeAdrText(bytes);
      if (decoded.warning) found.push({ code: 'adr-encoding', message: `${file}: ${decoded.warning}`, path: file });
      return parse(file, decoded.text);
    } catch (error) {
      found.push({ code: 'adr-unreadable', message: `${file} could not be read: ${error instanceof Error ? error.message : String(error)}`, path: file });
      return null;
    }
  };

  const list = [...files].sort();
  const parsed: ParsedAdr[] = [];
  for (let i = 0; i < list.length; i += CONCURRENCY) {
    const batch = await Promise.all(list.slice(i, i + CONCURRENCY).map(async (file) => {
      const found: Warning[] = [];
      return { record: await parseOne(file, found), found };
    }));
    for (const { record, found } of batch) {
      warnings.push(...found);
      if (record) parsed.push(record);
    }
  }
  for (const record of parsed.filter((r) => r.unfilled)) {
    warnings.push({ code: 'adr-unfilled-template', message: `${record.path} is a record template: its status is still the template's placeholder, and it has no text of its own or its title names a template; not read as a record`, path: record.path });
  }
  const records = withoutOtherDocuments(parsed.filter((r) => !r.unfilled), folderOf, (config.adr.paths ?? []).length > 0);
  warnings.push(...records.warnings);
  const withCategories = readSlashedDates(records.records, folderOf).map((record) => ({ ...record, category: categoryIn(folderOf(record.path), record.path) }));
  return { records: resolveLinks(withCategories, folderOf), warnings };
}
