// Last resort for front matter YAML rejects (`status: [accepted`, `deciders: Carol: lead`):
// read `key: value` lines and `- item` lines as plain text, so the record keeps its status
// and people while its diagnostic says the YAML is broken.
import { Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';

const KEY = /^([A-Za-z_][\w -]*?)[ \t]*:(?:[ \t]+(.*))?$/;
const ITEM = /^[ \t]*-[ \t]+(.*)$/;

function plain(raw: string, start: number): Scalar {
  const text = raw.replace(/[ \t]+#.*$/, '').trim();
  const unquoted = /^(["'])(.*)\1$/.exec(text)?.[2] ?? text;
  const node = new Scalar(unquoted === '' ? null : unquoted);
  node.range = [start, start + raw.length, start + raw.length];
  return node;
}

export function readLooseYaml(source: string): YAMLMap {
  const map = new YAMLMap();
  let list: YAMLSeq | null = null;
  let pair: Pair | null = null;
  let offset = 0;
  for (const rawLine of source.split('\n')) {
    const start = offset;
    offset += rawLine.length + 1;
    const line = rawLine.replace(/\r$/, '');
    const item = ITEM.exec(line);
    if (item && pair) {
      list ??= new YAMLSeq();
      pair.value = list;
      list.items.push(plain(item[1] ?? '', start + line.length - (item[1] ?? '').length));
      continue;
    }
    const key = KEY.exec(line);
    if (!key) continue;
    list = null;
    const value = key[2] ?? '';
    const valueStart = start + line.length - value.length;
    const keyNode = new Scalar(key[1] ?? '');
    keyNode.range = [start, start + (key[1] ?? '').length, start + (key[1] ?? '').length];
    const flow = /^\[(.*)\]$/.exec(value.trim());
    let node: Scalar | YAMLSeq = plain(value, valueStart);
    if (flow) {
      const seq = new YAMLSeq();
      for (const part of (flow[1] ?? '').split(',')) if (part.trim() !== '') seq.items.push(plain(part, valueStart));
      node = seq;
    }
    pair = new Pair(keyNode, node);
    map.items.push(pair);
  }
  return map;
}
