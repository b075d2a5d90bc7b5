// A decision's involvement for the roster and for each leader, from its evidence.
import type { DecisionStatus, Evidence, Involvement } from '../model/report';
import { counted, higherLevel, type CountedLevel } from './levels';

export interface InvolvementInput {
  status: DecisionStatus;
  statusText: string;
  evidence: readonly Evidence[];
}

export interface InvolvementPeople {
  /** Leader person ids, in roster order. */
  leaders: readonly string[];
  isBot: (personId: string) => boolean;
}

export interface DecisionInvolvement {
  involvement: Involvement;
  involvementByLeader: Record<string, Involvement>;
}

export function isPendingStatus(status: DecisionStatus, statusText: string): boolean {
  return status === 'proposed' || /\bdraft\b/i.test(statusText);
}

/** Shown, left out of the zone: a change only bots made. */
function isAutomated(evidence: readonly Evidence[], isBot: (id: string) => boolean): boolean {
  return evidence.length > 0 && evidence.every((item) => isBot(item.person));
}

export function decisionInvolvement(input: InvolvementInput, people: InvolvementPeople): DecisionInvolvement {
  const fixed: Involvement | null = isPendingStatus(input.status, input.statusText)
    ? 'pending'
    : isAutomated(input.evidence, people.isBot) ? 'automated' : null;
  // One pass over the evidence for every leader at once: thousands of decisions each time.
  const byLeader = new Map<string, CountedLevel>(people.leaders.map((leader) => [leader, 'around']));
  let roster: CountedLevel = 'around';
  for (const item of input.evidence) {
    const current = byLeader.get(item.person);
    if (current === undefined) continue;
    const level = counted(item.level);
    byLeader.set(item.person, higherLevel(current, level));
    roster = higherLevel(roster, level);
  }
  const involvementByLeader: Record<string, Involvement> = {};
  for (const leader of people.leaders) involvementByLeader[leader] = fixed ?? byLeader.get(leader) ?? 'around';
  return { involvement: fixed ?? roster, involvementByLeader };
}
