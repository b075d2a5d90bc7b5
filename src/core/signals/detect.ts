// Git signals out of one history pass: one per PR and kind, or per commit and kind
// where a commit belongs to no PR. ADR files are never signals.
//
// A SignalDetector kept between analyses (the extension's) reads only the commits
// a refresh added: history is walked oldest first and a refresh puts its commits
// in front of the same commit objects, so the walk resumes where it stopped. Groups
// that gain a commit are copied, never changed, since a previous report holds them.
import type { DecisionOrbitConfig } from '../config/schema';
import type { KeptCommit, History } from '../model/history';
import type { SignalKind } from '../model/report';
import { codeUnitOrder, collatedSort } from '../util/collated-sort';
import { ModuleTracker } from './architecture';
import { createPathClassifier, type PathClassifier } from './rules';
import { type CommitUnit, commitUnitOf, commitUnits, type PullRequestLookup, reusedPullRequestIds } from '../../rules/decision-rules';

export interface SignalGroup {
  /** `pr-N` for a PR (number without its `#`/`!`), else a commit sha (see commitUnits). */
  unit: string;
  kind: SignalKind;
  /** The PR as shown (`#12`, `!12`), or null. */
  pr: string | null;
  /** Commits carrying the signal's files, oldest first. */
  commits: string[];
  /** Changed paths (for architecture: the new module folders), sorted. */
  files: string[];
}

export interface DetectSignalsOptions {
  signals: DecisionOrbitConfig['signals'];
  /** Workspace package globs from the root manifest (config `signals.architecture.paths` are added). */
  packageGlobs: readonly string[];
  /** ADR files under any of their names. */
  adrPaths: ReadonlySet<string>;
  /** The analysis' classifier of `signals`, when it has one: the history pass classified the same paths. */
  classify?: PathClassifier;
}

const NOTHING_ADDED: readonly string[] = [];

/** Most commits add no file: they share one empty list, and the module tracker is not asked. */
function addedPaths(commit: KeptCommit): readonly string[] {
  let added: string[] | undefined;
  for (const f of commit.files) if (f.status === 'A' || f.status === 'C' || f.status === 'R') (added ??= []).push(f.path);
  return added ?? NOTHING_ADDED;
}

/** Everything the groups depend on besides the commits themselves. */
function fingerprintOf(options: DetectSignalsOptions, history: Pick<History, 'pullRequests'>): string {
  // A PR number named again moves the older PR's commits to another unit: walk again.
  return JSON.stringify([options.signals, options.packageGlobs, [...options.adrPaths].sort(), reusedPullRequestIds(history)]);
}

interface UnitEntry {
  group: SignalGroup;
  /** Null while the group's files array is the one already handed out. */
  files: Set<string> | null;
}

/** The walk so far: what it has read, and the state it resumes from. */
interface Walk {
  fingerprint: string;
  /** The history's commits array it walked, newest first. */
  commits: readonly KeptCommit[];
  classify: PathClassifier;
  tracker: ModuleTracker;
  architectureOn: boolean;
  /** By unit, then kind (a unit has a handful of kinds). */
  byUnit: Map<string, UnitEntry[]>;
  /** byUnit's keys in collation order, ties in first-seen order (a stable sort's). */
  units: string[];
  collator: Intl.Collator;
}

/** How many commits `commits` put in front of `walked`, or null when it is not walked extended. */
function commitsAdded(walked: readonly KeptCommit[], commits: readonly KeptCommit[]): number | null {
  const added = commits.length - walked.length;
  return walked.length > 0 && added >= 0 && commits[added] === walked[0] ? added : null;
}

/**
 * `units` (sorted) with `added` (first seen after all of them) merged in, as one
 * stable sort of both in first-seen order would give: on ties, older units first.
 */
function mergeUnits(units: readonly string[], added: string[], collator: Intl.Collator): string[] {
  const sorted = collatedSort(added, collator.compare, codeUnitOrder);
  if (units.length === 0) return sorted;
  const merged: string[] = [];
  let copied = 0;
  for (const unit of sorted) {
    // Binary search, not a scan: a refresh adds a few units to thousands.
    let low = copied;
    let high = units.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (collator.compare(units[middle] as string, unit) <= 0) low = middle + 1;
      else high = middle;
    }
    while (copied < low) merged.push(units[copied++] as string);
    merged.push(unit);
  }
  while (copied < units.length) merged.push(units[copied++] as string);
  return merged;
}

export class SignalDetector {
  private walk: Walk | undefined;

  /** `lookup`: the history's index, when the caller has one (a refresh then looks up only its new commits' units). */
  detect(history: Pick<History, 'commits' | 'pullRequests'>, options: DetectSignalsOptions, lookup?: PullRequestLookup): SignalGroup[] {
    const fingerprint = fingerprintOf(options, history);
    const unitOf = lookup ? (sha: string): CommitUnit => commitUnitOf(sha, lookup) : commitUnits(history);
    const previous = this.walk?.fingerprint === fingerprint ? this.walk : undefined;
    const added = previous ? commitsAdded(previous.commits, history.commits) : null;
    const walk = previous && added !== null ? previous : this.start(fingerprint, options);
    const from = added ?? history.commits.length;
    // Forgotten while walking: a walk cut short must not be resumed.
    this.walk = undefined;
    const newUnits: string[] = [];
    const add = (commit: KeptCommit, { unit, pr }: CommitUnit, kind: SignalKind, file: string): void => {
      let entries = walk.byUnit.get(unit);
      if (!entries) {
        walk.byUnit.set(unit, (entries = []));
        newUnits.push(unit);
      }
      let entry = entries.find((e) => e.group.kind === kind);
      if (!entry) entries.push((entry = { group: { unit, kind, pr, commits: [], files: [] }, files: new Set() }));
      if (!entry.files) {
        const { group } = entry;
        entry.group = { ...group, commits: [...group.commits] };
        entry.files = new Set(group.files);
      }
      const { group } = entry;
      // A commit's changes are added together, so it can only be the last one added.
      if (group.commits[group.commits.length - 1] !== commit.sha) group.commits.push(commit.sha);
      entry.files.add(file);
    };
    for (let index = from - 1; index >= 0; index -= 1) {
      const commit = history.commits[index];
      if (!commit) continue;
      let unit: CommitUnit | undefined;
      for (const change of commit.files) {
        // Deletions count too: a dependency, a pipeline or a service removed is a decision.
        if (options.adrPaths.has(change.path)) continue;
        const kind = walk.classify(change.path);
        if (kind !== null) add(commit, (unit ??= unitOf(commit.sha)), kind, change.path);
      }
      const added = addedPaths(commit);
      if (added === NOTHING_ADDED) continue;
      const modules = walk.tracker.newModules(added);
      if (!walk.architectureOn) continue;
      for (const module of modules) add(commit, (unit ??= unitOf(commit.sha)), 'architecture', module);
    }
    walk.commits = history.commits;
    if (newUnits.length > 0) walk.units = mergeUnits(walk.units, newUnits, walk.collator);
    this.walk = walk;

    const result: SignalGroup[] = [];
    for (const unit of walk.units) {
      const entries = walk.byUnit.get(unit) ?? [];
      if (entries.length > 1) entries.sort((a, b) => walk.collator.compare(a.group.kind, b.group.kind));
      for (const entry of entries) {
        if (entry.files) {
          entry.group.files = [...entry.files].sort();
          entry.files = null;
        }
        result.push(entry.group);
      }
    }
    return result;
  }

  private start(fingerprint: string, options: DetectSignalsOptions): Walk {
    const classify = options.classify ?? createPathClassifier(options.signals);
    return {
      fingerprint,
      commits: [],
      classify,
      tracker: new ModuleTracker({
        packageGlobs: [...options.packageGlobs, ...(options.signals.architecture?.paths ?? [])],
        isCovered: (path) => options.adrPaths.has(path) || classify(path) !== null,
      }),
      architectureOn: options.signals.architecture?.enabled !== false,
      byUnit: new Map(),
      units: [],
      collator: new Intl.Collator(),
    };
  }
}

/** One analysis' signals, with nothing kept for the next. */
export function detectSignals(history: Pick<History, 'commits' | 'pullRequests'>, options: DetectSignalsOptions, lookup?: PullRequestLookup): SignalGroup[] {
  return new SignalDetector().detect(history, options, lookup);
}
