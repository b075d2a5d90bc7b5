// One bounded walk over a repository: every folder (for conventional ADR folders at any depth),
// ADR convention files and `adr-NNN-*.md` files. Skips node_modules, .git and other dot-folders,
// and test, fixture and example folders (which never hold the repository's own records).
import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { RECORD_EXTENSION } from './record-extension';

export interface RepoWalk {
  /** Repo-relative POSIX folders ('' is the root). */
  dirs: Set<string>;
  /** Repo-relative POSIX paths of convention files (`.adr-dir`, `.log4brains.yml`, `adr.config.json`, `.adr`). */
  conventionFiles: string[];
  /** Files named like `adr-001-*.md` / `ADR-0001-*.md`. */
  namedRecords: string[];
  /** Why the walk stopped early, or null when it saw every folder. */
  truncated: 'folders' | 'depth' | null;
}

const SKIP_DIRS = new Set(['node_modules', 'vendor', 'dist', 'out', 'build', 'target', 'bower_components', '__pycache__']);
/** `test`, `__tests__`, `integration-tests`, `fixtures`, `testdata`, `examples`, `e2e-test`: never records. */
const TEST_DIR = /(?:^|[-_.])(?:tests?|__tests__|testdata|test[-_]data|fixtures?|__fixtures__|examples?|e2e)(?:[-_.]|$)/i;
export const CONVENTION_FILES = new Set(['.adr-dir', '.log4brains.yml', 'adr.config.json', '.adr']);
const NAMED_RECORD = new RegExp(`^adr[-_]\\d+(?:[-_ .].*)?\\.(?:${RECORD_EXTENSION})$`, 'i');
export const MAX_WALK_DEPTH = 10;
export const MAX_WALK_DIRS = 20_000;

export function isTestFolder(name: string): boolean {
  return TEST_DIR.test(name);
}

export async function walkRepo(root: string): Promise<RepoWalk> {
  const walk: RepoWalk = { dirs: new Set(['']), conventionFiles: [], namedRecords: [], truncated: null };
  let level: string[] = [''];
  for (let depth = 0; depth <= MAX_WALK_DEPTH && level.length > 0; depth += 1) {
    const next: string[] = [];
    const listed = await Promise.all(level.map(async (dir) => ({ dir, entries: await readdir(path.join(root, dir), { withFileTypes: true }).catch((): Dirent[] => []) })));
    for (const { dir, entries } of listed) {
      for (const entry of entries) {
        const rel = dir === '' ? entry.name : `${dir}/${entry.name}`;
        if (entry.isDirectory()) {
          if (entry.name.startsWith('.') || SKIP_DIRS.has(entry.name) || isTestFolder(entry.name)) continue;
          if (walk.dirs.size >= MAX_WALK_DIRS) {
            walk.truncated = 'folders';
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
  if (level.length > 0) walk.truncated ??= 'depth';
  return walk;
}
