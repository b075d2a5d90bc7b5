// Proportions with their 80 % Wilson lower bound, as issue 12's "Done when" reads them.

/** z for a two-sided 80 % interval (its lower end is a 90 % one-sided bound). */
const Z80 = 1.2815515655446004;

export interface Share {
  hits: number;
  total: number;
}

export function share(hits: number, total: number): Share {
  return { hits, total };
}

export function addShares(shares: readonly Share[]): Share {
  return shares.reduce((sum, s) => ({ hits: sum.hits + s.hits, total: sum.total + s.total }), { hits: 0, total: 0 });
}

/** Percent, or null when nothing was counted. */
export function percent(s: Share): number | null {
  return s.total === 0 ? null : (100 * s.hits) / s.total;
}

/** Lower end of the 80 % Wilson score interval, in percent; null when nothing was counted. */
export function wilsonLower80(s: Share): number | null {
  if (s.total === 0) return null;
  const n = s.total;
  const p = s.hits / n;
  const z2 = Z80 * Z80;
  const centre = p + z2 / (2 * n);
  const spread = Z80 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return (100 * (centre - spread)) / (1 + z2 / n);
}

export function formatShare(s: Share): string {
  const p = percent(s);
  return p === null ? 'n/a (0 counted)' : `${p.toFixed(1)} % (${s.hits}/${s.total})`;
}
