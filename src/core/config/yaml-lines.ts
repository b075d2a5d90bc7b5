// Maps a path into a parsed YAML document (as zod reports it) to the 1-based line
// of the node it names, so a config warning can say where the problem is.
import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';

function childNode(node: unknown, segment: PropertyKey): { node: unknown; keyNode: unknown } | null {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (isPair(pair) && isScalar(pair.key) && String(pair.key.value) === String(segment)) return { node: pair.value, keyNode: pair.key };
    }
    return null;
  }
  if (isSeq(node) && typeof segment === 'number') {
    const item = node.items[segment];
    return item === undefined ? null : { node: item, keyNode: item };
  }
  return null;
}

function lineOf(node: unknown, lines: LineCounter): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? lines.linePos(range[0]).line : undefined;
}

/**
 * The line of the deepest node along `path` that exists; `key`, when given, names a
 * key inside that node (zod's unrecognized-keys issue) and its own line is used.
 */
export function lineOfPath(doc: Document, lines: LineCounter, path: readonly PropertyKey[], key?: string): number | undefined {
  let node: unknown = doc.contents;
  let line = lineOf(node, lines);
  for (const segment of path) {
    const child = childNode(node, segment);
    if (!child) return line;
    node = child.node;
    line = lineOf(child.node, lines) ?? lineOf(child.keyNode, lines) ?? line;
  }
  if (key !== undefined) {
    const child = childNode(node, key);
    if (child) return lineOf(child.keyNode, lines) ?? line;
  }
  return line;
}
