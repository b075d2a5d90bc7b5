// Config durations (`180d`, `26w`, `6m`, `1y`) as a number of days.
const DAYS_PER_UNIT: Record<string, number> = { d: 1, w: 7, m: 30, y: 365 };

export function durationDays(text: string): number {
  const match = /^(\d+)([dwmy])$/.exec(text.trim());
  if (!match) throw new Error(`not a duration: ${JSON.stringify(text)} (expected e.g. 180d, 26w, 6m or 1y)`);
  return Number(match[1]) * (DAYS_PER_UNIT[match[2] ?? 'd'] ?? 1);
}
