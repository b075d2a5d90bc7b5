// A decision's involvement for the roster and for each leader, from its evidence.
import type { DecisionStatus, Evidence, Involvement } from '../model/report';
import type { CountedLevel } from '../rules/decision-rules';
import { counted, higherLevel } from './levels';

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
  // Rosters are a handful of people and evidence lists short: plain scans, no
  // sets or maps for each of thousands of decisions.
  const involvementByLeader: Record<string, Involvement> = {};
  let roster: CountedLevel = 'around';
  for (const leader of people.leaders) {
    let level: CountedLevel = 'around';
    for (const item of input.evidence) if (item.person === leader) level = higherLevel(level, counted(item.level));
    involvementByLeader[leader] = fixed ?? level;
    roster = higherLevel(roster, level);
  }
  return { involvement: fixed ?? roster, involvementByLeader };
}
