// The history's identities the resolver is made from: every commit author, and the
// co-authors and reviewers with an address its trailers name, once each. Finding
// the trailers walks every kept commit; a long-lived host keeps the walk's result
// and, after a refresh put new commits in front of the same commit objects, walks
// only those.
import type { AuthorActivity, KeptCommit } from '../model/history';
import { parseIdentityText, type NamedAddress } from '../people';
import { grownBy } from './history-index';

export interface HistoryIdentities {
  authors: NamedAddress[];
  trailers: NamedAddress[];
}

/** Trailer values with an address, by value, in order of first appearance over `commits` (newest first). */
function trailerIdentities(commits: readonly KeptCommit[], keys: ReadonlySet<string>): Map<string, NamedAddress> {
  const trailers = new Map<string, NamedAddress>();
  for (const commit of commits) {
    for (const trailer of commit.trailers) {
      if (!keys.has(trailer.key.toLowerCase()) || trailers.has(trailer.value)) continue;
      const parsed = parseIdentityText(trailer.value);
      if (parsed.email) trailers.set(trailer.value, { name: parsed.name ?? '', email: parsed.email });
    }
  }
  return trailers;
}

function trailerKeys(reviewTrailers: readonly string[]): Set<string> {
  return new Set(['co-authored-by', ...reviewTrailers.map((k) => k.toLowerCase())]);
}

/**
 * The resolver sees them all before it hands out an id, so two identities a third
 * one shows to be one person are one from the start.
 */
export function historyIdentities(authors: readonly AuthorActivity[], commits: readonly KeptCommit[], reviewTrailers: readonly string[]): HistoryIdentities {
  return { authors: authors.map((a) => a.identity), trailers: [...trailerIdentities(commits, trailerKeys(reviewTrailers)).values()] };
}

/**
 * The same, kept between analyses: the new commits' trailers come first in a
 * full walk's order, then the kept ones they did not name already.
 */
export class HistoryIdentitiesMemo {
  private last: { commits: readonly KeptCommit[]; keys: string; trailers: Map<string, NamedAddress> } | undefined;

  of(authors: readonly AuthorActivity[], commits: readonly KeptCommit[], reviewTrailers: readonly string[]): HistoryIdentities {
    const keys = trailerKeys(reviewTrailers);
    const keysText = [...keys].join('\n');
    const last = this.last?.keys === keysText ? this.last : undefined;
    const added = last ? grownBy(last.commits, commits, true) : null;
    let trailers: Map<string, NamedAddress>;
    if (last && added !== null) {
      trailers = trailerIdentities(commits.slice(0, added), keys);
      for (const [value, identity] of last.trailers) if (!trailers.has(value)) trailers.set(value, identity);
    } else {
      trailers = trailerIdentities(commits, keys);
    }
    this.last = { commits, keys: keysText, trailers };
    return { authors: authors.map((a) => a.identity), trailers: [...trailers.values()] };
  }
}
