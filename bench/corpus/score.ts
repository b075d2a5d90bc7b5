// Proportions with their 80 % Wilson lower bound, as issue 12's "Done when" reads them.
import { wilsonInterval } from '../../src/rules/wilson';

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

/** Lower end of the 80 % Wilson score interval (the engine's own, as its verdicts use it), in percent; null when nothing was counted. */
export function wilsonLower80(s: Share): number | null {
  return s.total === 0 ? null : 100 * wilsonInterval(s.hits / s.total, s.total).low;
}

export function formatShare(s: Share): string {
  const p = percent(s);
  return p === null ? 'n/a (0 counted)' : `${p.toFixed(1)} % (${s.hits}/${s.total})`;
}
