// One bounded walk over a repository: every folder (for conventional ADR folders at any depth),
// ADR convention files and `adr-NNN-*.md` files. Skips node_modules, .git and other dot-folders.
import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';

export interface RepoWalk {
  /** Repo-relative POSIX folders ('' is the root). */
  dirs: Set<string>;
  /** Repo-relative POSIX paths of convention files (`.adr-dir`, `.log4brains.yml`, `adr.config.json`, `.adr`). */
  conventionFiles: string[];
  /** Files named like `adr-001-*.md` / `ADR-0001-*.md`. */
  namedRecords: string[];
  truncated: boolean;
}

const SKIP_DIRS = new Set(['node_modules', 'vendor', 'dist', 'out', 'build', 'target', 'bower_components', '__pycache__']);
export const CONVENTION_FILES = new Set(['.adr-dir', '.log4brains.yml', 'adr.config.json', '.adr']);
const NAMED_RECORD = /^adr[-_]\d+([-_ .].*)?\.(md|markdown)$/i;
const MAX_DEPTH = 10;
const MAX_DIRS = 20_000;

export async function walkRepo(root: string): Promise<RepoWalk> {
  const walk: RepoWalk = { dirs: new Set(['']), conventionFiles: [], namedRecords: [], truncated: false };
  let level: string[] = [''];
  for (let depth = 0; depth <= MAX_DEPTH && level.length > 0; depth += 1) {
    const next: string[] = [];
    const listed = await Promise.all(level.map(async (dir) => ({ dir, entries: await readdir(path.join(root, dir), { withFileTypes: true }).catch((): Dirent[] => []) })));
    for (const { dir, entries } of listed) {
      for (const entry of entries) {
        const rel = dir === '' ? entry.name : `${dir}/${entry.name}`;
        if (entry.isDirectory()) {
          if (entry.name.startsWith('.') || SKIP_DIRS.has(entry.name)) continue;
          if (walk.dirs.size >= MAX_DIRS) {
            walk.truncated = true;
            continue;
          }
          walk.dirs.add(rel);
          next.push(rel);
        } else if (entry.isFile()) {
          if (CONVENTION_FILES.has(entry.name)) walk.conventionFiles.push(rel);
          else if (NAMED_RECORD.test(entry.name)) walk.namedRecords.push(rel);
        }
      }
    }
    level = next;
  }
  if (level.length > 0) walk.truncated = true;
  return walk;
}
