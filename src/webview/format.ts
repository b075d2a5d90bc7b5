// Words the map shows for the report's codes, in one place.
import { formatCount, percent as sharePercent, VERDICT_WORDS, verdictWords } from '../present/describe';
import type { Zone, ZoneVerdict } from '../core/model/report';

export { formatCount } from '../present/describe';
export { LEVEL_TEXT, ROLE_TEXT, shortSha, SOURCE_TEXT, STATUS_TEXT } from '../present/codes';

/** Holds a number and its sign together on the page. */
export const NBSP = '\u00a0';

/** A share as the page shows it: the number and the sign held together. */
export function percent(share: number): string {
  return sharePercent(share, NBSP);
}

function capitalised(words: string): string {
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** As a heading or a label shows it: the words, capitalised. */
export const VERDICT_TEXT = Object.fromEntries(Object.entries(VERDICT_WORDS).map(([verdict, words]) => [verdict, capitalised(words)])) as Record<ZoneVerdict, string>;

/** A zone's verdict as a heading shows it, with a split's direction and "too few decisions". */
export function verdictText(zone: Pick<Zone, 'verdict' | 'split' | 'notes'>): string {
  return capitalised(verdictWords(zone));
}

export const VERDICT_HINT: Record<ZoneVerdict, string> = {
  'too-close': 'leadership decides most things itself',
  goldilocks: 'leadership is consulted, the team decides',
  'too-far': 'most decisions happen without leadership',
  'leaning-close': 'leadership decides more than half, but too few decisions to be sure',
  'leaning-far': 'more than half happen without leadership, but too few decisions to be sure',
  split: 'the ADRs and the git signals disagree',
  'no-data': 'too few decisions to weigh in this view',
};

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}
