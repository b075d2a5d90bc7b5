// Real repositories (issue 15): for each repository folder under
// DECISION_ORBIT_REAL_REPOS, the CLI cold (an empty cache folder) against the raw
// git commands it runs, recorded once and replayed alone, alternating, three runs
// each; peak RSS of both; and the CLI re-run after one new commit, in a shared
// clone so the repository itself is never written. Opt-in: `npm run bench -- real`.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { GIT_SAFETY_ARGS, gitEnvironment } from '../src/core/git';
import { cloneRepo } from '../test/fixtures/git';
import { median, round } from './measure';
import { CannotMeasure, type BenchResult } from './types';

const RUNS = 3;
const TIME = '/usr/bin/time';
const CLI = path.resolve(__dirname, '..', 'dist', 'cli.js');

interface Measured {
  ms: number;
  /** CPU time, user and system, of the process and the children it waited for: steadier than wall time on a shared machine. */
  cpuMs: number;
  /** Peak RSS of the process and the children it waited for, in MB. */
  peakMB: number;
}

interface GitCommand {
  cwd: string;
  /** A copy of what the command read on stdin (`cat-file --batch` reads object names there). */
  stdin: string;
  args: string[];
}

/** The git subcommand: what follows the safety flags every engine call starts with. */
function subcommand(command: GitCommand): string {
  return command.args[GIT_SAFETY_ARGS.length] ?? '?';
}

function isHistoryPass(command: GitCommand): boolean {
  return subcommand(command) === 'log';
}

function log(message: string): void {
  process.stderr.write(`  real: ${message}\n`);
}

/** The repository folders to measure, by name; absent or unreadable ones are named and skipped. */
function repositories(): string[] {
  const base = process.env.DECISION_ORBIT_REAL_REPOS;
  if (!base) throw new CannotMeasure('set DECISION_ORBIT_REAL_REPOS to a folder holding one folder per repository');
  if (!existsSync(base)) throw new CannotMeasure(`DECISION_ORBIT_REAL_REPOS=${base} does not exist`);
  const found = readdirSync(base).sort().map((name) => path.join(base, name)).filter((dir) => {
    const ok = statSync(dir).isDirectory() && existsSync(path.join(dir, '.git'));
    if (!ok) log(`skipping ${dir}: not a git working copy`);
    return ok;
  });
  if (found.length === 0) throw new CannotMeasure(`no git working copy under ${base}`);
  return found;
}

/** Runs a command under /usr/bin/time: wall time measured here, peak RSS from time's report. */
function timed(command: string, args: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv; report: string; okCodes?: readonly number[]; stdin?: string }): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const input = options.stdin === undefined ? 'ignore' : openSync(options.stdin, 'r');
    const child = spawn(TIME, ['-f', '%M %U %S', '-o', options.report, command, ...args], { cwd: options.cwd, env: options.env, stdio: [input, 'pipe', 'pipe'] });
    if (typeof input === 'number') closeSync(input);
    const errors: Buffer[] = [];
    child.stdout?.resume();
    child.stderr?.on('data', (chunk: Buffer) => errors.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      if (!(options.okCodes ?? [0]).includes(code ?? -1)) {
        reject(new Error(`${command} ${args.slice(0, 3).join(' ')} exited ${code}: ${Buffer.concat(errors).toString('utf8').trim().split('\n').pop() ?? ''}`));
        return;
      }
      const [kb = Number.NaN, user = Number.NaN, system = Number.NaN] = (readFileSync(options.report, 'utf8').trim().split('\n').pop() ?? '').split(' ').map(Number);
      resolve({ ms, cpuMs: (user + system) * 1000, peakMB: kb / 1024 });
    });
  });
}

/**
 * A `git` first on PATH that writes each command (its folder and arguments,
 * NUL-separated) to a file, then runs the real git: the commands a CLI run starts.
 * Only `cat-file` reads its stdin, kept as it streams (the engine keeps it open
 * until every name it asks is answered); the short calls (simple-git) leave theirs
 * open too, so the shim never waits for the end of anyone's input.
 */
async function recordingGit(dir: string, realGit: string): Promise<{ bin: string; commands: () => GitCommand[] }> {
  const file = path.join(dir, 'git-commands');
  const bin = path.join(dir, 'bin');
  const inputs = path.join(dir, 'stdin');
  await mkdir(bin);
  await mkdir(inputs);
  await writeFile(file, '');
  await writeFile(path.join(bin, 'git'), `#!/bin/sh\ninput=$(mktemp '${inputs}/XXXXXX')\nprintf '%s\\0' "$#" "$PWD" "$input" "$@" >> '${file}'\ncase " $* " in\n  *' cat-file '*) tee "$input" | '${realGit}' "$@" ;;\n  *) exec '${realGit}' "$@" < /dev/null ;;\nesac\n`);
  await chmod(path.join(bin, 'git'), 0o755);
  const commands = (): GitCommand[] => {
    const fields = readFileSync(file, 'utf8').split('\0');
    const out: GitCommand[] = [];
    for (let index = 0; index + 2 < fields.length;) {
      const count = Number(fields[index]);
      out.push({ cwd: fields[index + 1] ?? '', stdin: fields[index + 2] ?? '', args: fields.slice(index + 3, index + 3 + count) });
      index += 3 + count;
    }
    return out;
  };
  return { bin, commands };
}

function cliEnv(cacheHome: string): NodeJS.ProcessEnv {
  return { ...process.env, XDG_CACHE_HOME: cacheHome, NO_COLOR: '1' };
}

/** The CLI's summary run with an empty cache folder (the cache is written, as a first run does). */
async function coldRun(repo: string, work: string, run: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<Measured> {
  const cacheHome = await mkdtemp(path.join(work, `cache-${run}-`));
  try {
    return await timed(process.execPath, [CLI, repo], { cwd: repo, env: { ...cliEnv(cacheHome), ...extraEnv }, report: path.join(work, 'time-cli') });
  } finally {
    await rm(cacheHome, { recursive: true, force: true });
  }
}

/** The recorded git commands one after another, output drained: all of the engine's git work, and the history pass's part. */
async function replay(commands: readonly GitCommand[], work: string): Promise<{ all: Measured; history: Measured }> {
  const all: Measured = { ms: 0, cpuMs: 0, peakMB: 0 };
  const history: Measured = { ms: 0, cpuMs: 0, peakMB: 0 };
  for (const command of commands) {
    // Exit 1 is an answer to rev-parse --verify and config --get-regexp, as the engine reads them;
    // 128 ends a `log -M` that met a missing blob, after which the engine resumed without renames.
    const measured = await timed('git', command.args, { cwd: command.cwd, env: gitEnvironment(), report: path.join(work, 'time-git'), okCodes: [0, 1, 128], stdin: command.stdin });
    for (const sum of isHistoryPass(command) ? [all, history] : [all]) {
      sum.ms += measured.ms;
      sum.cpuMs += measured.cpuMs;
      sum.peakMB = Math.max(sum.peakMB, measured.peakMB);
    }
  }
  return { all, history };
}

/** The git on PATH, by its absolute path, for the recording git to run. */
function realGit(): string {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, 'git');
    if (dir !== '' && existsSync(candidate)) return candidate;
  }
  throw new CannotMeasure('git is not on PATH');
}

async function countCommits(repo: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['rev-list', '--count', 'HEAD'], { cwd: repo, env: gitEnvironment(), stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => { out += chunk.toString('utf8'); });
    child.on('error', reject);
    child.on('close', () => resolve(Number(out.trim())));
  });
}

/** The CLI re-run after one new commit (median of three, each after its own commit), in a shared clone with its cache kept. */
async function reruns(repo: string, work: string): Promise<Measured[]> {
  const clone = await cloneRepo(repo, path.join(work, 'clone'), { shared: true });
  const cacheHome = path.join(work, 'rerun-cache');
  await timed(process.execPath, [CLI, clone.root], { cwd: clone.root, env: cliEnv(cacheHome), report: path.join(work, 'time-cli') });
  const times: Measured[] = [];
  for (let index = 0; index < RUNS; index += 1) {
    await clone.commit({
      author: { name: 'Bench Runner', email: 'bench@example.invalid' }, date: new Date().toISOString(), message: `Bench commit ${index}`,
      files: { [`decision-orbit-bench-${index}.txt`]: `${index}\n` },
    });
    times.push(await timed(process.execPath, [CLI, clone.root], { cwd: clone.root, env: cliEnv(cacheHome), report: path.join(work, 'time-cli') }));
  }
  return times;
}

/** CPU time is steadier than wall time when other work shares the cores; /usr/bin/time counts it in 10 ms steps. */
function cpuRatio(name: string, ours: number, git: number, history: number): BenchResult {
  const note = `ours ${round(ours)} ms, git ${round(git)} ms (the history pass ${round(history)} ms), medians`;
  if (git < 10) return { name: `${name}: CPU (user + system), ours`, value: round(ours), unit: 'ms', note: `${note}; git's is under the 10 ms that /usr/bin/time resolves` };
  return { name: `${name}: CPU (user + system), ours / all its git work`, value: round(ours / git, 2), unit: 'x', note };
}

function medianOf(values: readonly Measured[], key: keyof Measured): number {
  return median(values.map((value) => value[key]));
}

async function measureRepository(repo: string): Promise<BenchResult[]> {
  const name = path.basename(repo);
  const work = await mkdtemp(path.join(tmpdir(), 'decision-orbit-bench-real-'));
  try {
    const commits = await countCommits(repo);
    log(`${name}: ${commits} commits; recording the git commands of a cold run`);
    const recorder = await recordingGit(work, realGit());
    await coldRun(repo, work, 'record', { PATH: `${recorder.bin}${path.delimiter}${process.env.PATH ?? ''}` });
    const commands = recorder.commands();
    if (!commands.some(isHistoryPass)) throw new CannotMeasure(`${name}: the recorded run started no git log`);
    log(`${name}: ${commands.length} git commands; cold runs alternating with their replay`);
    const ours: Measured[] = [];
    const raw: Array<{ all: Measured; history: Measured }> = [];
    for (let run = 0; run < RUNS; run += 1) {
      ours.push(await coldRun(repo, work, String(run)));
      raw.push(await replay(commands, work));
    }
    const ratioAll = median(ours.map((o, i) => o.ms / (raw[i]?.all.ms ?? Number.NaN)));
    const ratioHistory = median(ours.map((o, i) => o.ms / (raw[i]?.history.ms ?? Number.NaN)));
    const gitPeak = median(raw.map((r) => r.all.peakMB));
    const oursPeak = medianOf(ours, 'peakMB');
    log(`${name}: CLI re-runs after one new commit`);
    const again = await reruns(repo, work);
    const cold = medianOf(ours, 'ms');
    const runs = (values: readonly number[]): string => values.map((v) => round(v)).join(', ');
    return [
      { name: `${name}: raw git, all its commands (median of ${RUNS})`, value: round(median(raw.map((r) => r.all.ms))), unit: 'ms', note: `${commits} commits; ${commands.length} git commands: ${commands.map(subcommand).join(', ')}` },
      { name: `${name}: raw git, the history pass alone (median of ${RUNS})`, value: round(median(raw.map((r) => r.history.ms))), unit: 'ms' },
      { name: `${name}: ours, CLI cold (median of ${RUNS})`, value: round(cold), unit: 'ms', note: `runs: ${runs(ours.map((o) => o.ms))} ms` },
      { name: `${name}: ours / all its git work`, value: round(ratioAll, 2), unit: 'x', budget: { max: 1.25 }, note: 'median of per-pair ratios (runs alternate)' },
      { name: `${name}: ours / the history pass alone`, value: round(ratioHistory, 2), unit: 'x', budget: { max: 1.5 } },
      cpuRatio(name, medianOf(ours, 'cpuMs'), median(raw.map((r) => r.all.cpuMs)), median(raw.map((r) => r.history.cpuMs))),
      { name: `${name}: peak RSS, ours (CLI and its git)`, value: round(oursPeak), unit: 'MB' },
      { name: `${name}: peak RSS, git alone`, value: round(gitPeak), unit: 'MB' },
      { name: `${name}: peak RSS ours / git`, value: round(oursPeak / gitPeak, 2), unit: 'x', budget: { max: 1.5 } },
      { name: `${name}: CLI re-run after 1 commit (median of ${RUNS})`, value: round(medianOf(again, 'ms')), unit: 'ms', note: `runs: ${runs(again.map((a) => a.ms))} ms` },
      { name: `${name}: re-run / cold`, value: round(medianOf(again, 'ms') / cold, 2), unit: 'x', budget: { max: 0.35 } },
      // Wall time of a run of a second or two is mostly the run queue on a shared machine.
      { name: `${name}: re-run / cold, CPU (user + system, with git)`, value: round(medianOf(again, 'cpuMs') / medianOf(ours, 'cpuMs'), 2), unit: 'x', note: `re-run ${round(medianOf(again, 'cpuMs'))} ms, cold ${round(medianOf(ours, 'cpuMs'))} ms, medians` },
    ];
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

export async function run(): Promise<BenchResult[]> {
  if (!existsSync(TIME)) throw new CannotMeasure(`${TIME} is missing: it gives the peak RSS of the CLI and of git`);
  if (!existsSync(CLI)) throw new CannotMeasure(`${CLI} is missing: run through npm run bench, which builds it`);
  const results: BenchResult[] = [];
  for (const repo of repositories()) {
    const figures = await measureRepository(repo);
    // As each repository is done: a long run stopped midway still leaves its figures.
    for (const figure of figures) log(`${figure.name}: ${figure.value} ${figure.unit}${figure.note === undefined ? '' : ` (${figure.note})`}`);
    results.push(...figures);
  }
  return results;
}
