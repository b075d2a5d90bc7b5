// The one way a test makes a decision, a person or a report: a valid value of the
// public model with plain defaults, and the fields a test is about given by name.
import { computeZones } from '../../src/rules/zone';
import { REPORT_SCHEMA_ID, type Decision, type Person, type Report } from '../../src/core/model/report';

export const A_WINDOW = { since: '2026-01-01', until: '2026-06-30' };
export const THRESHOLDS = { tooClose: 0.5, tooFar: 0.5, minDecisions: 10 };

/** An accepted ADR nobody is named on, counted, routed around; `overrides` set the rest. */
export function aDecision(overrides: Partial<Decision> & Pick<Decision, 'id'>): Decision {
  return {
    source: 'adr', kind: 'adr', title: overrides.id, path: null, number: null, status: 'accepted', statusText: 'accepted', date: '2026-03-01', area: 'general',
    decisionMakers: [], consulted: [], informed: [], involvement: 'around', evidence: [], commits: [], pr: null,
    supersedes: [], supersededBy: [], weight: 1, counted: true, notCountedReason: null, kinds: [],
    ...overrides,
  };
}

/** A person with an id-derived name, no e-mail, neither leader nor bot unless said. */
export function aPerson(overrides: Partial<Person> & Pick<Person, 'id'>): Person {
  return { name: overrides.id, emails: [], aliases: [], isLeader: false, isBot: false, ...overrides };
}

/**
 * A report over `A_WINDOW` with Dana Chen (CTO) as the roster; its zones are
 * computed from its decisions by core, unless the test gives them.
 */
export function aReport(overrides: Partial<Report> = {}): Report {
  const leadership = overrides.leadership ?? [{ person: 'dana', role: 'CTO' }];
  const decisions = overrides.decisions ?? [];
  const window = overrides.repository?.window ?? A_WINDOW;
  return {
    schema: REPORT_SCHEMA_ID,
    repository: { root: '/r', head: 'a'.repeat(40), analyzedAt: '2026-07-01T00:00:00Z', window },
    leadership,
    people: [aPerson({ id: 'dana', name: 'Dana Chen', isLeader: true })],
    decisions,
    zone: computeZones(decisions, leadership.map((leader) => leader.person), { window, widenTo: null, rules: THRESHOLDS }),
    warnings: [],
    ...overrides,
  };
}

/** Carol decided two decisions in the window (one around leadership, one consulted), Dana one, Eve one long before it. */
export function anOwnedReport(overrides: Partial<Report> = {}): Report {
  const roster = overrides.leadership ?? [{ person: 'dana', role: 'CTO' }];
  const level = (involvement: 'around' | 'consulted' | 'decided'): 'around' | 'consulted' | 'decided' | 'unknown' => (roster.length === 0 ? 'unknown' : involvement);
  return aReport({
    people: [aPerson({ id: 'dana', name: 'Dana Chen', isLeader: true }), aPerson({ id: 'carol', name: 'Carol Diaz' })],
    decisions: [
      aDecision({ id: 'a', decisionMakers: ['carol'], involvement: level('around') }),
      aDecision({ id: 'b', decisionMakers: ['carol'], involvement: level('consulted') }),
      aDecision({ id: 'c', decisionMakers: ['dana'], involvement: level('decided') }),
      aDecision({ id: 'old', decisionMakers: ['eve'], involvement: level('around'), date: '2020-01-01' }),
    ],
    ...overrides,
  });
}
