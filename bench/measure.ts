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
