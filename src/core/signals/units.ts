// One git decision per unit of history (a PR, or a lone commit) holding every
// kind it touched, with what decided it: the structural findings of its files,
// or a new module. A unit whose files changed without deciding anything is
// maintenance: kept, never counted.
import type { SignalKind } from '../model/report';
import type { SignalGroup } from './detect';
import type { UnitAssessment } from './structural/assess-unit';

/** Most significant first: a unit's `kind` is the first of its kinds in this order. */
export const KIND_SIGNIFICANCE: readonly SignalKind[] = ['architecture', 'platform', 'data', 'infrastructure', 'dependency', 'ci', 'ownership'];

export interface SignalUnit {
  /** `pr-N` or a commit sha. */
  unit: string;
  pr: string | null;
  /** The unit's groups by path kind, as the detector found them. */
  groups: readonly SignalGroup[];
  /** Commits carrying candidate files, oldest first. */
  commits: string[];
  files: string[];
  /** Kinds that decided something, most significant first; empty for maintenance. */
  kinds: SignalKind[];
  /** Kinds its files belong to, most significant first (what it touched, decision or not). */
  touched: SignalKind[];
  /** For people: why it is a decision ("added lodash", "new module api"). */
  findings: string[];
  /** Some file's old or new side was missing from the object store. */
  unreadable: boolean;
  /** What decided it are only moves between pre-1.0 versions: maintenance when bots made them (ADR 0016). */
  preReleaseOnly: boolean;
  /**
   * What decided it includes a choice of version: a dependency added, removed or moved
   * to another major, or a platform target changed, not between two pre-1.0 versions.
   * Only such a choice makes a bot's own work its merger's decision (ADR 0022): the
   * owners, pipelines, resources or schemas a bot writes are generated from a decision
   * made elsewhere.
   */
  choosesVersion: boolean;
}

/** The kinds whose findings are choices of version (manifests' dependencies and runtime targets, images' majors). */
const VERSION_KINDS: ReadonlySet<SignalKind> = new Set(['dependency', 'platform']);

function bySignificance(kinds: Iterable<SignalKind>): SignalKind[] {
  const set = new Set(kinds);
  return KIND_SIGNIFICANCE.filter((kind) => set.has(kind));
}

function sameGroups(a: readonly SignalGroup[], b: readonly SignalGroup[]): boolean {
  return a.length === b.length && a.every((group, i) => group === b[i]);
}

/**
 * Keeps each unit's object while its groups are the same objects (the detector
 * copies a group a refresh changes), so that what is remembered per unit
 * downstream stays valid.
 */
export class SignalUnitBuilder {
  private known = new Map<string, SignalUnit>();

  build(groups: readonly SignalGroup[], assessments: ReadonlyMap<SignalGroup, UnitAssessment>): SignalUnit[] {
    const byUnit = new Map<string, SignalGroup[]>();
    for (const group of groups) {
      const list = byUnit.get(group.unit);
      if (list) list.push(group);
      else byUnit.set(group.unit, [group]);
    }
    const next = new Map<string, SignalUnit>();
    const units: SignalUnit[] = [];
    for (const [unit, unitGroups] of byUnit) {
      const known = this.known.get(unit);
      const built = known && sameGroups(known.groups, unitGroups) ? known : newUnit(unit, unitGroups, assessments);
      next.set(unit, built);
      units.push(built);
    }
    this.known = next;
    return units;
  }
}

function newUnit(unit: string, groups: readonly SignalGroup[], assessments: ReadonlyMap<SignalGroup, UnitAssessment>): SignalUnit {
  const commits = new Set<string>();
  const files = new Set<string>();
  const kinds: SignalKind[] = [];
  const findings: string[] = [];
  let unreadable = false;
  let decisive = false;
  let choosesVersion = false;
  for (const group of groups) {
    for (const sha of group.commits) commits.add(sha);
    for (const file of group.files) files.add(file);
    const assessment = assessments.get(group);
    if (!assessment) {
      // Not compared as structure: a new module is the decision itself.
      kinds.push(group.kind);
      decisive = true;
      if (group.kind === 'architecture') findings.push(...group.files.map((module) => `new module ${module}`));
      continue;
    }
    if (assessment.unreadable.length > 0) unreadable = true;
    for (const finding of assessment.findings) {
      kinds.push(finding.kind);
      findings.push(finding.what);
      if (finding.preRelease === true) continue;
      decisive = true;
      if (VERSION_KINDS.has(finding.kind)) choosesVersion = true;
    }
  }
  return {
    unit,
    pr: groups[0]?.pr ?? null,
    groups,
    commits: [...commits],
    files: [...files].sort(),
    kinds: bySignificance(kinds),
    touched: bySignificance(groups.map((g) => g.kind)),
    findings: [...new Set(findings)],
    unreadable,
    preReleaseOnly: kinds.length > 0 && !decisive,
    choosesVersion,
  };
}
