// The 80 % Wilson score interval of a share: how far the share of n decisions can
// sit from the truth before a verdict is worth giving.

/** z for a two-sided 80 % interval. */
export const Z80 = 1.2815515655446004;

export interface Interval {
  low: number;
  high: number;
}

/** The interval of share `p` (0..1) observed over `n` items; [0, 1] when n is 0. */
export function wilsonInterval(p: number, n: number, z = Z80): Interval {
  if (n <= 0) return { low: 0, high: 1 };
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const spread = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const scale = 1 + z2 / n;
  return { low: Math.max(0, (centre - spread) / scale), high: Math.min(1, (centre + spread) / scale) };
}
