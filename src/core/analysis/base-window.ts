// The base window of a run: the user's `--since/--until`, else the configured span
// up to HEAD's committer date (a quiet repository still shows its last half year).
// The shared rules widen it per source (rules/zone-window.ts).
import { isDay, type Window } from '../../rules/zone-window';
import { durationDays } from '../config/duration';
import { DAY_MS } from '../util/day';

export interface WindowFlags {
  since?: string;
  until?: string;
}

/** Throws on a `--since` or `--until` that is no day, or a window that ends before it starts. */
export function checkWindowFlags(flags: WindowFlags): void {
  for (const [flag, value] of [['since', flags.since], ['until', flags.until]] as const) {
    if (value !== undefined && !isDay(value)) throw new Error(`--${flag} must be a date as YYYY-MM-DD, not ${JSON.stringify(value)}`);
  }
  if (flags.since !== undefined && flags.until !== undefined && flags.since > flags.until) throw new Error(`the window starts (${flags.since}) after it ends (${flags.until})`);
}

/**
 * `--since/--until` where given; else the span ending on `end` (HEAD's committer
 * day, or today for a repository without commits).
 */
export function baseWindow(flags: WindowFlags, span: string, end: string): Window {
  checkWindowFlags(flags);
  const until = flags.until ?? end;
  const since = flags.since ?? new Date(Date.parse(until) - durationDays(span) * DAY_MS).toISOString().slice(0, 10);
  if (since > until) throw new Error(`the window starts (${since}) after it ends (${until})`);
  return { since, until };
}
