// A report of the size the map must stay fast at: 10,000 decisions by 2,000
// people in 40 areas, with evidence, supersede links, a two-leader roster, and
// the insights and warnings such a repository has.
// Seeded, so every run draws the same picture.
import { computeZones } from '../src/rules/zone';
import { INVOLVEMENTS, REPORT_SCHEMA_ID, type Decision, type DecisionStatus, type Involvement, type Report } from '../src/core/model/report';

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const STATUSES: DecisionStatus[] = ['accepted', 'accepted', 'accepted', 'accepted', 'proposed', 'superseded', 'deprecated', 'rejected', 'unknown'];
const LEVELS: Involvement[] = ['decided', 'consulted', 'consulted', 'informed', 'around', 'around', 'around'];

/**
 * Insights as a long-lived repository has them: the generated 100,000-commit
 * history gives 6,814 bus-factor entries for 7,019 decisions, most of them old
 * decisions whose makers stopped committing.
 */
function syntheticInsights(decisions: readonly Decision[], areas: readonly string[], people: readonly string[], random: () => number): NonNullable<Report['insights']> {
  const breadthByQuarter = Object.fromEntries(Array.from({ length: 16 }, (_, i) => [`${2022 + Math.floor(i / 4)}-Q${(i % 4) + 1}`, 20 + Math.floor(random() * 200)]));
  const busFactor = decisions
    .filter((d) => d.status === 'accepted' && d.involvement !== 'pending' && d.involvement !== 'automated' && random() < 0.7)
    .map((d) => ({ decision: d.id, people: d.decisionMakers, reason: d.source === 'adr' && random() < 0.3 ? 'single-owner' as const : 'all-inactive' as const }));
  const drift = areas.map((area, i) => ({ path: `services/${area}/`, declared: [people[i] ?? 'person-2'], actual: [people[i + 1] ?? 'person-3', people[i + 2] ?? 'person-4'], source: 'CODEOWNERS' }));
  return { breadthByQuarter, busFactor, drift, suggestedLeaders: [] };
}

export function syntheticReport(decisionCount = 10_000, peopleCount = 2_000): Report {
  const random = seeded(42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const people = Array.from({ length: peopleCount }, (_, i) => ({
    id: `person-${i}`, name: `Person ${String(i).padStart(4, '0')}`, emails: [`p${i}@acme.io`], aliases: [], isLeader: i < 2, isBot: i === peopleCount - 1, lastActive: '2026-09-01',
  }));
  const leaders = ['person-0', 'person-1'];
  const areas = Array.from({ length: 40 }, (_, i) => `area-${String(i).padStart(2, '0')}`);
  const decisions: Decision[] = Array.from({ length: decisionCount }, (_, i) => {
    const adr = random() < 0.3;
    const day = new Date(Date.UTC(2022, 0, 1) + Math.floor(random() * 4 * 365) * 86_400_000).toISOString().slice(0, 10);
    // A long tail of owners: a few people own many decisions.
    const owner = people[Math.floor(random() ** 3 * peopleCount)]?.id ?? 'person-2';
    const status = adr ? pick(STATUSES) : 'accepted';
    const involvement: Involvement = status === 'proposed' ? 'pending' : random() < 0.03 ? 'automated' : pick(LEVELS);
    const sha = (i * 2654435761).toString(16).padStart(40, '0').slice(-40);
    return {
      id: adr ? `adr:docs/adr/${String(i).padStart(5, '0')}-decision.md` : `git:pr-${i}:dependency`,
      source: adr ? 'adr' : 'git',
      kind: adr ? 'adr' : 'dependency',
      title: `${adr ? 'Adopt' : 'Dependencies: bump'} component ${i}`,
      path: adr ? `docs/adr/${String(i).padStart(5, '0')}-decision.md` : 'package.json',
      number: adr ? i : null,
      status,
      statusText: status,
      date: day,
      area: pick(areas),
      decisionMakers: [owner],
      consulted: random() < 0.3 ? [pick(people).id] : [],
      informed: [],
      involvement,
      involvementByLeader: { 'person-0': involvement === 'decided' && random() < 0.5 ? 'decided' : pick(INVOLVEMENTS.slice(0, 4)), 'person-1': pick(INVOLVEMENTS.slice(0, 4)) },
      evidence: [
        { person: owner, role: adr ? 'decision-maker' : 'author', source: adr ? 'adr-field' : 'commit-author', ref: adr ? `docs/adr/${i}.md:4` : sha, inferred: false, level: 'decided' },
        { person: pick(people).id, role: 'merger', source: 'merge-commit', ref: sha, inferred: false, level: 'consulted' },
      ],
      commits: [sha],
      pr: `#${i}`,
      supersedes: [],
      supersededBy: [],
      weight: adr ? 1 : 0.5,
      files: adr ? [] : ['package.json'],
      counted: involvement !== 'pending' && involvement !== 'automated',
      notCountedReason: involvement === 'pending' || involvement === 'automated' ? involvement : null,
      kinds: adr ? [] : ['dependency' as const],
      ...(adr ? {} : { findings: [`added package-${i}`] }),
      ...(adr ? { summary: `We adopt component ${i} because **it fits**.` } : {}),
    };
  });
  for (let i = 10; i < decisions.length; i += 97) {
    const newer = decisions[i];
    const older = decisions[i - 10];
    if (newer?.source === 'adr' && older?.source === 'adr') {
      newer.supersedes.push(older.id);
      older.supersededBy.push(newer.id);
    }
  }
  const window = { since: '2025-06-01', until: '2025-12-31' };
  const rules = { tooClose: 0.5, tooFar: 0.5, minDecisions: 10 };
  return {
    schema: REPORT_SCHEMA_ID,
    repository: { root: '/bench/synthetic', head: null, analyzedAt: '2026-01-01T00:00:00.000Z', window },
    leadership: [{ person: 'person-0', role: 'CTO' }, { person: 'person-1', role: 'Architect' }],
    people,
    decisions,
    zone: computeZones(decisions, leaders, { window, widenTo: null, rules }),
    insights: syntheticInsights(decisions, areas, people.map((p) => p.id), random),
    warnings: decisions.filter((d) => d.source === 'adr' && random() < 0.05).map((d) => ({
      code: 'adr-no-decision-makers', message: `${d.path ?? ''}:1: No decision-makers: name who decided.`, path: d.path, line: 1,
    })),
  };
}
