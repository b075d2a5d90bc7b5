// Sorting thousands of ids by the locale's collation without paying a collator
// call for every comparison: sort by code units first, which is cheap, and keep
// that order only when the real comparator agrees with it for every neighbour
// pair; otherwise sort again with the real comparator. Either way the result is
// exactly what `items.sort(compare)` gives.

/**
 * Sorts `items` in place by `compare`. `quick` must be a strict total order that
 * usually agrees with `compare` (for plain ASCII ids, code-unit order does).
 */
export function collatedSort<T>(items: T[], compare: (a: T, b: T) => number, quick: (a: T, b: T) => number): T[] {
  const original = items.slice();
  items.sort(quick);
  for (let index = 1; index < items.length; index += 1) {
    // Strict: equal neighbours under `compare` keep their original order, which `quick` may not.
    if (compare(items[index - 1] as T, items[index] as T) >= 0) {
      original.forEach((item, at) => { items[at] = item; });
      return items.sort(compare);
    }
  }
  return items;
}

/** Code-unit order: a strict total order on strings. */
export function codeUnitOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
