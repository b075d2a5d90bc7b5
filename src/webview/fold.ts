// Git signals folded for the orbit: one mark per leadership level, area, kind and
// quarter standing for every signal in it, so a history of thousands of signals
// reads as a few dozen marks beside its records. A folded mark is a decision the
// report does not hold; opening one unfolds the map onto its area.
import { quarterOf } from '../rules/zone';
import type { Decision, Involvement } from '../core/model/report';

const FOLD_PREFIX = 'fold:';

export interface Folded {
  /** The records as they are, and one decision per fold of signals. */
  decisions: Decision[];
  /** Each fold's id and the signals it holds. */
  members: ReadonlyMap<string, readonly Decision[]>;
}

export function isFold(id: string): boolean {
  return id.startsWith(FOLD_PREFIX);
}

export function foldSignals(decisions: readonly Decision[], levelOf: (decision: Decision) => Involvement): Folded {
  const members = new Map<string, Decision[]>();
  const out: Decision[] = [];
  for (const decision of decisions) {
    if (decision.source !== 'git') {
      out.push(decision);
      continue;
    }
    const id = `${FOLD_PREFIX}${levelOf(decision)}\u0000${decision.area}\u0000${decision.kind}\u0000${decision.date === null ? 'undated' : quarterOf(decision.date)}`;
    const group = members.get(id);
    if (group) group.push(decision);
    else members.set(id, [decision]);
  }
  for (const [id, group] of members) {
    const first = group[0];
    if (!first) continue;
    const quarter = first.date === null ? 'undated' : quarterOf(first.date);
    // The first signal stands for the fold: its level, area and kind are every member's, and its
    // weight keeps the fold a signal's size (the count is in the title); nobody owns a fold.
    out.push({
      ...first,
      id,
      title: `${group.length} ${first.kind} signal${group.length === 1 ? '' : 's'} in ${first.area}, ${quarter} (folded: open to unfold)`,
      decisionMakers: [],
      status: group.every((d) => d.status === first.status) ? first.status : 'accepted',
    });
  }
  return { decisions: out, members };
}
