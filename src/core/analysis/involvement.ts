// A decision's involvement for the roster and for each leader, from its evidence.
import type { DecisionStatus, Evidence, Involvement } from '../model/report';
import type { CountedLevel } from '../../rules/decision-rules';
import { counted, higherLevel } from './levels';
import { botAuthored, type ToolPeople } from './tool-work';

export interface InvolvementInput {
  status: DecisionStatus;
  statusText: string;
  evidence: readonly Evidence[];
  /** A git unit that decided nothing: bots' maintenance stays automated though a person merged it. */
  maintenance?: boolean;
}

export interface InvolvementPeople extends ToolPeople {
  /** Leader person ids, in roster order. */
  leaders: readonly string[];
}

export interface DecisionInvolvement {
  involvement: Involvement;
  involvementByLeader: Record<string, Involvement>;
}

export function isPendingStatus(status: DecisionStatus, statusText: string): boolean {
  return status === 'proposed' || /\bdraft\b/i.test(statusText);
}

/** Shown, left out of the zone: a change only bots made, or bots' maintenance whoever merged it. */
function isAutomated(input: InvolvementInput, people: ToolPeople): boolean {
  const { evidence } = input;
  return (evidence.length > 0 && evidence.every((item) => people.isBot(item.person)))
    || (input.maintenance === true && botAuthored(evidence, people));
}

export function decisionInvolvement(input: InvolvementInput, people: InvolvementPeople): DecisionInvolvement {
  // No evidence at all (a record only bulk commits touched, no fields): nobody can be named.
  const fixed: Involvement | null = isPendingStatus(input.status, input.statusText)
    ? 'pending'
    : input.evidence.length === 0 ? 'unattributed' : isAutomated(input, people) ? 'automated' : null;
  // Around needs positive evidence that someone decided: where the evidence left is only
  // later edits or reviews (the adding was an import), a leader without any is unattributed.
  const decidedBySomeone = input.evidence.some((item) => item.level === 'decided');
  const absent = (level: CountedLevel): Involvement => (level === 'around' && !decidedBySomeone ? 'unattributed' : level);
  // Rosters are a handful of people and evidence lists short: plain scans, no
  // sets or maps for each of thousands of decisions.
  const involvementByLeader: Record<string, Involvement> = {};
  let roster: CountedLevel = 'around';
  for (const leader of people.leaders) {
    let level: CountedLevel = 'around';
    for (const item of input.evidence) if (item.person === leader) level = higherLevel(level, counted(item.level));
    involvementByLeader[leader] = fixed ?? absent(level);
    roster = higherLevel(roster, level);
  }
  // Without a roster nobody can be routed around: the level is unknown, not around.
  return { involvement: fixed ?? (people.leaders.length === 0 ? 'unknown' : absent(roster)), involvementByLeader };
}
