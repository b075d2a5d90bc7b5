// Repository-relative POSIX paths, and the check that a configured folder stays inside the repository.
import { realpathSync } from 'node:fs';
import path from 'node:path';

export function toPosix(relative: string): string {
  return relative.split(path.sep).join('/');
}

/** Repo-relative POSIX path of an absolute path, or null when it lies outside `root` (symlinks followed). */
export function insideRepo(root: string, absolute: string): string | null {
  const realRoot = safeRealpath(root);
  const realTarget = safeRealpath(absolute);
  const relative = path.relative(realRoot, realTarget);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return null;
  return relative === '' ? '.' : toPosix(relative);
}

function safeRealpath(target: string): string {
  try {
    return realpathSync(target);
  } catch {
    // A folder that does not exist yet: judge the path as written.
    return path.resolve(target);
  }
}
