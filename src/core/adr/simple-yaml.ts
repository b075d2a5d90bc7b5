// A fast reader for the front matter almost every record has: flat `key: value` lines,
// one-line flow lists and block lists of plain or simply quoted scalars, comments. It builds
// the same yaml nodes (with ranges) the yaml package would, or returns null so the caller
// falls back to the full parser for anything else (maps, anchors, escapes, multi-line text).
import { Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';

export interface SimpleYaml {
  map: YAMLMap;
  /** Set when the YAML is invalid in a way the full parser also rejects (a plain value starting with `@` or a backtick). */
  error: string | null;
}

const KEY_LINE = /^([A-Za-z_][\w-]*(?: [\w-]+)*):(?:[ \t]+|$)/;
const ITEM_LINE = /^( +)-[ \t]+/;
const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);

function scalar(value: string | null, start: number, end: number, type: Scalar['type']): Scalar {
  const node = new Scalar(value);
  node.range = [start, end, end];
  if (type !== undefined) node.type = type;
  return node;
}

/** One scalar token: quoted (without escapes) or plain (without `: `, ` #` or indicators). */
function readScalar(raw: string, offset: number, inFlow: boolean): { node: Scalar; rest: string; reserved?: boolean } | null {
  const first = raw.charAt(0);
  if ((first === '@' || first === '`') && !inFlow) {
    // YAML reserves these: the full parser rejects the file, but the value is still what the author meant.
    const plain = readScalar(`x${raw.slice(1)}`, offset, inFlow);
    if (!plain || plain.node.value === null) return null;
    return { node: scalar(first + String(plain.node.value).slice(1), offset, plain.node.range?.[1] ?? offset, 'PLAIN'), rest: plain.rest, reserved: true };
  }
  if (first === '"' || first === "'") {
    const close = raw.indexOf(first, 1);
    if (close === -1) return null;
    const inner = raw.slice(1, close);
    if ((first === '"' && inner.includes('\\')) || (first === "'" && raw.charAt(close + 1) === "'")) return null;
    return { node: scalar(inner, offset, offset + close + 1, first === '"' ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE'), rest: raw.slice(close + 1) };
  }
  if (/^[[\]{}&*!|>%@`#,]/.test(raw) || (first === '-' && /^-(\s|$)/.test(raw)) || (first === '?' && /^\?(\s|$)/.test(raw))) return null;
  if (inFlow) {
    // In a flow list `a: b` and `? a` make maps and `#` may start a comment: leave those to the full parser.
    const end = /,|\]/.exec(raw)?.index ?? raw.length;
    const text = raw.slice(0, end).trimEnd();
    if (/[:#{}[]/.test(text) || text.startsWith('?')) return null;
    return { node: scalar(NULLS.has(text) ? null : text, offset, offset + text.length, 'PLAIN'), rest: raw.slice(end) };
  }
  const stop = /[ \t]#|:[ \t]|:$/.exec(raw);
  const end = stop ? stop.index : raw.length;
  if (stop && !stop[0].endsWith('#')) return null;
  const text = raw.slice(0, end).trimEnd();
  return { node: scalar(NULLS.has(text) ? null : text, offset, offset + text.length, 'PLAIN'), rest: raw.slice(end) };
}

/** `{ accepted }` (a template placeholder YAML reads as a map): bare words only. */
function readFlowMap(raw: string, offset: number): YAMLMap | null {
  const close = raw.indexOf('}');
  if (close === -1 || !isTrailing(raw.slice(close + 1))) return null;
  const inner = raw.slice(1, close);
  if (/[:"'[\]{#&*!|>%@`?]/.test(inner)) return null;
  const map = new YAMLMap();
  map.flow = true;
  let at = 1;
  for (const part of inner.split(',')) {
    const lead = part.length - part.trimStart().length;
    const word = part.trim();
    if (word.length > 0) map.items.push(new Pair(scalar(word, offset + at + lead, offset + at + lead + word.length, 'PLAIN'), null));
    at += part.length + 1;
  }
  map.range = [offset, offset + close + 1, offset + close + 1];
  return map;
}

/** `[a, "b", c]` on one line. */
function readFlowList(raw: string, offset: number): YAMLSeq | null {
  const seq = new YAMLSeq();
  seq.flow = true;
  let at = 1;
  for (;;) {
    while (raw.charAt(at) === ' ') at += 1;
    if (raw.charAt(at) === ']') break;
    const item = readScalar(raw.slice(at), offset + at, true);
    if (!item || item.node.value === null) return null;
    seq.items.push(item.node);
    at = raw.length - item.rest.length;
    while (raw.charAt(at) === ' ') at += 1;
    if (raw.charAt(at) === ',') at += 1;
    else if (raw.charAt(at) !== ']') return null;
  }
  if (!isTrailing(raw.slice(at + 1))) return null;
  seq.range = [offset, offset + at + 1, offset + at + 1];
  return seq;
}

function isBlank(line: string): boolean {
  return /^\s*(#.*)?$/.test(line);
}

/** What may follow a value: nothing, or a comment set off by white space. */
function isTrailing(rest: string): boolean {
  return /^([ \t]*|[ \t]+#.*)$/.test(rest);
}

export function readSimpleYaml(source: string): SimpleYaml | null {
  const map = new YAMLMap();
  let error: string | null = null;
  const reserved = (char: string): void => {
    error ??= `Plain value cannot start with reserved character ${char}`;
  };
  const lines = source.split('\n');
  let offset = 0;
  let open: { pair: Pair; seq: YAMLSeq | null; indent: number } | null = null;
  for (const rawLine of lines) {
    const lineStart = offset;
    offset += rawLine.length + 1;
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    if (isBlank(line)) continue;
    const item = ITEM_LINE.exec(line);
    if (item) {
      if (!open) return null;
      const start = item[0].length;
      const indent = (item[1] ?? '').length;
      const value = readScalar(line.slice(start), lineStart + start, false);
      if (!value || value.node.value === null || !isTrailing(value.rest)) return null;
      if (value.reserved) reserved(String(value.node.value).charAt(0));
      // Items at another indentation mean nesting or continuation lines: leave those to the full parser.
      if (open.seq && indent !== open.indent) return null;
      if (!open.seq) {
        open.indent = indent;
        open.seq = new YAMLSeq();
        open.seq.range = [lineStart + (item[1] ?? '').length, 0, 0];
        open.pair.value = open.seq;
      }
      open.seq.items.push(value.node);
      const end = value.node.range?.[1] ?? 0;
      open.seq.range = [open.seq.range?.[0] ?? 0, end, end];
      continue;
    }
    const key = KEY_LINE.exec(line);
    if (!key) return null;
    open = null;
    const keyName = key[1] ?? '';
    const keyNode = scalar(keyName, lineStart, lineStart + keyName.length, 'PLAIN');
    const rest = line.slice(key[0].length);
    const valueStart = lineStart + key[0].length;
    const pair = new Pair(keyNode);
    map.items.push(pair);
    if (isBlank(rest)) {
      pair.value = scalar(null, valueStart, valueStart, 'PLAIN');
      open = { pair, seq: null, indent: 0 };
      continue;
    }
    if (rest.startsWith('{')) {
      const flowMap = readFlowMap(rest, valueStart);
      if (!flowMap) return null;
      pair.value = flowMap;
      continue;
    }
    if (rest.startsWith('[')) {
      const seq = readFlowList(rest, valueStart);
      if (!seq) return null;
      pair.value = seq;
      continue;
    }
    const value = readScalar(rest, valueStart, false);
    if (!value || !isTrailing(value.rest)) return null;
    if (value.reserved) reserved(String(value.node.value).charAt(0));
    pair.value = value.node;
  }
  return { map, error };
}
