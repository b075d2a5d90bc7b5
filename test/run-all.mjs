// `npm test`: every tier, in order, each in its own process, with one line per
// tier and, last, the plain total `N passed, N failed`. Prerequisites are
// installed where possible (scripts/prereqs.mjs); what cannot be is named.
import { spawn } from 'node:child_process';
import { MissingPrerequisite, ensureBrowserPrerequisites, ensureCodeServer, PROJECT_ROOT } from '../scripts/prereqs.mjs';

const node = process.execPath;
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

function countsOf(step, result) {
  if (step.kind === 'check') return result.code === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
  if (step.kind === 'closing-line') {
    const lines = [...result.output.matchAll(/^(\d+) passed, (\d+) failed$/gm)];
    const last = lines[lines.length - 1];
    if (!last) return { passed: 0, failed: 1 };
    return { passed: Number(last[1]), failed: Number(last[2]) + (result.code !== 0 && Number(last[2]) === 0 ? 1 : 0) };
  }
  const passing = Number(/^\s*(\d+) passing/m.exec(result.output)?.[1] ?? 0);
  const failing = Number(/^\s*(\d+) failing/m.exec(result.output)?.[1] ?? 0);
  const crashed = result.code !== 0 && failing === 0 ? 1 : 0;
  return { passed: passing, failed: failing + crashed };
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
      rows.push({ name: step.name, passed: 0, failed: 1, seconds: 0, note: `missing: ${prerequisiteProblem}` });
      continue;
    }
    console.log(`\n=== ${step.name} ===`);
    const result = await run(step);
    rows.push({ name: step.name, ...countsOf(step, result), seconds: result.seconds });
  }
  console.log('\n=== summary ===');
  for (const row of rows) console.log(`${row.name.padEnd(12)} ${String(row.passed).padStart(4)} passed ${String(row.failed).padStart(3)} failed  ${row.seconds.toFixed(1).padStart(6)} s${row.note ? `  (${row.note})` : ''}`);
  const passed = rows.reduce((sum, row) => sum + row.passed, 0);
  const failed = rows.reduce((sum, row) => sum + row.failed, 0);
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed === 0 && passed > 0 ? 0 : 1;
}

await main();
