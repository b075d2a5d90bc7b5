// `npm run bench -- corpus`: grades the engine against the blind labels in
// bench/corpus/*.json (issue 12 item 4, issue 13 "Done when"). Each labelled
// repository is found through DECISION_ORBIT_CORPUS (one folder per repository
// name) or DECISION_ORBIT_CORPUS_<NAME>; an absent one is named and skipped. The
// engine runs with the labelled roster as its leadership. Details go to stderr.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AnalysisCache } from '../src/core/analysis-cache';
import { analyzeRepository } from '../src/core/analyze';
import { gradeLikeliest, type LikeliestGrade } from './corpus/likeliest';
import { gradeRepository, type RepositoryGrade } from './corpus/grade';
import { CORPUS_ENV, headOf, locateRepository, readLabelFiles, repositoryEnvName, unitCommits } from './corpus/locate';
import { reportViewSchema, verdictsOf, type Verdicts, type ZoneVerdict } from './corpus/report-view';
import { addShares, formatShare, percent, wilsonLower80, type Share } from './corpus/score';
import type { CorpusFile } from './corpus/types';
import { CannotMeasure, type BenchBudget, type BenchResult } from './types';

export const peakRssBudgetMB = 1500;

const corpusDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'corpus');
const DETAIL_LINES = 12;

function log(line = ''): void {
  process.stderr.write(`${line}\n`);
}

function shareResult(name: string, s: Share, budget: BenchBudget | undefined, note: string, empty: string): BenchResult {
  const value = percent(s);
  if (value === null) return { name, value: 0, unit: '%', noData: empty };
  return { name, value, unit: '%', budget, note: `${s.hits}/${s.total}${note === '' ? '' : `; ${note}`}` };
}

function lowerBound(s: Share): string {
  const lb = wilsonLower80(s);
  return lb === null ? '80 % lower bound n/a' : `80 % lower bound ${lb.toFixed(1)} %`;
}

function verdictText(v: ZoneVerdict | null): string {
  return v === null ? 'n/a' : `${v.verdict}${v.count === null ? '' : ` (${v.count} counted)`}`;
}

function verdictsNote(v: Verdicts, schema: string): string {
  return `ADRs ${verdictText(v.adr)}; signals ${verdictText(v.git)}; combined ${verdictText(v.combined)} [${schema}]`;
}

function printList(title: string, lines: readonly string[]): void {
  if (lines.length === 0) return;
  log(`  ${title} (${lines.length}):`);
  for (const line of lines.slice(0, DETAIL_LINES)) log(`    ${line}`);
  if (lines.length > DETAIL_LINES) log(`    … ${lines.length - DETAIL_LINES} more`);
}

function printDetail(labels: CorpusFile, grade: RepositoryGrade, verdicts: string, byLeader: string): void {
  const { signals, records, involvement } = grade;
  log(`\n== ${labels.repository} (${labels.remote}, labelled at ${labels.head.slice(0, 10)} by ${labels.labelledBy})`);
  log(`  signals: precision ${formatShare(signals.precision)}, ${lowerBound(signals.precision)}; recall ${formatShare(signals.recall)}, ${lowerBound(signals.recall)}; kinds agree ${formatShare(signals.kindsAgree)}`);
  printList('engine decision, labelled not', signals.falsePositives.map((m) => `${m.sha} ${m.subject} — label: ${m.reason} — engine: ${m.engine}`));
  printList('labelled decision, engine not', signals.falseNegatives.map((m) => `${m.sha} ${m.subject} — label: ${m.reason} — engine: ${m.engine}`));
  log(`  records: engine ${records.engineCount}, labelled ${records.labelledCount}; fields: ${Object.entries(records.fields).map(([f, s]) => `${f} ${formatShare(s)}`).join(', ')}`);
  printList('labelled records the engine lacks', records.missing);
  printList('engine records not labelled', records.extra);
  printList('record field mismatches', records.mismatches);
  log(`  involvement: per leader ${formatShare(involvement.perLeader)}, roster ${formatShare(involvement.roster)}; false around ${formatShare(involvement.falseAround)} (roster ${formatShare(involvement.rosterFalseAround)})`);
  printList('involvement mismatches', involvement.mismatches);
  log(`  verdicts: ${verdicts}`);
  log(`  per leader: ${byLeader}`);
}

function likeliestResult(repository: string, labels: CorpusFile, likeliest: LikeliestGrade): BenchResult {
  return {
    name: `${repository}: labelled leaders among the likeliest`,
    value: likeliest.found.length,
    unit: 'n',
    note: `of ${labels.roster.length}, in the first ${likeliest.suggested.length} suggested without a roster${likeliest.found.length > 0 ? `: ${likeliest.found.join(', ')}` : ''}`,
  };
}

interface Graded {
  labels: CorpusFile;
  grade: RepositoryGrade;
  likeliest: LikeliestGrade;
}

async function gradeOne(labels: CorpusFile, root: string): Promise<{ graded: Graded; results: BenchResult[] }> {
  const head = await headOf(root);
  if (head !== labels.head) log(`note: ${labels.repository} HEAD is ${head.slice(0, 10)}, labelled at ${labels.head.slice(0, 10)}; the labelled units must still be on its first-parent line`);
  const units = await unitCommits(root, labels);
  log(`bench corpus: analysing ${labels.repository} at ${root}`);
  const leadership = labels.roster.map((l) => ({ name: l.name, role: l.role, aliases: l.identities.filter((i) => i !== l.name) }));
  // The second analysis, without the roster, reads what the first kept.
  const cacheDir = await mkdtemp(path.join(tmpdir(), 'decision-orbit-corpus-'));
  const cache = new AnalysisCache(cacheDir);
  const report = reportViewSchema.parse(await analyzeRepository({ root, hostConfig: { leadership }, cache }));
  const unrostered = await analyzeRepository({ root, cache }).finally(() => rm(cacheDir, { recursive: true, force: true }));
  const likeliest = gradeLikeliest(labels, { people: unrostered.people, suggested: unrostered.insights?.suggestedLeaders ?? [] });
  const grade = gradeRepository(labels, report, units);
  const verdicts = verdictsNote(verdictsOf(report.zone), report.schema);
  const people = new Map(report.people.map((p) => [p.id, p.name]));
  const byLeaderZone = (report.zone.byLeader ?? {}) as Record<string, unknown>;
  const byLeader = report.leadership.map((l) => {
    const v = verdictsOf({ overall: byLeaderZone[l.person] }).combined;
    return `${people.get(l.person) ?? l.person} ${verdictText(v)}`;
  }).join('; ');
  printDetail(labels, grade, verdicts, byLeader);
  log(`  likeliest leaders without a roster: ${likeliest.suggested.join(', ') || 'none'}`);

  const r = labels.repository;
  const { signals, records, involvement } = grade;
  const fieldsAll = addShares(Object.values(records.fields));
  const results: BenchResult[] = [
    shareResult(`${r}: signal precision`, signals.precision, { min: 70 }, lowerBound(signals.precision), `the engine calls none of the ${labels.signals.length} labelled units a decision`),
    shareResult(`${r}: signal recall`, signals.recall, { min: 70 }, lowerBound(signals.recall), `no labelled decision among the ${labels.signals.length} units`),
    {
      name: `${r}: records found`, value: records.engineCount, unit: 'n', budget: { min: records.labelledCount, max: records.labelledCount },
      note: `labelled ${records.labelledCount}; ${records.missing.length} missing, ${records.extra.length} not labelled`,
    },
    shareResult(`${r}: record fields agree`, fieldsAll, { min: 100 }, Object.entries(records.fields).map(([f, s]) => `${f} ${s.hits}/${s.total}`).join(', '), 'no record labelled'),
    shareResult(`${r}: involvement accuracy`, involvement.perLeader, undefined, `roster level ${formatShare(involvement.roster)}`, 'no involvement labelled'),
    shareResult(`${r}: false around`, involvement.falseAround, undefined, `roster level ${formatShare(involvement.rosterFalseAround)}`, 'no involvement labelled'),
    { name: `${r}: verdicts`, value: report.decisions.length, unit: 'n', note: `value: decisions in the report; ${verdicts}; per leader: ${byLeader}` },
    likeliestResult(r, labels, likeliest),
  ];
  return { graded: { labels, grade, likeliest }, results };
}

function pooledResults(graded: readonly Graded[]): BenchResult[] {
  const pool = (pick: (g: RepositoryGrade) => Share): Share => addShares(graded.map((g) => pick(g.grade)));
  const leadersFound = graded.reduce((sum, g) => sum + g.likeliest.found.length, 0);
  const leadersLabelled = graded.reduce((sum, g) => sum + g.labels.roster.length, 0);
  const precision = pool((g) => g.signals.precision);
  const recall = pool((g) => g.signals.recall);
  const names = graded.map((g) => g.labels.repository).join(', ');
  const bound = (name: string, s: Share, min: number): BenchResult => {
    const lb = wilsonLower80(s);
    return lb === null ? { name, value: 0, unit: '%', noData: 'nothing counted' } : { name, value: lb, unit: '%', budget: { min }, note: `${s.hits}/${s.total}` };
  };
  return [
    shareResult('pooled: signal precision', precision, { min: 85 }, names, 'no unit called a decision'),
    bound('pooled: signal precision, 80 % lower bound', precision, 75),
    shareResult('pooled: signal recall', recall, { min: 80 }, names, 'no labelled decision'),
    bound('pooled: signal recall, 80 % lower bound', recall, 75),
    shareResult('pooled: involvement accuracy', pool((g) => g.involvement.perLeader), undefined, `roster level ${formatShare(pool((g) => g.involvement.roster))}`, 'no involvement labelled'),
    shareResult('pooled: false around', pool((g) => g.involvement.falseAround), { max: 10 }, `of labelled (decision, leader) pairs; roster level ${formatShare(pool((g) => g.involvement.rosterFalseAround))}`, 'no involvement labelled'),
    { name: 'pooled: labelled leaders among the likeliest', value: leadersFound, unit: 'n', note: `of ${leadersLabelled} labelled leaders, each repository's first suggestions without a roster` },
  ];
}

export async function run(): Promise<BenchResult[]> {
  const files = readLabelFiles(corpusDir);
  if (files.length === 0) throw new Error('bench/corpus holds no label file');
  const results: BenchResult[] = [];
  const graded: Graded[] = [];
  const skipped: string[] = [];
  for (const labels of files) {
    const { root, looked } = locateRepository(labels.repository, process.env);
    if (root === null) {
      skipped.push(labels.repository);
      log(`bench corpus: skipped ${labels.repository} (absent: ${looked})`);
      continue;
    }
    const one = await gradeOne(labels, root);
    graded.push(one.graded);
    results.push(...one.results);
  }
  if (graded.length === 0) {
    throw new CannotMeasure(`no labelled repository found (${skipped.join(', ')}): set ${CORPUS_ENV} to a folder holding them by name, or ${repositoryEnvName(skipped[0] ?? 'name')} for one`);
  }
  results.push(...pooledResults(graded));
  if (skipped.length > 0) results.push({ name: 'skipped (absent)', value: skipped.length, unit: 'n', note: skipped.join(', ') });
  return results;
}
