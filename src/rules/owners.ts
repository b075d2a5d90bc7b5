// Who owns decisions, and how far from leadership theirs were made: every person
// who decided a counted decision among those given (named decision-makers, or
// those the evidence says decided: the people the zone counts as deciders), the
// decisions they own by leadership's level, and the distance those give. The map's
// Owners tab, the CLI and the extension show these rows, over whatever decisions
// each has in view.
import type { Decision, Involvement } from '../core/model/report';
import { COUNTED_LEVELS, distanceFromLeadership, isCounted, type CountedLevel } from './decision-rules';
import { decidersOf } from './zone';

export interface Owner {
  person: string;
  /** The counted decisions given that they decided. */
  decisions: Decision[];
  /** Those by leadership's level (none without a roster: nobody's level is known). */
  byLevel: Record<CountedLevel, number>;
  /** distanceFromLeadership of `byLevel`: null when none of theirs counts. */
  distance: number | null;
}

const isCountedLevel = (level: Involvement): level is CountedLevel => (COUNTED_LEVELS as readonly Involvement[]).includes(level);

/**
 * The owners of `decisions`, most decisions first, then by `name`. `levelOf` is
 * leadership's level in a decision: the roster's, or one leader's.
 */
export function decisionOwners(decisions: readonly Decision[], levelOf: (decision: Decision) => Involvement, name: (person: string) => string): Owner[] {
  const owners = new Map<string, Owner>();
  for (const decision of decisions) {
    if (!isCounted(decision)) continue;
    const level = levelOf(decision);
    for (const person of decidersOf(decision)) {
      let owner = owners.get(person);
      if (!owner) {
        owner = { person, decisions: [], byLevel: { decided: 0, consulted: 0, informed: 0, around: 0 }, distance: null };
        owners.set(person, owner);
      }
      owner.decisions.push(decision);
      if (isCountedLevel(level)) owner.byLevel[level] += 1;
    }
  }
  for (const owner of owners.values()) owner.distance = distanceFromLeadership(owner.byLevel);
  return [...owners.values()].sort((a, b) => b.decisions.length - a.decisions.length || name(a.person).localeCompare(name(b.person)));
}
