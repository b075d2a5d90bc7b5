// What a structural comparison of one file's old and new text found: the changes
// that decide something. None means the change is maintenance (a version bump
// within one major, reordering, whitespace, counts and sizes).
import type { SignalKind } from '../../model/report';
import { isPreReleaseMajor, majorOf } from './version';

export interface ChangeFinding {
  kind: SignalKind;
  /** For people: "added lodash", "react 17 → 18", "go 1.21 → 1.22". */
  what: string;
  /**
   * Set for an addition: the name it brings. An addition decides something only the
   * first time the repository's history sees that name; using a library or a
   * resource type the repository already uses is not a new decision.
   */
  introduces?: string;
  /**
   * Set on a move between two pre-1.0 versions (0.55 → 0.56): breaking by semver, so
   * a person who makes it decides something, but bots make such moves as routine
   * as any minor bump (ADR 0016).
   */
  preRelease?: true;
}

/** Names present on one side only, as findings. */
export function setChanges(kind: SignalKind, label: string, before: ReadonlySet<string>, after: ReadonlySet<string>): ChangeFinding[] {
  const found: ChangeFinding[] = [];
  for (const name of after) if (!before.has(name)) found.push({ kind, what: `${label} added: ${name}`, introduces: `${label} ${name}` });
  for (const name of before) if (!after.has(name)) found.push({ kind, what: `${label} removed: ${name}` });
  return found;
}

/**
 * A version moved to another major ("react 17 → 18", "golang 0.9 → 0.10"), or null
 * when it did not or either side names no release. A move between two pre-1.0
 * versions is marked as one (ADR 0016).
 */
export function majorMove(kind: SignalKind, name: string, was: string | null | undefined, now: string | null | undefined): ChangeFinding | null {
  const from = majorOf(was);
  const to = majorOf(now);
  if (from === null || to === null || from === to) return null;
  const what = `${name} ${from} → ${to}`;
  return isPreReleaseMajor(from) && isPreReleaseMajor(to) ? { kind, what, preRelease: true } : { kind, what };
}
