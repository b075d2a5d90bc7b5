// Involvement levels ordered: the highest level any piece of evidence supports wins.
import type { Evidence, Involvement } from '../model/report';

export type CountedLevel = 'decided' | 'consulted' | 'informed' | 'around';

const RANK: Record<CountedLevel, number> = { decided: 3, consulted: 2, informed: 1, around: 0 };

export function higherLevel(a: CountedLevel, b: CountedLevel): CountedLevel {
  return RANK[b] > RANK[a] ? b : a;
}

function counted(level: Involvement | undefined): CountedLevel {
  return level === 'decided' || level === 'consulted' || level === 'informed' ? level : 'around';
}

/** The highest level the evidence gives any of `people`; `around` when none. */
export function levelForPeople(evidence: readonly Evidence[], people: ReadonlySet<string>): CountedLevel {
  let level: CountedLevel = 'around';
  for (const item of evidence) if (people.has(item.person)) level = higherLevel(level, counted(item.level));
  return level;
}
