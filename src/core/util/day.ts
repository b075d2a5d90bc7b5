// A calendar day in milliseconds, for arithmetic on the dates (YYYY-MM-DD, UTC) a report holds.
export const DAY_MS = 86_400_000;
