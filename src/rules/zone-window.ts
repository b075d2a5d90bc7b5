// The window each source is weighed over: the base window (core's, from the
// configured span or the user's flags), widened to the last N counted decisions of
// that source when it holds fewer; the map re-weighs over a window the reader picks.

export interface Window {
  since: string;
  until: string;
}

export interface SourceWindow extends Window {
  widened: boolean;
}

/** Counted decisions a source's window reaches back to when its span holds fewer. */
export const WIDEN_TO = 20;

/** A calendar day written YYYY-MM-DD that exists. */
export function isDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)) && new Date(value).toISOString().startsWith(value);
}

export function inWindow(date: string | null, window: Window): boolean {
  return date !== null && date >= window.since && date <= window.until;
}

/**
 * The window over `dates` (the counted decisions of one source): `base`, or from
 * the date of the `widenTo`-th newest decision up to `base.until` when `base`
 * holds fewer. `widenTo` null never widens.
 */
export function widenedWindow(base: Window, dates: readonly (string | null)[], widenTo: number | null): SourceWindow {
  if (widenTo === null) return { ...base, widened: false };
  const upToEnd = dates.filter((d): d is string => d !== null && d <= base.until);
  // Enough inside (the usual case): no need to sort thousands of dates to know it.
  if (upToEnd.filter((d) => d >= base.since).length >= widenTo) return { ...base, widened: false };
  const reach = upToEnd.sort().reverse()[Math.min(widenTo, upToEnd.length) - 1];
  if (reach === undefined || reach >= base.since) return { ...base, widened: false };
  return { since: reach, until: base.until, widened: true };
}

/** The smallest window holding every one of `windows` (the report's header window). */
export function unionWindow(windows: readonly Window[], fallback: Window): Window {
  if (windows.length === 0) return fallback;
  return {
    since: windows.reduce((min, w) => (w.since < min ? w.since : min), windows[0]?.since ?? fallback.since),
    until: windows.reduce((max, w) => (w.until > max ? w.until : max), windows[0]?.until ?? fallback.until),
  };
}
