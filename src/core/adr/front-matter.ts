// The YAML front matter block of MADR 3/4 (and Jekyll) records: where it is and its parsed document.
import { isMap, isScalar, parseDocument, type Pair, type YAMLMap } from 'yaml';
import { readLooseYaml } from './loose-yaml';
import { readSimpleYaml } from './simple-yaml';
import type { TextLine } from './text-lines';

export interface FrontMatter {
  /** Offset of the first YAML character (the line after the opening `---`): node ranges count from here. */
  start: number;
  /** Offset just after the YAML (the start of the closing `---` line). */
  end: number;
  /** Index in the line array of the closing `---` line. */
  closingLineIndex: number;
  /** The top-level map, or null when the YAML is not a map (or, for editors, does not parse: readers get a loose reading then). */
  map: YAMLMap | null;
  error: string | null;
}

/**
 * Finds a `---` … `---`/`...` block starting on the first line (after a BOM). `exact` always
 * uses the full YAML parser (editors); otherwise simple front matter takes a fast path.
 */
export function findFrontMatter(text: string, lines: readonly TextLine[], exact = false): FrontMatter | null {
  const first = lines[0];
  if (!first || first.text.replace(/^\uFEFF/, '').trimEnd() !== '---') return null;
  const closingLineIndex = lines.findIndex((line, index) => index > 0 && /^(---|\.\.\.)\s*$/.test(line.text));
  if (closingLineIndex === -1) return null;
  const closing = lines[closingLineIndex];
  const second = lines[1];
  if (!closing || !second) return null;
  const start = second.start;
  const end = closing.start;
  const source = text.slice(start, end);
  const simple = exact ? null : readSimpleYaml(source);
  // A file YAML rejects only for a reserved `@`/backtick still yields its values (with the error).
  if (simple) return { start, end, closingLineIndex, map: simple.map, error: simple.error };
  const document = parseDocument(source, { prettyErrors: false, uniqueKeys: false });
  const error = document.errors[0]?.message ?? null;
  if (error !== null) return { start, end, closingLineIndex, map: exact ? null : readLooseYaml(source), error };
  return { start, end, closingLineIndex, map: isMap(document.contents) ? document.contents : null, error };
}

const keyIndexes = new WeakMap<YAMLMap, Map<string, Pair>>();

/** The pair for a key, matched case-insensitively with `_`/`-`/space treated alike (the first one wins). */
export function findPair(map: YAMLMap, keys: readonly string[]): Pair | undefined {
  let index = keyIndexes.get(map);
  if (!index) {
    index = new Map();
    for (const pair of map.items) {
      if (!isScalar(pair.key)) continue;
      const key = canonicalKey(String(pair.key.value));
      if (!index.has(key)) index.set(key, pair);
    }
    keyIndexes.set(map, index);
  }
  for (const key of keys) {
    const pair = index.get(canonicalKey(key));
    if (pair) return pair;
  }
  return undefined;
}

export function canonicalKey(key: string): string {
  return key.trim().toLowerCase().replace(/[\s_]+/g, '-');
}
