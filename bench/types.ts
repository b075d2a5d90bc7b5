// The contract between `bench/run.mjs` and every `bench/<name>.bench.ts` (see bench/README.md).

export type BenchUnit = 'ms' | 'MB' | 'fps' | 'x';

export interface BenchBudget {
  /** The figure must be at most this (times, memory, ratios). */
  max?: number;
  /** The figure must be at least this (frames per second, speed-ups). */
  min?: number;
}

export interface BenchResult {
  /** Unique within its bench, e.g. `full analysis / raw git log`. */
  name: string;
  value: number;
  unit: BenchUnit;
  budget?: BenchBudget;
  /** One line shown next to the figure (sizes, counts, how it was measured). */
  note?: string;
}

/** What a bench module exports. */
export interface BenchModule {
  run(): Promise<BenchResult[]>;
  /** Budget for the peak RSS of the bench's own process, in MB (the runner measures it). */
  peakRssBudgetMB?: number;
}

/**
 * Thrown by a bench that cannot take its figures (a repository, a tool or the code
 * it measures is missing): the bench fails with this one line, never a table
 * that looks kept.
 */
export class CannotMeasure extends Error {
  override readonly name = 'CannotMeasure';
}
