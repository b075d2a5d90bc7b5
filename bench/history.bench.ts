// The git side at scale (issue 4 "Speed"): on the generated 100,000-commit history,
// (a) the raw `git log` the analysis needs, (b) the full analysis and its ratio to
// (a), (c) an incremental refresh after one new commit; peak RSS is added by the runner.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AnalysisContext } from '../src/core/context';
import { cloneRepo, openRepo } from '../test/fixtures/git';
import { ensureHistory, type GeneratedHistory } from './generate-history';
import { median, round, timeRuns } from './measure';
import type { BenchResult } from './types';

export const peakRssBudgetMB = 300;

const ROOT = path.resolve(__dirname, '..');
const RUNS = 3;
const SAFETY = ['-c', 'core.fsmonitor=', '-c', 'core.hooksPath=/dev/null', '-c', 'log.showSignature=false', '--no-pager'];
/** Used until src/core/git exports its own log-args builder. */
const FALLBACK_LOG_ARGS = [
  'log', '--no-ext-diff', '--no-textconv', '--name-status', '-M', '-z', '--parents',
  '--format=%x1e%H%x00%P%x00%aN%x00%aE%x00%aI%x00%cN%x00%cE%x00%cI%x00%B', 'HEAD', '--',
];

type Analyze = (context: AnalysisContext) => Promise<unknown>;

function log(message: string): void {
  process.stderr.write(`  history: ${message}\n`);
}

/** Streams git's output away, counting bytes: the cost of the process and its output alone. */
function drainGit(cwd: string, args: readonly string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', [...SAFETY, ...args], {
      cwd, stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, LC_ALL: 'C', GIT_TERMINAL_PROMPT: '0' },
    });
    let bytes = 0;
    child.stdout.on('data', (chunk: Buffer) => { bytes += chunk.length; });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(bytes) : reject(new Error(`git ${args.join(' ')} exited ${code}`))));
  });
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

/** The analysis' own `git log` arguments when src/core/git exports a builder for them. */
async function findLogArgs(): Promise<{ args: string[]; source: string }> {
  const dir = path.join(ROOT, 'src', 'core', 'git');
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')) : [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value !== 'function' || !/log.*args/i.test(name)) continue;
      try {
        const args: unknown = (value as (options?: object) => unknown)({});
        if (isStringArray(args) && args.includes('log')) return { args, source: `src/core/git/${file} ${name}()` };
      } catch {
        // A builder that needs arguments we cannot guess: keep looking.
      }
    }
  }
  return { args: FALLBACK_LOG_ARGS, source: 'fallback args in bench/history.bench.ts (no log-args builder in src/core/git yet)' };
}

async function findAnalyze(): Promise<Analyze | null> {
  const file = path.join(ROOT, 'src', 'core', 'analyze.ts');
  if (!existsSync(file)) return null;
  const mod = (await import(pathToFileURL(file).href)) as { analyzeRepository?: unknown };
  return typeof mod.analyzeRepository === 'function' ? (mod.analyzeRepository as Analyze) : null;
}

async function appendCommit(root: string, history: GeneratedHistory): Promise<void> {
  const when = new Date(Date.parse(history.lastDate) + 3_600_000).toISOString();
  await openRepo(root).commit({
    author: { name: 'Ada Abe', email: 'ada.abe@corp.example' }, date: when, message: 'One more commit',
    files: { 'services/svc-1/package.json': '{\n  "name": "@corp/svc-1",\n  "dependencies": { "left-pad": "1.3.0" }\n}\n' },
  });
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

    const { args, source } = await findLogArgs();
    log(`raw git log (${source})`);
    let bytes = 0;
    const rawTimes = await timeRuns(async () => { bytes = await drainGit(clone.root, args); }, RUNS, 1);
    const raw = median(rawTimes);
    const results: BenchResult[] = [
      { name: 'raw git log (median of 3)', value: round(raw), unit: 'ms', note: `${size}; ${round(bytes / 1048576, 1)} MB of output; args from ${source}` },
    ];

    const analyze = await findAnalyze();
    if (analyze === null) {
      const why = 'src/core/analyze.ts does not export analyzeRepository yet (engineer E)';
      results.push(
        { name: 'full analysis (median of 3)', value: 0, unit: 'ms', notMeasurable: why },
        { name: 'full analysis / raw git log', value: 0, unit: 'x', budget: { max: 1.3 }, notMeasurable: why },
        { name: 'incremental refresh after 1 commit', value: 0, unit: 'ms', budget: { max: 300 }, notMeasurable: why },
      );
      return results;
    }

    const now = new Date(Date.parse(history.lastDate) + 86_400_000);
    log('full analysis');
    let report: unknown;
    const fullTimes = await timeRuns(async () => { report = await analyze({ root: clone.root, now }); }, RUNS);
    const full = median(fullTimes);
    results.push(
      { name: 'full analysis (median of 3)', value: round(full), unit: 'ms', note: `runs: ${fullTimes.map((t) => round(t)).join(', ')} ms; ${describeReport(report)}` },
      { name: 'full analysis / raw git log', value: round(full / raw, 2), unit: 'x', budget: { max: 1.3 } },
    );

    log('incremental refresh');
    const cacheDir = path.join(work, 'cache');
    await analyze({ root: clone.root, now, cacheDir });
    await appendCommit(clone.root, history);
    const [incremental] = await timeRuns(() => analyze({ root: clone.root, now, cacheDir }), 1);
    results.push({ name: 'incremental refresh after 1 commit', value: round(incremental ?? 0), unit: 'ms', budget: { max: 300 } });
    return results;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
