// Edits in MADR 3/4 front matter. The yaml Document locates the key; only the bytes of that
// key's value change (comments, quoting, flow or block style and key order stay as they are).
import { isMap, isScalar, isSeq, type Pair, type YAMLMap } from 'yaml';
import type { AdrDialect, AdrPeopleField } from '../model/adr';
import { findPair, type FrontMatter } from './front-matter';
import { DECISION_MAKER_KEYS } from './parse';
import { fitsCommaList } from './people-values';
import type { AdrTextEdit } from './types';
import { itemStringType, stringTypeOf, yamlFlowList, yamlScalar, type StringType } from './yaml-text';

interface Ranged {
  range?: [number, number, number] | null;
}

const KEY_ORDER = ['status', 'date', ...DECISION_MAKER_KEYS, 'consulted', 'informed'];

function rangeOf(node: unknown): [number, number] | null {
  const range = (node as Ranged | null)?.range;
  return range ? [range[0], range[1]] : null;
}

/** Offset just after the `:` of a pair (absolute). */
function afterColon(text: string, fm: FrontMatter, pair: Pair): number {
  const keyEnd = fm.start + (rangeOf(pair.key)?.[1] ?? 0);
  const colon = text.indexOf(':', keyEnd);
  return colon === -1 ? keyEnd : colon + 1;
}

/** Offset where the next line starts after the pair's value (absolute). */
function lineAfterPair(text: string, fm: FrontMatter, pair: Pair): number {
  const value = pair.value;
  const end = isSeq(value) && !value.flow && value.items.length > 0 ? rangeOf(value.items[value.items.length - 1])?.[1] : rangeOf(value)?.[1];
  const from = fm.start + (end ?? rangeOf(pair.key)?.[1] ?? 0);
  const newline = text.indexOf('\n', Math.max(from - 1, fm.start));
  return newline === -1 || newline >= fm.end ? fm.end : newline + 1;
}

function peopleKey(map: YAMLMap, field: AdrPeopleField, dialect: AdrDialect): { pair: Pair | undefined; key: string } {
  if (field !== 'decisionMakers') return { pair: findPair(map, [field]), key: field };
  const pair = findPair(map, DECISION_MAKER_KEYS);
  return { pair, key: dialect === 'madr3' ? 'deciders' : 'decision-makers' };
}

/** New `key: value` line after the pair that precedes it in MADR order (or at the top). */
function insertPair(text: string, fm: FrontMatter, map: YAMLMap, key: string, valueText: string, eol: string): AdrTextEdit {
  const rank = KEY_ORDER.indexOf(key);
  const before = map.items.filter((pair) => isScalar(pair.key) && KEY_ORDER.indexOf(String(pair.key.value).toLowerCase()) !== -1 && KEY_ORDER.indexOf(String(pair.key.value).toLowerCase()) <= rank);
  const anchor = before[before.length - 1];
  const at = anchor ? lineAfterPair(text, fm, anchor) : fm.start;
  // A file whose front matter has no final newline before `---` cannot exist: fm.end starts a line.
  return { start: at, end: at, newText: `${key}:${valueText}${eol}` };
}

/** How the record writes its people lists, read from a people field that holds names. */
type ListStyle = { kind: 'flow'; padded: boolean; type: StringType } | { kind: 'block'; indent: string; type: StringType } | { kind: 'comma'; type: StringType };

const PEOPLE_KEYS: readonly string[] = [...DECISION_MAKER_KEYS, 'consulted', 'informed'];

function styleOf(text: string, fm: FrontMatter, pair: Pair): ListStyle | undefined {
  const value = pair.value;
  const start = rangeOf(value)?.[0];
  if (start === undefined) return undefined;
  if (isSeq(value) && value.items.length > 0) {
    if (value.flow) return { kind: 'flow', padded: text.charAt(fm.start + start + 1) === ' ', type: itemStringType(value) };
    const first = rangeOf(value.items[0])?.[0] ?? start;
    const lineStart = text.lastIndexOf('\n', fm.start + first - 1) + 1;
    // The indent up to the dash: `  - A` keeps two spaces, `- A` none.
    const dash = text.lastIndexOf('-', fm.start + first - 1);
    return { kind: 'block', indent: text.slice(lineStart, Math.max(lineStart, dash)), type: itemStringType(value) };
  }
  if (isScalar(value) && value.value !== null && String(value.value).trim() !== '') return { kind: 'comma', type: stringTypeOf(value.type) };
  return undefined;
}

/** The style of the nearest other people field that holds names: those before `key` first, then those after it. */
function siblingStyle(text: string, fm: FrontMatter, map: YAMLMap, key: string, own: Pair | undefined): ListStyle | undefined {
  const rankOf = (pair: Pair): number => KEY_ORDER.indexOf(isScalar(pair.key) ? String(pair.key.value).toLowerCase() : '');
  const fields = map.items.filter((pair) => pair !== own && PEOPLE_KEYS.includes(isScalar(pair.key) ? String(pair.key.value).toLowerCase() : ''));
  const at = own ? map.items.indexOf(own) : -1;
  const isBefore = (pair: Pair): boolean => (own ? map.items.indexOf(pair) < at : rankOf(pair) <= KEY_ORDER.indexOf(key));
  for (const pair of [...fields.filter(isBefore).reverse(), ...fields.filter((pair) => !isBefore(pair))]) {
    const style = styleOf(text, fm, pair);
    if (style) return style;
  }
  return undefined;
}

/** The names as the text after `key:`, written the way `style` writes lists (a flow list when none is known). */
function listText(names: readonly string[], style: ListStyle | undefined, eol: string): string {
  if (style?.kind === 'block' && names.length > 0) return names.map((name) => `${eol}${style.indent}- ${yamlScalar(name, style.type)}`).join('');
  if (style?.kind === 'comma' && names.length > 0 && names.every(fitsCommaList)) return ` ${yamlScalar(names.join(', '), style.type)}`;
  return ` ${yamlFlowList(names, style?.kind === 'flow' ? style.type : 'PLAIN', style?.kind === 'flow' && style.padded)}`;
}

export function frontMatterPeopleEdit(text: string, fm: FrontMatter, dialect: AdrDialect, field: AdrPeopleField, names: readonly string[], eol: string): AdrTextEdit[] {
  const map = fm.map;
  if (!map) throw new Error('the front matter is not a YAML map: fix it before editing');
  const { pair, key } = peopleKey(map, field, dialect);
  // A field written for the first time follows the record's other people fields.
  if (!pair) return names.length === 0 ? [] : [insertPair(text, fm, map, key, listText(names, siblingStyle(text, fm, map, key, undefined), eol), eol)];
  const value = pair.value;
  const colon = afterColon(text, fm, pair);
  const abs = (offset: number): number => fm.start + offset;
  const siblings = siblingStyle(text, fm, map, key, pair);
  if (isSeq(value) && value.flow) {
    const range = rangeOf(value);
    if (!range) return [];
    // An empty `[]` is a template's, not the author's: the names follow the fields that hold some.
    if (value.items.length === 0 && siblings && names.length > 0) return [{ start: colon, end: abs(range[1]), newText: listText(names, siblings, eol) }];
    const padded = text.charAt(abs(range[0]) + 1) === ' ';
    return [{ start: abs(range[0]), end: abs(range[1]), newText: yamlFlowList(names, itemStringType(value), padded) }];
  }
  if (isSeq(value)) {
    const first = rangeOf(value);
    const last = rangeOf(value.items[value.items.length - 1]);
    if (!first || !last) return [];
    if (names.length === 0) return [{ start: colon, end: abs(last[1]), newText: ' []' }];
    const lineStart = text.lastIndexOf('\n', abs(first[0]) - 1) + 1;
    const indent = text.slice(lineStart, abs(first[0]));
    const type = itemStringType(value);
    return [{ start: abs(first[0]), end: abs(last[1]), newText: names.map((n) => `- ${yamlScalar(n, type)}`).join(`${eol}${indent}`) }];
  }
  if (isScalar(value) && value.value !== null && String(value.value).trim() !== '') {
    const range = rangeOf(value);
    if (!range) return [];
    // A comma string stays one when no name holds a comma; otherwise it becomes a flow list.
    const type = stringTypeOf(value.type);
    const newText = !names.every(fitsCommaList) ? yamlFlowList(names, type, false) : names.length === 0 ? '""' : yamlScalar(names.join(', '), type);
    return [{ start: abs(range[0]), end: abs(range[1]), newText }];
  }
  // Empty value, `~`, or a template map such as `{ name }`: the names in the record's list style.
  const range = rangeOf(value);
  const end = range && !(isScalar(value) && value.value === null && range[0] === range[1]) ? abs(range[1]) : colon;
  return [{ start: colon, end, newText: listText(names, siblings, eol) }];
}

export function frontMatterStatusEdit(text: string, fm: FrontMatter, status: string, eol: string): AdrTextEdit[] {
  const map = fm.map;
  if (!map) throw new Error('the front matter is not a YAML map: fix it before editing');
  const pair = findPair(map, ['status']);
  if (!pair) return [insertPair(text, fm, map, 'status', ` ${yamlScalar(status, 'PLAIN')}`, eol)];
  const value = pair.value;
  const range = rangeOf(value);
  const colon = afterColon(text, fm, pair);
  if (isScalar(value) && range && range[1] > range[0]) {
    return [{ start: fm.start + range[0], end: fm.start + range[1], newText: yamlScalar(status, stringTypeOf(value.type)) }];
  }
  const end = range && (isMap(value) || isSeq(value)) ? fm.start + range[1] : colon;
  return [{ start: colon, end, newText: ` ${yamlScalar(status, 'PLAIN')}` }];
}
