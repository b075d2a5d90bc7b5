// How many of a repository's labelled leaders the engine names among its likeliest
// leaders when it runs without a roster (what a new user sees before configuring one).
import { normalizeName } from '../../src/core/people/normalize';
import type { CorpusFile } from './types';

export interface LikeliestView {
  people: ReadonlyArray<{ id: string; name: string }>;
  suggested: ReadonlyArray<{ person: string }>;
}

export interface LikeliestGrade {
  found: string[];
  suggested: string[];
}

/** A suggestion is a labelled leader when its person's name is the leader's name or one of the names or handles (never an address) they are labelled under. */
export function gradeLikeliest(labels: Pick<CorpusFile, 'roster'>, view: LikeliestView): LikeliestGrade {
  const names = new Map(view.people.map((p) => [p.id, p.name]));
  const suggested = view.suggested.map((s) => names.get(s.person) ?? s.person);
  const found = labels.roster
    .filter((leader) => {
      const known = new Set([leader.name, ...leader.identities.filter((identity) => !identity.includes('@'))].map(normalizeName));
      return suggested.some((name) => known.has(normalizeName(name)));
    })
    .map((leader) => leader.name);
  return { found, suggested };
}
