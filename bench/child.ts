// Runs one bench module in its own process (started by bench/run.mjs) so that the
// peak RSS it reports belongs to that bench alone; writes the results as JSON.
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { CannotMeasure, type BenchModule, type BenchResult } from './types';

function isBenchModule(value: unknown): value is BenchModule {
  return typeof value === 'object' && value !== null && typeof (value as { run?: unknown }).run === 'function';
}

async function main(file: string, out: string): Promise<void> {
  const loaded: unknown = await import(pathToFileURL(file).href);
  if (!isBenchModule(loaded)) throw new Error(`${file} does not export run(): Promise<BenchResult[]>`);
  const results: BenchResult[] = await loaded.run();
  // maxRSS is in kilobytes.
  const peakMB = Math.round(process.resourceUsage().maxRSS / 1024);
  const budget = loaded.peakRssBudgetMB === undefined ? undefined : { max: loaded.peakRssBudgetMB };
  results.push({ name: 'peak RSS (node process)', value: peakMB, unit: 'MB', budget });
  writeFileSync(out, JSON.stringify(results));
}

const [file, out] = process.argv.slice(2);
if (file === undefined || out === undefined) {
  process.stderr.write('usage: node --import tsx --expose-gc bench/child.ts <bench file> <results.json>\n');
  process.exitCode = 2;
} else {
  main(file, out).catch((error: unknown) => {
    const text = error instanceof CannotMeasure ? `cannot measure: ${error.message}` : error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`${text}\n`);
    process.exitCode = 1;
  });
}
