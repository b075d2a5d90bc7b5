// The git side at scale (issue 4 "Speed"): on the generated 100,000-commit history,
// (a) the raw `git log` the analysis needs, (b) the full analysis and its ratio to
// (a), (c) an incremental refresh after one new commit as the extension does it
// (one AnalysisCache kept between analyses) and, for comparison, the CLI's re-run
// with only the history cache folder; peak RSS is added by the runner.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AnalysisCache } from '../src/core/analysis-cache';
import { analyzeRepository } from '../src/core/analyze';
import type { AnalysisContext } from '../src/core/context';
import { historyScope } from '../src/core/analysis/history-scope';
import { DEFAULT_CONFIG } from '../src/core/config/schema';
import { buildLogArgs, gitEnvironment, GIT_SAFETY_ARGS, readHistory } from '../src/core/git';
import { cloneRepo, openRepo } from '../test/fixtures/git';
import { ensureHistory, type GeneratedHistory } from './generate-history';
import { collectGarbage, median, round, timePaired, timeRuns } from './measure';
import type { BenchResult } from './types';

export const peakRssBudgetMB = 300;

const RUNS = 3;

function log(message: string): void {
  process.stderr.write(`  history: ${message}\n`);
}

/** The analysis' own `git log` (same args, flags and environment), output streamed away: git's cost alone. */
function drainGit(cwd: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', [...GIT_SAFETY_ARGS, ...buildLogArgs()], { cwd, stdio: ['ignore', 'pipe', 'ignore'], env: gitEnvironment() });
    let bytes = 0;
    child.stdout.on('data', (chunk: Buffer) => { bytes += chunk.length; });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(bytes) : reject(new Error(`git log exited ${code}`))));
  });
}

/** One new commit on top of the history (a dependency change, so the analysis has a signal to find). */
async function appendCommit(root: string, history: GeneratedHistory, label: string): Promise<{ sha: string }> {
  const when = new Date(Date.parse(history.lastDate) + 3_600_000).toISOString();
  const sha = await openRepo(root).commit({
    author: { name: 'Ada Abe', email: 'ada.abe@corp.example' }, date: when, message: `One more commit (${label})`,
    files: { 'services/svc-1/package.json': `{\n  "name": "@corp/svc-1",\n  "dependencies": { "left-pad": "1.3.0" },\n  "note": "${label}"\n}\n` },
  });
  return { sha };
}

/**
 * The git part of the analysis alone (readHistory: stream, parse, keep what the
 * default config's analysis reads, PR membership), full and incremental: shows
 * where the time goes inside the whole analysis.
 */
async function measureHistoryPass(root: string, work: string, history: GeneratedHistory): Promise<BenchResult[]> {
  log('history pass (readHistory), alternating with raw git log');
  const scope = historyScope(DEFAULT_CONFIG.signals, []);
  let read = 0;
  const paired = await timePaired(() => drainGit(root), async () => { read = (await readHistory(root, {}, { scope })).commitsRead; }, RUNS);
  const cacheDir = path.join(work, 'history-cache');
  await readHistory(root, { cacheDir }, { scope });
  const { sha } = await appendCommit(root, history, 'history-pass');
  let fresh = 0;
  const [incremental] = await timeRuns(async () => { fresh = (await readHistory(root, { cacheDir }, { scope })).commitsRead; }, 1);
  await openRepo(root).git(['reset', '--quiet', '--hard', `${sha}~1`]);
  return [
    { name: 'history pass (readHistory, median of 3)', value: round(median(paired.subject)), unit: 'ms', note: `${read} commits parsed` },
    { name: 'history pass / raw git log', value: round(paired.ratio, 2), unit: 'x' },
    { name: 'history pass incremental after 1 commit', value: round(incremental ?? 0), unit: 'ms', note: `${fresh} commit(s) read from git; the rest from the cacheDir` },
  ];
}

/** A sanity line: the analysis did real work. */
function describeReport(report: unknown): string {
  const decisions = (report as { decisions?: unknown } | null)?.decisions;
  return Array.isArray(decisions) ? `${decisions.length} decisions in the report` : 'the result has no decisions array';
}

export async function run(): Promise<BenchResult[]> {
  const history = await ensureHistory({ onProgress: log });
  log(`${history.reused ? 'reusing' : 'generated'} ${history.commits} commits (${history.merges} PR merges, ${history.adrs} ADRs) at ${history.root}`);
  const work = await mkdtemp(path.join(tmpdir(), 'decision-orbit-bench-history-'));
  try {
    // A shared clone: the cached history stays untouched when the bench appends a commit.
    const clone = await cloneRepo(history.root, path.join(work, 'repo'), { shared: true });
    const size = `${history.commits} commits, ${history.merges} merges, ${history.authors} authors, ${history.adrs} ADRs`;

    log('raw git log (buildLogArgs from src/core/git)');
    let bytes = 0;
    const rawTimes = await timeRuns(async () => { bytes = await drainGit(clone.root); }, RUNS, 1);
    const results: BenchResult[] = [
      { name: 'raw git log (median of 3)', value: round(median(rawTimes)), unit: 'ms', note: `${size}; ${round(bytes / 1048576, 1)} MB of output` },
      ...(await measureHistoryPass(clone.root, work, history)),
    ];

    const now = new Date(Date.parse(history.lastDate) + 86_400_000);
    log('full analysis, alternating with raw git log');
    let report: unknown;
    const paired = await timePaired(() => drainGit(clone.root), async () => { report = await analyzeRepository({ root: clone.root, now }); }, RUNS);
    results.push(
      { name: 'full analysis (median of 3)', value: round(median(paired.subject)), unit: 'ms', note: `runs: ${paired.subject.map((t) => round(t)).join(', ')} ms; ${describeReport(report)}` },
      { name: 'full analysis / raw git log', value: round(paired.ratio, 2), unit: 'x', budget: { max: 1.3 }, note: 'median of per-pair ratios (runs alternate)' },
    );
    // Described: the last report is let go, or the refreshes' peak RSS would hold two analyses.
    report = undefined;

    // Each refresh follows one new commit; the median of three, as for the full analysis.
    const refreshes = async (label: string, context: Omit<AnalysisContext, 'root'>): Promise<number[]> => {
      // The previous phase's kept cache is garbage now; left uncollected it would add to this phase's peak RSS.
      collectGarbage();
      await analyzeRepository({ root: clone.root, ...context });
      const times: number[] = [];
      for (let index = 0; index < RUNS; index += 1) {
        await appendCommit(clone.root, history, `${label} ${index}`);
        times.push(...(await timeRuns(() => analyzeRepository({ root: clone.root, ...context }), 1)));
      }
      return times;
    };
    log('incremental refresh (the extension: one AnalysisCache kept between analyses)');
    const kept = await refreshes('extension', { now, cache: new AnalysisCache(path.join(work, 'extension-cache')) });
    log('re-run with a cacheDir (the CLI: history from the cache folder, nothing else kept)');
    const rerun = await refreshes('cli', { now, cacheDir: path.join(work, 'cli-cache') });
    results.push(
      { name: `incremental refresh after 1 commit (median of ${RUNS})`, value: round(median(kept)), unit: 'ms', budget: { max: 300 }, note: `the extension's refresh, AnalysisCache kept; runs: ${kept.map((t) => round(t)).join(', ')} ms` },
      { name: `CLI re-run after 1 commit, cacheDir (median of ${RUNS})`, value: round(median(rerun)), unit: 'ms', note: `in this process (no node start-up); runs: ${rerun.map((t) => round(t)).join(', ')} ms` },
    );
    return results;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
