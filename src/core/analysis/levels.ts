// Involvement levels ordered: the highest level any piece of evidence supports wins.
import type { Involvement } from '../model/report';
import type { CountedLevel } from '../../rules/decision-rules';

const RANK: Record<CountedLevel, number> = { decided: 3, consulted: 2, informed: 1, around: 0 };

export function higherLevel(a: CountedLevel, b: CountedLevel): CountedLevel {
  return RANK[b] > RANK[a] ? b : a;
}

export function counted(level: Involvement | undefined): CountedLevel {
  return level === 'decided' || level === 'consulted' || level === 'informed' ? level : 'around';
}
