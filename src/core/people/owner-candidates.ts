// Who to offer when a record's owners are set, likeliest first: leadership, then the people
// who decided records beside this one or worked on its area, then everyone else. Bots
// never own a decision; each person comes once, as the report merged their identities.
import path from 'node:path';
import type { Decision, Person, Report } from '../model/report';

export interface OwnerCandidates {
  /** In the roster's order (the CTO the roster names first comes first). */
  leadership: Person[];
  /** Deciders of records in the same folder or area, and authors of the area's changes: the most involved first. */
  nearby: Person[];
  everyone: Person[];
}

const WORK_ROLES = new Set(['author', 'co-author', 'decision-maker']);

function folderOf(decision: Decision): string | undefined {
  return decision.source === 'adr' && decision.path !== null ? path.posix.dirname(decision.path) : undefined;
}

/** How often each person decided a neighbouring record or worked on this record's area. */
function nearbyScores(report: Report, decision: Decision): Map<string, number> {
  const scores = new Map<string, number>();
  const add = (id: string): void => void scores.set(id, (scores.get(id) ?? 0) + 1);
  const folder = folderOf(decision);
  for (const other of report.decisions) {
    if (other.id === decision.id) {
      // Whoever wrote this record's own commits worked on it.
      for (const evidence of other.evidence) if (evidence.role === 'author' || evidence.role === 'co-author') add(evidence.person);
      continue;
    }
    const sameFolder = folder !== undefined && folderOf(other) === folder;
    if (other.source === 'adr' && (sameFolder || other.area === decision.area)) for (const id of other.decisionMakers) add(id);
    // The area's changes: the people whose commits touched its files.
    if (other.source === 'git' && other.area === decision.area) for (const evidence of other.evidence) if (WORK_ROLES.has(evidence.role)) add(evidence.person);
  }
  return scores;
}

export function ownerCandidates(report: Report, decision: Decision): OwnerCandidates {
  const byName = (a: Person, b: Person): number => a.name.localeCompare(b.name, undefined, { sensitivity: 'base', ignorePunctuation: true }) || a.id.localeCompare(b.id);
  const seen = new Set<string>();
  const people = report.people.filter((person) => !person.isBot && !seen.has(person.id) && seen.add(person.id));
  const scores = nearbyScores(report, decision);
  const rosterOrder = new Map(report.leadership.map((leader, index) => [leader.person, index]));
  const leadership = people.filter((person) => person.isLeader).sort((a, b) => (rosterOrder.get(a.id) ?? Infinity) - (rosterOrder.get(b.id) ?? Infinity) || byName(a, b));
  const nearby = people.filter((person) => !person.isLeader && scores.has(person.id)).sort((a, b) => (scores.get(b.id) ?? 0) - (scores.get(a.id) ?? 0) || byName(a, b));
  const everyone = people.filter((person) => !person.isLeader && !scores.has(person.id)).sort(byName);
  return { leadership, nearby, everyone };
}
