// Grades one engine report against one labelled corpus file: signals (precision,
// recall), the record count, the records' fields, and involvement per leader.
import type { CorpusFile, CorpusLevel, DecisionRef, RecordLabel, RosterLeader } from './types';
import { engineCallsDecision, kindsOf, prNumberOf, type DecisionView, type PersonView, type ReportView } from './report-view';
import { share, type Share } from './score';

/** Every commit of a labelled unit: the first-parent commit and, for a merge, its branch. */
export type UnitCommits = ReadonlyMap<string, ReadonlySet<string>>;

export interface SignalMiss {
  sha: string;
  subject: string;
  reason: string;
  engine: string;
}

export interface SignalGrade {
  precision: Share;
  recall: Share;
  /** Of the units both call decisions, how many name the same kinds. */
  kindsAgree: Share;
  falsePositives: SignalMiss[];
  falseNegatives: SignalMiss[];
}

export interface RecordGrade {
  engineCount: number;
  labelledCount: number;
  missing: string[];
  extra: string[];
  fields: Record<'status' | 'date' | 'decisionMakers' | 'consulted' | 'informed', Share>;
  mismatches: string[];
}

export interface InvolvementGrade {
  /** Each (decision, leader) pair. */
  perLeader: Share;
  /** The roster's level (highest of its leaders) per decision. */
  roster: Share;
  /** Pairs the engine calls `around` that the label does not, over all labelled pairs. */
  falseAround: Share;
  rosterFalseAround: Share;
  mismatches: string[];
}

export interface RepositoryGrade {
  signals: SignalGrade;
  records: RecordGrade;
  involvement: InvolvementGrade;
}

const short = (sha: string): string => sha.slice(0, 10);

/**
 * The engine's git decisions for one unit: by id or a shared commit, else by PR
 * number. A number alone can name two PRs (a history imported from another
 * repository restarts the numbers), so it is only the last resort.
 */
function unitDecisions(report: ReportView, sha: string, pr: number | null, commits: ReadonlySet<string>): DecisionView[] {
  const git = report.decisions.filter((d) => d.source === 'git');
  const byCommit = git.filter((d) => d.id.includes(sha) || d.commits.some((c) => commits.has(c) || (c.length < 40 && sha.startsWith(c))));
  return byCommit.length > 0 || pr === null ? byCommit : git.filter((d) => prNumberOf(d) === pr);
}

function describeEngine(found: readonly DecisionView[]): string {
  if (found.length === 0) return 'no decision';
  return found.map((d) => `${d.id} [${kindsOf(d).join(',')}] ${d.involvement}${d.counted === undefined ? '' : ` counted=${String(d.counted)}${d.notCountedReason ? ` (${d.notCountedReason})` : ''}`}`).join('; ');
}

function commitsOf(units: UnitCommits, sha: string): ReadonlySet<string> {
  return units.get(sha) ?? new Set([sha]);
}

function gradeSignals(labels: CorpusFile, report: ReportView, units: UnitCommits): SignalGrade {
  let predicted = 0;
  let truePositive = 0;
  let kindsSame = 0;
  const falsePositives: SignalMiss[] = [];
  const falseNegatives: SignalMiss[] = [];
  for (const unit of labels.signals) {
    const found = unitDecisions(report, unit.sha, unit.pr, commitsOf(units, unit.sha));
    const engineSays = found.some(engineCallsDecision);
    const miss = { sha: short(unit.sha), subject: unit.subject, reason: unit.reason, engine: describeEngine(found) };
    if (engineSays) predicted += 1;
    if (engineSays && unit.decision) {
      truePositive += 1;
      const engineKinds = new Set(found.filter(engineCallsDecision).flatMap(kindsOf));
      if (engineKinds.size === unit.kinds.length && unit.kinds.every((k) => engineKinds.has(k))) kindsSame += 1;
    }
    if (engineSays && !unit.decision) falsePositives.push(miss);
    if (!engineSays && unit.decision) falseNegatives.push(miss);
  }
  const labelled = labels.signals.filter((s) => s.decision).length;
  return {
    precision: share(truePositive, predicted),
    recall: share(truePositive, labelled),
    kindsAgree: share(kindsSame, truePositive),
    falsePositives,
    falseNegatives,
  };
}

const normalise = (text: string): string => text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/^@/, '').replace(/\s+/g, ' ').trim().toLowerCase();

function personNames(person: PersonView | undefined, id: string): Set<string> {
  if (person === undefined) return new Set([normalise(id)]);
  return new Set([person.name, ...person.emails, ...person.aliases].map(normalise));
}

/** The names written in a field against the people the engine put there: same count, each name found. */
function samePeople(written: readonly string[], engineIds: readonly string[], people: ReadonlyMap<string, PersonView>): boolean {
  if (written.length !== engineIds.length) return false;
  const names = engineIds.map((id) => personNames(people.get(id), id));
  return written.every((name) => names.some((set) => set.has(normalise(name))));
}

function adrDecision(report: ReportView, path: string): DecisionView | undefined {
  return report.decisions.find((d) => d.source === 'adr' && (d.path === path || d.id === `adr:${path}`));
}

function gradeRecords(labels: CorpusFile, report: ReportView): RecordGrade {
  const engineAdrs = report.decisions.filter((d) => d.source === 'adr');
  const enginePaths = new Set(engineAdrs.map((d) => d.path ?? d.id.replace(/^adr:/, '')));
  const labelled = new Set(labels.adrs.paths);
  const people = new Map(report.people.map((p) => [p.id, p]));
  const fields: RecordGrade['fields'] = {
    status: share(0, 0), date: share(0, 0), decisionMakers: share(0, 0), consulted: share(0, 0), informed: share(0, 0),
  };
  const mismatches: string[] = [];
  const tally = (record: RecordLabel, field: keyof RecordGrade['fields'], ok: boolean, engine: string): void => {
    fields[field] = share(fields[field].hits + (ok ? 1 : 0), fields[field].total + 1);
    if (!ok) mismatches.push(`${record.path} ${field}: labelled ${JSON.stringify(record[field])}, engine ${engine}`);
  };
  for (const record of labels.records) {
    const found = adrDecision(report, record.path);
    tally(record, 'status', found?.status === record.status, found ? JSON.stringify(found.status) : 'no record');
    tally(record, 'date', found?.date === record.date, found ? JSON.stringify(found.date) : 'no record');
    for (const field of ['decisionMakers', 'consulted', 'informed'] as const) {
      const ids = found?.[field] ?? [];
      const ok = found !== undefined && samePeople(record[field], ids, people);
      tally(record, field, ok, found ? JSON.stringify(ids.map((id) => people.get(id)?.name ?? id)) : 'no record');
    }
  }
  return {
    engineCount: engineAdrs.length,
    labelledCount: labels.adrs.count,
    missing: [...labelled].filter((p) => !enginePaths.has(p)),
    extra: [...enginePaths].filter((p) => !labelled.has(p)),
    fields,
    mismatches,
  };
}

/** Most involved first; the levels that say "not weighed" come after, in a fixed order. */
const LEVEL_ORDER = ['decided', 'consulted', 'informed', 'around', 'unattributed', 'pending', 'automated', 'unknown'];

function highest(levels: readonly string[]): string {
  const known = levels.filter((l) => LEVEL_ORDER.includes(l)).sort((a, b) => LEVEL_ORDER.indexOf(a) - LEVEL_ORDER.indexOf(b));
  return known[0] ?? levels[0] ?? 'missing';
}

/** The engine's person id for each roster leader: by name or identity, else by position in the report's roster. */
function leaderIds(roster: readonly RosterLeader[], report: ReportView): string[] {
  const people = new Map(report.people.map((p) => [p.id, p]));
  return roster.map((leader, index) => {
    const wanted = new Set([leader.name, ...leader.identities].map(normalise));
    const match = report.leadership.find((l) => [...personNames(people.get(l.person), l.person)].some((n) => wanted.has(n)));
    const id = match?.person ?? report.leadership[index]?.person;
    if (id === undefined) throw new Error(`the report has no leader for roster entry ${leader.name}`);
    return id;
  });
}

function engineDecisionsFor(ref: DecisionRef, report: ReportView, units: UnitCommits): DecisionView[] {
  if (ref.source === 'adr') {
    const found = adrDecision(report, ref.path);
    return found === undefined ? [] : [found];
  }
  return unitDecisions(report, ref.sha, ref.pr, commitsOf(units, ref.sha));
}

function gradeInvolvement(labels: CorpusFile, report: ReportView, units: UnitCommits): InvolvementGrade {
  const ids = leaderIds(labels.roster, report);
  let pairs = 0;
  let pairsRight = 0;
  let falseAround = 0;
  let rosterRight = 0;
  let rosterFalseAround = 0;
  const mismatches: string[] = [];
  for (const item of labels.involvement) {
    const found = engineDecisionsFor(item.decision, report, units);
    const name = item.decision.source === 'adr' ? item.decision.path : `${short(item.decision.sha)}${item.decision.pr ? ` #${item.decision.pr}` : ''}`;
    const labelLevels: CorpusLevel[] = [];
    labels.roster.forEach((leader, index) => {
      const labelled = item.leaders[leader.name];
      if (labelled === undefined) throw new Error(`${labels.repository}: involvement of ${name} has no level for ${leader.name}`);
      labelLevels.push(labelled);
      const leaderId = ids[index] as string;
      const engine = found.length === 0 ? 'missing' : highest(found.map((d) => d.involvementByLeader?.[leaderId] ?? 'absent'));
      pairs += 1;
      if (engine === labelled) pairsRight += 1;
      else mismatches.push(`${name} ${leader.name}: labelled ${labelled}, engine ${engine}`);
      if (engine === 'around' && labelled !== 'around') falseAround += 1;
    });
    const rosterLabel = highest(labelLevels);
    const rosterEngine = found.length === 0 ? 'missing' : highest(found.map((d) => d.involvement));
    if (rosterEngine === rosterLabel) rosterRight += 1;
    if (rosterEngine === 'around' && rosterLabel !== 'around') rosterFalseAround += 1;
  }
  const decisions = labels.involvement.length;
  return {
    perLeader: share(pairsRight, pairs),
    roster: share(rosterRight, decisions),
    falseAround: share(falseAround, pairs),
    rosterFalseAround: share(rosterFalseAround, decisions),
    mismatches,
  };
}

export function gradeRepository(labels: CorpusFile, report: ReportView, units: UnitCommits): RepositoryGrade {
  return {
    signals: gradeSignals(labels, report, units),
    records: gradeRecords(labels, report),
    involvement: gradeInvolvement(labels, report, units),
  };
}
