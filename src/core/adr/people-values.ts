// People fields come as YAML lists, nested lists, comma strings, `@handles`, emails or
// `{ name: .. }` maps; every name keeps the 1-based line it stands on.
import { isMap, isPair, isScalar, isSeq } from 'yaml';
import type { AdrNameRef } from '../model/adr';
import { nameKind, withoutTemplateText } from './name-kinds';
import { lineAt } from './text-lines';

/** Handles written one after another with spaces only (`@shawnvanderjagt @lorenyu @NavaTim`). */
const SPACED_HANDLES = /^@[\w.-]+(?:\s+@[\w.-]+)+$/;

/** A list split at its commas and semicolons, not those inside brackets (`Daniel Berry (Jun 12, 2024)`). */
function outsideBrackets(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let at = 0; at < text.length; at += 1) {
    const char = text[at];
    if (char === '(' || char === '[') depth += 1;
    else if ((char === ')' || char === ']') && depth > 0) depth -= 1;
    else if ((char === ',' || char === ';') && depth === 0) {
      parts.push(text.slice(start, at));
      start = at + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** Splits `A, B; C` (or `@a @b`) into names; drops quotes, empty entries and template text. */
export function splitNames(value: string): string[] {
  const text = withoutTemplateText(value);
  return (SPACED_HANDLES.test(text.trim()) ? text.trim().split(/\s+/) : outsideBrackets(text))
    .map((part) => part.trim().replace(/^["']|["']$/g, '').trim())
    .filter((part) => part.length > 0 && nameKind(part) !== 'placeholder');
}

/** A vote or a state written after a name (`Jane Doe: approved`), not a name. */
const VERDICT = /^(?:approved|agreed|accepted|rejected|declined|yes|no|[+-]1|lgtm|ok|okay|done|signed[- ]off|consulted|informed|pending)\.?$/i;

/**
 * A nested line that names people under a label (`Sync team: bendk, tarikeshaq`,
 * `Release management: rvandermeulen`): the names are after the colon.
 */
export function namesUnderLabel(line: string): string {
  const [, label = line, names = line] = /^([^:@/]{1,80}?):\s+(\S.*)$/.exec(line) ?? [];
  return VERDICT.test(names.trim()) ? label : names;
}

/** True when a name reads back as itself from a comma list (no comma, no quotes around it, no template brackets). */
export function fitsCommaList(name: string): boolean {
  const split = splitNames(name);
  return split.length === 1 && split[0] === name;
}

/**
 * Names in a parsed YAML node; `base` is the offset its ranges count from. A string is a
 * comma list (`deciders: A, B`), but a list item is one name even when it holds a comma.
 */
export function namesFromYaml(node: unknown, base: number, starts: readonly number[], inList = false): AdrNameRef[] {
  if (node === null || node === undefined) return [];
  if (isScalar(node)) {
    if (node.value === null || node.value === undefined) return [];
    const line = lineAt(starts, base + (node.range?.[0] ?? 0));
    const text = String(node.value).trim();
    if (inList) return text.length > 0 && nameKind(text) !== 'placeholder' ? [{ text, line }] : [];
    return splitNames(text).map((name) => ({ text: name, line }));
  }
  if (isSeq(node)) return node.items.flatMap((item) => namesFromYaml(item, base, starts, true));
  if (isMap(node)) {
    const named = node.items.find((pair) => isScalar(pair.key) && String(pair.key.value).toLowerCase() === 'name');
    if (named) return namesFromYaml(named.value, base, starts);
    return node.items.flatMap((pair) => (isPair(pair) && pair.value !== null && !isScalar(pair.value) ? namesFromYaml(pair.value, base, starts) : namesFromYaml(pair.key, base, starts)));
  }
  return [];
}
