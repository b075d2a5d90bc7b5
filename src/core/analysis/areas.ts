// Where a decision lives. Config `areas` globs win; then an ADR's category, first
// tag or workspace package; for git signals the workspace package or top-level
// directory most of the changed files share.
import type { ParsedAdr } from '../model/adr';
import { packageRootOf } from '../signals/architecture';
import { matchesAnyGlob } from '../signals/glob';

export const GENERAL_AREA = 'general';

export interface AreaRules {
  /** Config `areas`: name → globs, in the file's order. */
  areas: Readonly<Record<string, readonly string[]>>;
  packageGlobs: readonly string[];
}

function configuredArea(paths: readonly string[], rules: AreaRules): string | null {
  for (const [area, globs] of Object.entries(rules.areas)) {
    if (paths.some((p) => matchesAnyGlob(p, globs))) return area;
  }
  return null;
}

function lastSegment(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function areaOfAdr(adr: Pick<ParsedAdr, 'path' | 'category' | 'tags'>, rules: AreaRules): string {
  const pkg = packageRootOf(adr.path, rules.packageGlobs);
  return configuredArea([adr.path], rules) ?? adr.category ?? adr.tags[0] ?? (pkg === null ? null : lastSegment(pkg)) ?? GENERAL_AREA;
}

function mostCommon(values: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null;
  for (const [value, count] of [...counts].sort(([a], [b]) => a.localeCompare(b))) {
    if (best === null || count > (counts.get(best) ?? 0)) best = value;
  }
  return best;
}

export function areaOfPaths(paths: readonly string[], rules: AreaRules): string {
  const configured = configuredArea(paths, rules);
  if (configured !== null) return configured;
  const places = paths.map((p) => {
    const pkg = packageRootOf(p, rules.packageGlobs) ?? packageRootOf(`${p}/x`, rules.packageGlobs);
    if (pkg !== null) return lastSegment(pkg);
    // Root files and dot-folders (.github, .circleci) concern the whole repository.
    return p.includes('/') && !p.startsWith('.') ? p.slice(0, p.indexOf('/')) : GENERAL_AREA;
  });
  return mostCommon(places) ?? GENERAL_AREA;
}
