// A zone's verdict from its shares: a verdict only where the 80 % Wilson interval
// of the share clears its threshold, `leaning-*` where the share is past it but the
// interval is not, ties to goldilocks; and how a source's verdicts combine.
import type { ZoneVerdict } from '../core/model/report';
import { wilsonInterval } from './wilson';

export interface ZoneRules {
  tooClose: number;
  tooFar: number;
  /** Below this many counted decisions a zone says `no-data` (too few decisions). */
  minDecisions: number;
}

export const DEFAULT_MIN_DECISIONS = 10;

/** `decided` and `around` are weighted shares (0..1) of `count` counted decisions. */
export function shareVerdict(shares: { decided: number; around: number }, count: number, rules: ZoneRules): ZoneVerdict {
  if (count < rules.minDecisions || count === 0) return 'no-data';
  if (wilsonInterval(shares.decided, count).low >= rules.tooClose) return 'too-close';
  if (wilsonInterval(shares.around, count).low >= rules.tooFar) return 'too-far';
  const close = shares.decided > rules.tooClose;
  const far = shares.around > rules.tooFar;
  // On a threshold, or past both (thresholds under a half), is a tie.
  if (close && !far) return 'leaning-close';
  if (far && !close) return 'leaning-far';
  return 'goldilocks';
}

type Side = 'close' | 'goldilocks' | 'far';

const SIDES: Partial<Record<ZoneVerdict, Side>> = {
  'too-close': 'close', 'leaning-close': 'close', goldilocks: 'goldilocks', 'leaning-far': 'far', 'too-far': 'far',
};

const NEARNESS: Record<Side, number> = { close: 0, goldilocks: 1, far: 2 };

/** The side of the thresholds a verdict is on; null for no-data and split. */
export function sideOf(verdict: ZoneVerdict): Side | null {
  return SIDES[verdict] ?? null;
}

/** Whether ADRs and signals disagree about the side, and which way: on paper closer than in code, or the reverse. */
export function splitDirection(adr: ZoneVerdict, git: ZoneVerdict): 'paper' | 'code' | null {
  const a = sideOf(adr);
  const g = sideOf(git);
  if (a === null || g === null || a === g) return null;
  return NEARNESS[a] < NEARNESS[g] ? 'paper' : 'code';
}
