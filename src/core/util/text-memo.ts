// A pure reading of one text, answered from memory when the same text is asked
// again: the people rules read each name and address of a history many times while
// they join identities (bridge, guesses, variants), each time to the same answer.
// Bounded, since a long-lived host meets ever new texts.
const LIMIT = 50_000;

/** `read` must be pure and its answer never changed by a caller (strings, or objects typed readonly). */
export function memoizedText<T>(read: (text: string) => T): (text: string) => T {
  const kept = new Map<string, T>();
  return (text: string): T => {
    const known = kept.get(text);
    if (known !== undefined || kept.has(text)) return known as T;
    if (kept.size >= LIMIT) kept.clear();
    const value = read(text);
    kept.set(text, value);
    return value;
  };
}
