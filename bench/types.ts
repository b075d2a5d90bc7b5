// The contract between `bench/run.mjs` and every `bench/<name>.bench.ts` (see bench/README.md).

/** `%` and `n` (a count) are the corpus bench's: shares of labels the engine agrees with, and counts. */
export type BenchUnit = 'ms' | 'MB' | 'fps' | 'x' | '%' | 'n';

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
  /**
   * Set when the figure cannot be measured yet (the code it needs is missing):
   * says why. `value` is then ignored and the budget is not checked.
   */
  notMeasurable?: string;
}

/** What a bench module exports. */
export interface BenchModule {
  run(): Promise<BenchResult[]>;
  /** Budget for the peak RSS of the bench's own process, in MB (the runner measures it). */
  peakRssBudgetMB?: number;
}
