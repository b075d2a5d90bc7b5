// A category is the subfolder between an ADR folder and the record (`docs/adr/backend/0001-x.md`).
import path from 'node:path';
import { isFolderPerRecordPage } from './record-name';

export const CONVENTIONAL_FOLDERS = [
  'doc/adr', 'docs/adr', 'docs/adrs', 'docs/decisions', 'docs/architecture/decisions',
  'doc/architecture/decisions', 'architecture/decisions', 'architecture-decision-records',
  'architecture-decision-record', 'decision-records',
] as const;

/** The record's directory, minus the folder-per-record level when the file is `<slug>/README.md`. */
function recordDir(filePath: string): string {
  const dir = path.posix.dirname(filePath);
  return isFolderPerRecordPage(filePath) ? path.posix.dirname(dir) : dir;
}

/** Category relative to a known ADR folder (first subfolder), or null when the record sits in it directly. */
export function categoryIn(folder: string, filePath: string): string | null {
  const dir = recordDir(filePath);
  if (folder === '' || folder === '.') return dir === '.' ? null : dir.split('/')[0] ?? null;
  if (dir === folder || !dir.startsWith(`${folder}/`)) return null;
  return dir.slice(folder.length + 1).split('/')[0] ?? null;
}

/** Best guess without discovery: the subfolder after a conventional ADR folder in the path. */
export function inferCategory(filePath: string): string | null {
  const dir = recordDir(filePath);
  const padded = `/${dir}/`;
  for (const folder of CONVENTIONAL_FOLDERS) {
    const at = padded.lastIndexOf(`/${folder}/`);
    if (at !== -1) {
      const rest = padded.slice(at + folder.length + 2, -1);
      return rest.length > 0 ? rest.split('/')[0] ?? null : null;
    }
  }
  return null;
}
