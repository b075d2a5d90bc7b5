// Status text as written → one of the report's statuses. Real records say
// "Accepted (lazy consensus) & implemented", "PROPOSED", "accepted; supersedes ADR-0045".
import type { DecisionStatus } from '../model/report';

export interface NormalizedStatus {
  status: DecisionStatus;
  /** True for an unfilled template value such as `{ accepted }` or `[proposed | accepted]`. */
  placeholder: boolean;
}

const SUPERSEDED = /\b(super[sc]eded|replaced by|overridden by)\b/;
const KEYWORDS: ReadonlyArray<[RegExp, DecisionStatus]> = [
  [/\b(accepted|approved|adopted|implemented|agreed|decided|done|active)\b/, 'accepted'],
  [/\b(proposed|proposal|draft|drafted|open|pending|in review|under review|in progress|wip|rfc|discussing|under discussion)\b/, 'proposed'],
  [/\b(rejected|declined|withdrawn|abandoned|refused)\b/, 'rejected'],
  [/\b(deprecated|obsolete|retired|archived)\b/, 'deprecated'],
];

function classify(lower: string): DecisionStatus {
  if (SUPERSEDED.test(lower)) return 'superseded';
  let best: DecisionStatus = 'unknown';
  let bestAt = Infinity;
  for (const [pattern, status] of KEYWORDS) {
    const at = lower.search(pattern);
    if (at !== -1 && at < bestAt) {
      best = status;
      bestAt = at;
    }
  }
  return best;
}

export function normalizeStatus(text: string): NormalizedStatus {
  const trimmed = text.trim();
  const bracketed = /^[[{](.*)[\]}]$/s.exec(trimmed);
  if (bracketed) {
    const inner = bracketed[1] ?? '';
    const options = inner.split('|').map((o) => o.trim()).filter((o) => o.length > 0);
    if (options.length === 1 && !/[[\]{}]/.test(inner)) return { status: classify((options[0] ?? '').toLowerCase()), placeholder: true };
    return { status: 'unknown', placeholder: true };
  }
  const lower = trimmed.toLowerCase().replace(/[*_`]/g, '');
  return { status: classify(lower), placeholder: false };
}
