// The text a dependency updater writes into its pull requests and commits, so that
// its bump squash-merged under a person's name (the forge makes whoever merged the
// commit's author and keeps the bot only in the message) is still known as the
// bot's work. Only the updaters' own templates count, never a word a person writes
// about them ("dependabot's PR failed, so by hand"): each pattern is a sentence or
// a block no person types.
import type { KeptCommit, UpdaterBot } from '../model/history';

/** Blank runs between words: forges wrap a PR body where they like. */
const GAP = String.raw`\s+`;

function sentence(words: string): string {
  return words.split(' ').join(GAP);
}

const DEPENDABOT: readonly RegExp[] = [
  // The metadata block every dependabot commit message ends with.
  /^updated-dependencies:[ \t]*\r?\n[ \t]*- dependency-name:/m,
  // Its PR body: the first line, with the dependency's link, and the sentence under it.
  new RegExp(String.raw`^Bumps${GAP}\[[^\]\n]+\]\([^)\s]+\)${GAP}from${GAP}\S+${GAP}to${GAP}\S`, 'm'),
  new RegExp(sentence('Dependabot will resolve any conflicts with this PR')),
];

const RENOVATE: readonly RegExp[] = [
  // Its PR body: the table of updates, and the signature.
  new RegExp(String.raw`^${sentence('This PR contains the following updates:')}\s*\|${GAP}Package${GAP}\|`, 'm'),
  new RegExp(String.raw`${sentence('This PR')}${GAP}(?:was|has${GAP}been)${GAP}generated${GAP}by${GAP}\[(?:Mend${GAP}|WhiteSource${GAP})?Renovate(?:${GAP}Bot)?\]`, 'i'),
];

/** The updater whose template a commit message's body carries, or null. */
export function updaterOfMessage(body: string): UpdaterBot | null {
  // Most bodies name neither: two searches, then the patterns only for those that do.
  if ((body.includes('ependa') || body.includes('Bumps')) && DEPENDABOT.some((pattern) => pattern.test(body))) return 'dependabot';
  if (body.includes('enovate') || body.includes('PR contains')) return RENOVATE.some((pattern) => pattern.test(body)) ? 'renovate' : null;
  return null;
}

/**
 * A subject that says it moves dependencies, as the updaters title their PRs:
 * "Bump x from 1 to 2", "build(deps): bump …", "chore(deps): update dependency x to v2".
 */
const UPDATE_SUBJECT = /^(?:\[[^\]\n]*\]\s*)?(?:[a-z-]+(?:\([^)\n]*\))?!?:\s*)?(?:bump|update|upgrade)s?\b/i;

export function readsAsUpdate(subject: string): boolean {
  return UPDATE_SUBJECT.test(subject);
}

/** The updaters' own identities, whole: their GitHub logins and addresses, and self-hosted Renovate's. */
const UPDATER_IDENTITIES: ReadonlyArray<readonly [UpdaterBot, RegExp]> = [
  ['dependabot', /^dependabot(?:-preview)?\[bot\]\s*<[^<>]*>$|<\d+\+dependabot(?:-preview)?\[bot\]@users\.noreply\.github\.com>$/i],
  ['renovate', /^renovate\[bot\]\s*<[^<>]*>$|<(?:\d+\+renovate\[bot\]@users\.noreply\.github\.com|bot@renovateapp\.com)>$/i],
];

const UPDATER_TRAILERS: ReadonlySet<string> = new Set(['co-authored-by', 'signed-off-by']);

/** The updater a Co-authored-by or Signed-off-by trailer names, by its whole identity. */
function updaterOfTrailers(trailers: KeptCommit['trailers']): UpdaterBot | null {
  for (const trailer of trailers) {
    if (!UPDATER_TRAILERS.has(trailer.key.toLowerCase())) continue;
    const value = trailer.value.trim();
    for (const [updater, identity] of UPDATER_IDENTITIES) if (identity.test(value)) return updater;
  }
  return null;
}

/**
 * The updater whose bump a commit is, whoever git names its author: titled as an
 * update, with the updater's text in its message or its identity in a trailer.
 */
export function updaterOf(commit: Pick<KeptCommit, 'subject' | 'trailers' | 'updater'>): UpdaterBot | null {
  if (!readsAsUpdate(commit.subject)) return null;
  return commit.updater ?? updaterOfTrailers(commit.trailers);
}

/** The commit a message's body says it reverts, as `git revert` writes it (`This reverts commit 7d977f4d07….`), or null. */
export function revertedCommitOfMessage(body: string): string | null {
  return /^This reverts commit ([0-9a-f]{7,64})\b/m.exec(body)?.[1] ?? null;
}
