// Versions as manifests write them ("^1.4.2", "~> 3.2", "v0.55.0", ">=3.8,<4",
// "net8.0"), reduced to what decides whether a change is a decision.

const NUMBERS = /(\d+)(?:\.(\d+))?(?:\.(\d+))?/;
/**
 * A tag that names a build, not a release: a commit id (`0506aac2f316`, a letter among its
 * digits; `20240101` stays a number) or an image digest (`sha256:9c36…`).
 */
const COMMIT_OR_DIGEST = /^(?:(?=[0-9]*[a-f])[0-9a-f]{7,40}|sha256:[0-9a-f]{64})$/i;
/** A digest pinned after a tag (`1.25@sha256:…`): the tag is the version. */
const PINNED_DIGEST = /@sha256:[0-9a-f]{64}$/i;

/**
 * The first non-zero component with those before it ("2" for 2.4.1, "0.55" for
 * 0.55.0): two versions with the same major are compatible by semver's rule.
 * Null when the spec names no number (a git URL, "*", "latest") or a build (COMMIT_OR_DIGEST).
 */
export function majorOf(written: string | null | undefined): string | null {
  const spec = written?.trim().replace(PINNED_DIGEST, '');
  if (!spec || COMMIT_OR_DIGEST.test(spec)) return null;
  const match = NUMBERS.exec(spec);
  if (!match) return null;
  const [, major = '0', minor, patch] = match;
  // 0.0.0 is no release: Go's pseudo-versions (v0.0.0-20220722155217-630584e8d5aa) name a commit.
  if (Number(major) === 0 && Number(minor ?? 0) === 0 && Number(patch ?? 0) === 0) return null;
  if (Number(major) !== 0 || minor === undefined) return String(Number(major));
  if (Number(minor) !== 0 || patch === undefined) return `0.${Number(minor)}`;
  return `0.0.${Number(patch)}`;
}

/** A major majorOf gave for a version before 1.0 ("0.55", "0.0.3"). */
export function isPreReleaseMajor(major: string): boolean {
  return major.startsWith('0.');
}

/**
 * A runtime target ("go 1.21", "python >=3.8", "node >=18", "net8.0") as major and
 * minor: moving a runtime's minor (Go 1.21 to 1.22, Python 3.8 to 3.9) is a
 * platform decision; a patch level is not. A missing minor is read as the first
 * one that major allows, so ">=18" and ">=18.0.1" are one target.
 */
export function targetOf(spec: string | null | undefined): string | null {
  if (!spec) return null;
  // MSBuild's `netstandard2.0;net8.0`: every target counts, in any order.
  if (spec.includes(';')) return [...new Set(spec.split(';').map((part) => targetOf(part)).filter((target) => target !== null))].sort().join(';') || null;
  const word = /[a-z]+(?=\d)/i.exec(spec)?.[0]?.toLowerCase() ?? '';
  const match = NUMBERS.exec(spec);
  if (!match) return spec.trim() || null;
  const [, major = '0', minor = '0'] = match;
  return `${word}${Number(major)}.${Number(minor)}`;
}

/** An MSBuild value naming properties only (`$(LibraryTargetFrameworks)`): what it targets is set where they are. */
const PROPERTIES_ONLY = /^\s*\$\([\w.-]+\)(?:\s*;\s*\$\([\w.-]+\))*\s*;?\s*$/;

/** Whether a target says what it targets: not when it only names properties set elsewhere. */
export function statesTarget(spec: string): boolean {
  return !PROPERTIES_ONLY.test(spec);
}
