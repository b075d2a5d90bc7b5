// Git signals out of one history pass: one per PR and kind, or per commit and kind
// where a commit belongs to no PR. ADR files are never signals.
import type { DecisionOrbitConfig } from '../config/schema';
import type { KeptCommit, History } from '../model/history';
import type { SignalKind } from '../model/report';
import { codeUnitOrder, collatedSort } from '../analysis/collated-sort';
import { ModuleTracker } from './architecture';
import { createPathClassifier } from './rules';

export interface SignalGroup {
  /** `pr-N` for a PR (number without its `#`/`!`), else the commit sha. */
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
  /** True for ADR files under any of their names. */
  isAdrPath: (path: string) => boolean;
}

export interface CommitUnit {
  unit: string;
  pr: string | null;
}

/** The decision unit of a commit: its PR, or the commit itself. */
export function unitOfCommit(history: Pick<History, 'prOfCommit'>, sha: string): CommitUnit {
  const pr = history.prOfCommit.get(sha) ?? null;
  return pr === null ? { unit: sha, pr: null } : { unit: `pr-${pr.replace(/^[#!]/, '')}`, pr };
}

function addedPaths(commit: KeptCommit): string[] {
  return commit.files.filter((f) => f.status === 'A' || f.status === 'C' || f.status === 'R').map((f) => f.path);
}

export function detectSignals(history: Pick<History, 'commits' | 'prOfCommit'>, options: DetectSignalsOptions): SignalGroup[] {
  const classify = createPathClassifier(options.signals);
  const architectureOn = options.signals.architecture?.enabled !== false;
  const tracker = new ModuleTracker({
    packageGlobs: [...options.packageGlobs, ...(options.signals.architecture?.paths ?? [])],
    isCovered: (path) => options.isAdrPath(path) || classify(path) !== null,
  });
  // By unit, then kind (a unit has a handful of kinds): units sort once, not once per group.
  const byUnit = new Map<string, Array<{ group: SignalGroup; files: Set<string> }>>();
  const add = (commit: KeptCommit, { unit, pr }: CommitUnit, kind: SignalKind, file: string): void => {
    let entries = byUnit.get(unit);
    if (!entries) byUnit.set(unit, (entries = []));
    let entry = entries.find((e) => e.group.kind === kind);
    if (!entry) entries.push((entry = { group: { unit, kind, pr, commits: [], files: [] }, files: new Set() }));
    const { group } = entry;
    // A commit's changes are added together, so it can only be the last one added.
    if (group.commits[group.commits.length - 1] !== commit.sha) group.commits.push(commit.sha);
    entry.files.add(file);
  };
  for (let index = history.commits.length - 1; index >= 0; index -= 1) {
    const commit = history.commits[index];
    if (!commit) continue;
    let unit: CommitUnit | undefined;
    for (const change of commit.files) {
      if (change.status === 'D' || options.isAdrPath(change.path)) continue;
      const kind = classify(change.path);
      if (kind !== null) add(commit, (unit ??= unitOfCommit(history, commit.sha)), kind, change.path);
    }
    const modules = tracker.newModules(addedPaths(commit));
    if (!architectureOn) continue;
    for (const module of modules) add(commit, (unit ??= unitOfCommit(history, commit.sha)), 'architecture', module);
  }
  const collator = new Intl.Collator();
  const result: SignalGroup[] = [];
  for (const unit of collatedSort([...byUnit.keys()], collator.compare, codeUnitOrder)) {
    const entries = byUnit.get(unit) ?? [];
    if (entries.length > 1) entries.sort((a, b) => collator.compare(a.group.kind, b.group.kind));
    for (const { group, files } of entries) {
      group.files = [...files].sort();
      result.push(group);
    }
  }
  return result;
}
