// Timing helpers shared by bench modules.
import { performance } from 'node:perf_hooks';

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) throw new Error('median of nothing');
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Collects garbage when node runs with --expose-gc, so runs start from the same heap. */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Runs `fn` `warmups` times unmeasured, then `runs` times; returns each run's milliseconds. */
export async function timeRuns(fn: () => Promise<unknown>, runs: number, warmups = 0): Promise<number[]> {
  for (let i = 0; i < warmups; i += 1) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    collectGarbage();
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  return times;
}

export function round(value: number, digits = 0): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export interface PairedTimes {
  baseline: number[];
  subject: number[];
  /** Median of the per-pair ratios subject/baseline: robust to load that drifts during the run. */
  ratio: number;
}

/** Alternates baseline and subject runs (after one warm-up of each) so both see the same machine load. */
export async function timePaired(baseline: () => Promise<unknown>, subject: () => Promise<unknown>, runs: number): Promise<PairedTimes> {
  await baseline();
  await subject();
  const result: PairedTimes = { baseline: [], subject: [], ratio: 0 };
  for (let i = 0; i < runs; i += 1) {
    const [b] = await timeRuns(baseline, 1);
    const [s] = await timeRuns(subject, 1);
    result.baseline.push(b as number);
    result.subject.push(s as number);
  }
  result.ratio = median(result.subject.map((s, i) => s / (result.baseline[i] as number)));
  return result;
}
