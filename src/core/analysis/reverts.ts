// A change undone soon after by `git revert` decided nothing, and neither did its revert:
// a trunk-based team's "Switch to PostgreSQL" and "Revert \"Switch to PostgreSQL\"" the same
// afternoon were two counted decisions. Both become maintenance, and their findings say why.
import type { KeptCommit } from '../model/history';
import type { SignalUnit } from '../signals/units';
import { DAY_MS } from '../util/day';
import type { HistoryIndex } from './history-index';

/** How soon a revert follows its change for the pair to have decided nothing. */
const UNDONE_WITHIN_DAYS = 14;

/** Each unit made maintenance, by the note it carries: the same object while the unit and its note are the same (the decision memo keys on it). */
const undone = new WeakMap<SignalUnit, { note: string; unit: SignalUnit }>();

function asUndone(unit: SignalUnit, note: string): SignalUnit {
  const known = undone.get(unit);
  if (known?.note === note) return known.unit;
  const made: SignalUnit = { ...unit, kinds: [], findings: [note], unreadable: false, preReleaseOnly: false, choosesVersion: false };
  undone.set(unit, { note, unit: made });
  return made;
}

function day(commit: KeptCommit): string {
  return commit.authorDate.slice(0, 10);
}

/**
 * The units with each pair of a change and its revert, when the revert came within
 * UNDONE_WITHIN_DAYS and each unit is wholly the change or wholly its revert (a unit of one
 * commit, or a PR whose merge was reverted), as maintenance.
 */
export function withoutUndoneChanges(units: readonly SignalUnit[], index: HistoryIndex): SignalUnit[] {
  const unitOf = new Map<string, SignalUnit>();
  for (const unit of units) for (const sha of unit.commits) unitOf.set(sha, unit);
  /** The unit a reverted commit was the whole of: its only commit, or its PR's merge. */
  const wholeUnitOf = (sha: string): SignalUnit | undefined => {
    const full = sha.length >= 40 ? sha : [...unitOf.keys()].find((known) => known.startsWith(sha)) ?? sha;
    const unit = unitOf.get(full);
    if (unit?.commits.length === 1) return unit;
    const pr = index.pullRequestOf(full);
    return pr?.mergeCommit === full ? unitOf.get(pr.commits.find((member) => unitOf.has(member)) ?? '') : undefined;
  };
  const pairs: Array<{ revert: SignalUnit; target: SignalUnit; revertNote: string; targetNote: string }> = [];
  for (const unit of units) {
    const reverts = unit.commits.map((sha) => index.commit(sha));
    const first = reverts[0];
    if (!first?.reverts || !reverts.every((commit) => commit?.reverts === first.reverts)) continue;
    const target = wholeUnitOf(first.reverts);
    const original = index.commit(first.reverts) ?? (target ? index.commit(target.commits[0] ?? '') : undefined);
    if (!target || target === unit || !original) continue;
    if (Math.abs(Date.parse(first.authorDate) - Date.parse(original.authorDate)) > UNDONE_WITHIN_DAYS * DAY_MS) continue;
    pairs.push({ revert: unit, target, revertNote: `reverts ${first.reverts.slice(0, 10)} of ${day(original)}`, targetNote: `reverted by ${first.sha.slice(0, 10)} on ${day(first)}` });
  }
  // A revert undone in its turn undid nothing: the change it reverted stands, and only the two reverts are maintenance.
  const undoneUnits = new Set(pairs.map((pair) => pair.target));
  const notes = new Map<SignalUnit, string>();
  for (const { revert, target, revertNote, targetNote } of pairs) {
    if (undoneUnits.has(revert)) continue;
    notes.set(target, targetNote);
    notes.set(revert, revertNote);
  }
  return notes.size === 0 ? [...units] : units.map((unit) => {
    const note = notes.get(unit);
    return note === undefined ? unit : asUndone(unit, note);
  });
}
