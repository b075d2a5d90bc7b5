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
  for (const area in rules.areas) {
    const globs = rules.areas[area] ?? [];
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
  if (values.length === 1) return values[0] ?? null;
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null;
  for (const [value, count] of [...counts].sort(([a], [b]) => a.localeCompare(b))) {
    if (best === null || count > (counts.get(best) ?? 0)) best = value;
  }
  return best;
}

function placeOf(path: string, packageGlobs: readonly string[]): string {
  const pkg = packageRootOf(path, packageGlobs) ?? packageRootOf(`${path}/x`, packageGlobs);
  if (pkg !== null) return lastSegment(pkg);
  // Root files and dot-folders (.github, .circleci) concern the whole repository.
  return path.includes('/') && !path.startsWith('.') ? path.slice(0, path.indexOf('/')) : GENERAL_AREA;
}

/** Places by path per rules object: thousands of signals name the same few hundred files. */
const placeMemo = new WeakMap<AreaRules, Map<string, string>>();

export function areaOfPaths(paths: readonly string[], rules: AreaRules): string {
  const configured = configuredArea(paths, rules);
  if (configured !== null) return configured;
  let places = placeMemo.get(rules);
  if (!places) placeMemo.set(rules, (places = new Map()));
  const memo = places;
  return mostCommon(paths.map((p) => {
    let place = memo.get(p);
    if (place === undefined) memo.set(p, (place = placeOf(p, rules.packageGlobs)));
    return place;
  })) ?? GENERAL_AREA;
}
