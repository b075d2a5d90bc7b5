// `npm run bench [-- <name filter>...]`: runs every bench/*.bench.ts in its own
// process, prints one table, checks the budgets and exits 1 when one is broken.
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import * as z from 'zod';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(benchDir);
const outDir = path.join(root, '.cache', 'bench', 'results');

const resultSchema = z.object({
  name: z.string().min(1),
  value: z.number(),
  unit: z.enum(['ms', 'MB', 'fps', 'x', '%', 'n']),
  budget: z.object({ max: z.number().optional(), min: z.number().optional() }).optional(),
  note: z.string().optional(),
  noData: z.string().optional(),
});
const resultsSchema = z.array(resultSchema);

/** Benches that run only when named: they need what a machine may not have (real repositories). */
const OPT_IN = new Set(['real.bench.ts', 'corpus.bench.ts']);

function discover(filters) {
  return readdirSync(benchDir)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => (filters.length === 0 ? !OPT_IN.has(f) : filters.some((flt) => f.includes(flt))))
    .sort();
}

function runChild(file, out) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--expose-gc', path.join(benchDir, 'child.ts'), path.join(benchDir, file), out], {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('error', (error) => resolve({ code: -1, error: error.message }));
    child.on('close', (code, signal) => resolve({ code: code ?? -1, error: signal ? `killed by ${signal}` : undefined }));
  });
}

/** 'ok' | 'over' | 'under' | 'n/a' (no budget, or nothing in the sample to measure). */
function verdict(result) {
  if (result.noData !== undefined || result.budget === undefined) return 'n/a';
  if (result.budget.max !== undefined && result.value > result.budget.max) return 'OVER BUDGET';
  if (result.budget.min !== undefined && result.value < result.budget.min) return 'UNDER BUDGET';
  return 'ok';
}

function formatValue(result) {
  if (result.noData !== undefined) return 'no data';
  const digits = result.unit === 'x' ? 2 : result.unit === '%' ? 1 : result.unit === 'n' ? 0 : result.value < 10 ? 1 : 0;
  return `${result.value.toFixed(digits)} ${result.unit}`;
}

function formatBudget(budget, unit) {
  if (budget === undefined) return '';
  const parts = [];
  if (budget.max !== undefined) parts.push(`≤ ${budget.max} ${unit}`);
  if (budget.min !== undefined) parts.push(`≥ ${budget.min} ${unit}`);
  return parts.join(', ');
}

function printTable(rows) {
  const header = ['bench', 'figure', 'value', 'budget', 'result'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  console.log('');
  console.log(line(header));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const row of rows) console.log(line(row));
}

async function main() {
  const files = discover(process.argv.slice(2));
  if (files.length === 0) {
    console.error('no bench/*.bench.ts matched');
    return 2;
  }
  mkdirSync(outDir, { recursive: true });
  const rows = [];
  const notes = [];
  const collected = [];
  let broken = 0;
  let empty = 0;
  for (const file of files) {
    const bench = file.replace(/\.bench\.ts$/, '');
    const out = path.join(outDir, `${bench}.json`);
    rmSync(out, { force: true });
    console.error(`bench ${bench}: running in its own process`);
    const started = performance.now();
    const { code, error } = await runChild(file, out);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (code !== 0) {
      broken += 1;
      rows.push([bench, '(bench crashed)', `exit ${code}`, '', `FAILED${error ? `: ${error}` : ''}`]);
      continue;
    }
    const parsed = resultsSchema.safeParse(JSON.parse(readFileSync(out, 'utf8')));
    if (!parsed.success) {
      broken += 1;
      rows.push([bench, '(bad results)', '', '', `FAILED: ${parsed.error.issues[0]?.message ?? 'invalid'}`]);
      continue;
    }
    for (const result of parsed.data) {
      const v = verdict(result);
      if (v === 'OVER BUDGET' || v === 'UNDER BUDGET') broken += 1;
      rows.push([bench, result.name, formatValue(result), formatBudget(result.budget, result.unit), v]);
      if (result.noData !== undefined) empty += 1;
      if (result.noData !== undefined) notes.push(`${bench} / ${result.name}: no data: ${result.noData}`);
      else if (result.note !== undefined) notes.push(`${bench} / ${result.name}: ${result.note}`);
      collected.push({ bench, ...result });
    }
    console.error(`bench ${bench}: done in ${seconds} s`);
  }
  printTable(rows);
  if (notes.length > 0) {
    console.log('');
    for (const note of notes) console.log(`- ${note}`);
  }
  writeFileSync(path.join(outDir, 'latest.json'), JSON.stringify({ node: process.version, platform: `${process.platform}-${process.arch}`, results: collected }, null, 2));
  console.log('');
  const unchecked = empty === 0 ? '' : `; ${empty} figure(s) with no data, their budgets unchecked`;
  console.log(`${broken === 0 ? 'all budgets kept' : `${broken} budget(s) broken or bench(es) failed`}${unchecked}`);
  return broken === 0 ? 0 : 1;
}

process.exitCode = await main();
