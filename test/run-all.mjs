// `npm test`: every tier, in order, each in its own process, with one line per
// tier (passed, failed, pending) and, last, the plain total `N passed, N failed`.
// A green total must mean the tests ran: a tier fails when it skips a test, when
// it prints no count we can read, or when it passes fewer tests than its floor in
// test/floors.json (an `.only` left behind shows as a tier far below its floor,
// and every mocha config forbids it outright). Prerequisites are installed where
// possible (scripts/prereqs.mjs); what cannot be is named.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { MissingPrerequisite, ensureBrowserPrerequisites, ensureCodeServer, PROJECT_ROOT } from '../scripts/prereqs.mjs';

const node = process.execPath;
const FLOORS = JSON.parse(readFileSync(`${PROJECT_ROOT}/test/floors.json`, 'utf8'));
const bin = (name) => `${PROJECT_ROOT}/node_modules/.bin/${name}`;

const STEPS = [
  { name: 'build', command: node, args: ['esbuild.js'], kind: 'check' },
  { name: 'types', command: bin('tsc'), args: ['--noEmit', '-p', '.'], kind: 'check' },
  { name: 'lint', command: bin('eslint'), args: ['.'], kind: 'check' },
  { name: 'unit', command: bin('mocha'), args: ['--config', 'test/unit/.mocharc.json'], kind: 'mocha' },
  { name: 'integration', command: bin('mocha'), args: ['--config', 'test/integration/.mocharc.json'], kind: 'mocha' },
  { name: 'vscode', command: node, args: ['test/vscode/launch.mjs'], kind: 'closing-line', needs: 'vscode' },
  { name: 'e2e', command: node, args: ['test/e2e/run.mjs'], kind: 'mocha', needs: 'vscode' },
];

function run(step) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(step.command, step.args, { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
      process.stderr.write(chunk);
    });
    child.on('error', (error) => resolve({ code: 1, output: `${output}\n${error.message}`, seconds: (Date.now() - started) / 1000 }));
    child.on('close', (code) => resolve({ code: code ?? 1, output, seconds: (Date.now() - started) / 1000 }));
  });
}

/** What a tier printed; `null` when it printed no count at all. */
function parseCounts(step, output) {
  if (step.kind === 'closing-line') {
    const lines = [...output.matchAll(/^(\d+) passed, (\d+) failed(?:, (\d+) pending)?$/gm)];
    const last = lines[lines.length - 1];
    return last ? { passed: Number(last[1]), failed: Number(last[2]), pending: Number(last[3] ?? 0) } : null;
  }
  const passing = /^\s*(\d+) passing/m.exec(output);
  if (!passing) return null;
  const count = (word) => Number(new RegExp(`^\\s*(\\d+) ${word}`, 'm').exec(output)?.[1] ?? 0);
  return { passed: Number(passing[1]), failed: count('failing'), pending: count('pending') };
}

/**
 * Each failing test of a mocha tier as its numbered title and the first line of its error,
 * repeated under the summary: CI keeps only the tail of a long log.
 */
function failuresOf(output) {
  const start = /^\s*\d+ failing$/m.exec(output);
  if (!start) return [];
  const failures = [];
  const lines = output.slice(start.index).split('\n').slice(1);
  for (let index = 0; index < lines.length; index += 1) {
    if (!/^\s+\d+\) /.test(lines[index])) continue;
    const title = [lines[index].trim()];
    let next = index + 1;
    while (next < lines.length && lines[next].trim() !== '' && !/^\s+(\w*Error|AssertionError)/.test(lines[next])) title.push(lines[next++].trim());
    while (next < lines.length && lines[next].trim() === '') next += 1;
    failures.push(`${title.join(' ')}\n      ${(lines[next] ?? '').trim().slice(0, 300)}`);
    index = next;
  }
  return failures;
}

/** The tier's row: each reason the tier cannot be trusted counts as one more failure, and is named. */
function countsOf(step, result) {
  if (step.kind === 'check') return result.code === 0 ? { passed: 1, failed: 0, pending: 0, notes: [] } : { passed: 0, failed: 1, pending: 0, notes: [] };
  const counts = parseCounts(step, result.output);
  if (!counts) return { passed: 0, failed: 1, pending: 0, notes: ['printed no test count'] };
  const notes = [];
  if (result.code !== 0 && counts.failed === 0) notes.push(`exited with code ${result.code}`);
  if (counts.pending > 0) notes.push(`${counts.pending} pending: a skipped test is not a passed one`);
  const floor = FLOORS[step.name];
  if (typeof floor !== 'number') notes.push('no floor in test/floors.json');
  else if (counts.passed < floor) notes.push(`${counts.passed} passed is below the floor of ${floor} in test/floors.json`);
  return { ...counts, failed: counts.failed + notes.length, notes, failures: failuresOf(result.output) };
}

async function main() {
  const only = process.argv.slice(2);
  const rows = [];
  let prerequisiteProblem;
  try {
    ensureBrowserPrerequisites();
    ensureCodeServer();
  } catch (error) {
    prerequisiteProblem = error instanceof MissingPrerequisite ? error.message : String(error);
  }
  for (const step of STEPS) {
    if (only.length && !only.includes(step.name)) continue;
    if (step.needs === 'vscode' && prerequisiteProblem) {
      console.error(`\n${step.name}: cannot run: ${prerequisiteProblem}`);
      rows.push({ name: step.name, passed: 0, failed: 1, pending: 0, seconds: 0, notes: [`missing: ${prerequisiteProblem}`] });
      continue;
    }
    console.log(`\n=== ${step.name} ===`);
    const result = await run(step);
    rows.push({ name: step.name, ...countsOf(step, result), seconds: result.seconds });
  }
  for (const row of rows.filter((candidate) => candidate.failures?.length)) {
    console.log(`\n=== ${row.name}: failing ===`);
    for (const failure of row.failures) console.log(`  ${failure}`);
  }
  console.log('\n=== summary ===');
  for (const row of rows) {
    const notes = row.notes.length ? `  (${row.notes.join('; ')})` : '';
    console.log(`${row.name.padEnd(12)} ${String(row.passed).padStart(4)} passed ${String(row.failed).padStart(3)} failed ${String(row.pending).padStart(3)} pending  ${row.seconds.toFixed(1).padStart(6)} s${notes}`);
  }
  const passed = rows.reduce((sum, row) => sum + row.passed, 0);
  const failed = rows.reduce((sum, row) => sum + row.failed, 0);
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed === 0 && passed > 0 ? 0 : 1;
}

await main();
