// What a package manifest says that a decision can change: its dependencies (the
// project's own packages left out) and its runtime targets.
import { statesTarget, targetOf } from './version';
import { majorMove, type ChangeFinding } from './findings';

export interface ManifestFacts {
  /** Dependency name → version spec as written (null when none is). */
  dependencies: Map<string, string | null>;
  /** Runtime → target as written ("node" → ">=20", "go" → "1.22"). */
  platform: Map<string, string>;
  /**
   * Dependencies the file pins only because others need them (a compiled requirements file's
   * `# via django`): nobody chose them, whichever side knows it.
   */
  indirect: Set<string>;
  /**
   * The names this manifest gives the project's own package (package.json's `name`,
   * Cargo's `[package] name`, …): in a workspace, a sibling package moves with the
   * project's releases, and depending on it chooses no one else's code.
   */
  own: Set<string>;
}

/**
 * The name a Maven module is its project's own by, whatever its group is written as: a
 * sibling is often named through a property that only the parent pom defines
 * (`${james.groupId}:apache-james-mailbox-api`), which its user's pom cannot resolve.
 */
export function siblingKey(artifact: string): string {
  return `*:${artifact}`;
}

/** The sibling key of a Maven dependency whose group is such a property; null for any other name. */
export function siblingKeyOf(name: string): string | null {
  const artifact = /^\$\{[^}]+\}:([^:]+)$/.exec(name)?.[1];
  return artifact === undefined ? null : siblingKey(artifact);
}

export function emptyFacts(): ManifestFacts {
  return { dependencies: new Map(), platform: new Map(), indirect: new Set(), own: new Set() };
}

/** What the unit's manifests declare before and after it, all of them: a dependency that moves between two is neither added nor removed. */
export interface UnitDeclarations {
  before: (name: string) => boolean;
  after: (name: string) => boolean;
}

const NOWHERE_ELSE: UnitDeclarations = { before: () => false, after: () => false };

/** The entries of two versions' dependencies that differ: changed or added in the new one's order, removed in the old one's. */
export interface DependencyDiff {
  /** Name, old spec (undefined when added), new spec. */
  changed: Array<[name: string, was: string | null | undefined, spec: string | null]>;
  removed: string[];
}

const diffs = new WeakMap<ManifestFacts, WeakMap<ManifestFacts, DependencyDiff>>();

/**
 * What differs between the dependencies of `before` and `after`, worked out once per
 * pair: the early reading (early-facts.ts) asks as soon as it has both sides of a
 * change, while the log runs, and the assessment after it finds the answer made.
 */
export function dependencyDiff(before: ManifestFacts, after: ManifestFacts): DependencyDiff {
  let ofBefore = diffs.get(before);
  const known = ofBefore?.get(after);
  if (known) return known;
  const diff: DependencyDiff = { changed: [], removed: [] };
  for (const [name, spec] of after.dependencies) {
    // Most of a manifest's entries are as they were (a spec is a string or null, never undefined).
    const was = before.dependencies.get(name);
    if (was !== spec) diff.changed.push([name, was, spec]);
  }
  for (const name of before.dependencies.keys()) if (!after.dependencies.has(name)) diff.removed.push(name);
  if (!ofBefore) diffs.set(before, (ofBefore = new WeakMap()));
  ofBefore.set(after, diff);
  return diff;
}

/**
 * Dependencies added or removed or moved to another major; runtime targets changed.
 * `isOwn`: whether a name is one of the project's own packages (a workspace sibling).
 * `unit`: what all the unit's manifests declare: a dependency moved into another of them (a
 * version catalog, `Directory.Build.props`, a workspace's table) is no dependency removed, and
 * one moved out of another is none added.
 */
export function compareManifestFacts(before: ManifestFacts, after: ManifestFacts, isOwn: (name: string) => boolean = () => false, unit: UnitDeclarations = NOWHERE_ELSE): ChangeFinding[] {
  const found: ChangeFinding[] = [];
  // The same version of a file (a unit that changed it and changed it back) changed nothing.
  if (before === after) return found;
  const chosen = (name: string): boolean => !before.indirect.has(name) && !after.indirect.has(name) && !isOwn(name);
  const { changed, removed } = dependencyDiff(before, after);
  for (const [name, was, spec] of changed) {
    if (!chosen(name)) continue;
    if (was === undefined) {
      if (!unit.before(name)) found.push({ kind: 'dependency', what: `added ${name}`, introduces: `dependency ${name}` });
    } else {
      const move = majorMove('dependency', name, was, spec);
      if (move) found.push(move);
    }
  }
  for (const name of removed) if (chosen(name) && !unit.after(name)) found.push({ kind: 'dependency', what: `removed ${name}` });
  // A target that only names properties (`$(LibraryTargetFrameworks)`) changes where they are set, which is read there.
  for (const [runtime, spec] of after.platform) {
    const was = before.platform.get(runtime);
    if (!statesTarget(spec) || (was !== undefined && !statesTarget(was))) continue;
    if (was === undefined) {
      if (before.dependencies.size > 0 || before.platform.size > 0) found.push({ kind: 'platform', what: `${runtime} target set to ${spec}` });
    } else if (targetOf(was) !== targetOf(spec)) found.push({ kind: 'platform', what: `${runtime} ${was.trim()} → ${spec.trim()}` });
  }
  for (const [runtime, spec] of before.platform) if (!after.platform.has(runtime) && statesTarget(spec)) found.push({ kind: 'platform', what: `${runtime} target ${spec} removed` });
  return found;
}
