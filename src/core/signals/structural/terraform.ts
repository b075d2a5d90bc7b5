// Terraform as the facts the infrastructure rules use: providers and their majors,
// resource and data types, module sources, and managed runtimes. Every version of
// every `.tf` file a unit touches is read, so the reading is one walk over the lines
// that tries each pattern only where it can start; a pattern reads what a global,
// multi-line regular expression over the whole text would (its matches start at a
// line start, and one match ends before the next may begin), so hostile or malformed
// text gives the same facts it always did.
import type { InfrastructureFacts } from './infrastructure';
import { majorOf } from './version';

// The per-line patterns, tried at a line start of the text split on "\n": `[^\S\n]` is
// `\s` kept to that line ("\r" and U+2028 are white space within it).
const TERRAFORM_RUNTIME = /[^\S\n]*(runtime|engine_version|elasticsearch_version|kubernetes_version|cluster_version)[^\S\n]*=[^\S\n]*"([^"$\n]+)"/y;
/** A top-level block's header: `resource "type" "name" {`, `provider "aws" {`, `terraform {`. */
const TERRAFORM_BLOCK = /(resource|data|provider|module|terraform|variable|output|locals)\b(?:[^\S\n]+"([^"\n]+)")?(?:[^\S\n]+"([^"\n]+)")?/y;
const PROVIDER_VERSION = /[^\S\n]*version[^\S\n]*=[^\S\n]*"([^"\n]+)"/y;

/** The patterns over the whole text, `^` at a line start as the `m` flag has it; each keeps its own position. */
const PROVIDER = /^\s*provider\s+"([^"]+)"/my;
const RESOURCE = /^\s*(resource|data)\s+"([^"]+)"\s+"[^"]+"/my;
const MODULE = /^\s*module\s+"[^"]+"\s*\{([\s\S]*?)^\s*\}/my;
/** required_providers entries (Terraform 0.13 on): `aws = { source = "hashicorp/aws", version = "~> 3.76" }`. */
const ENTRY = /^\s*[\w-]+\s*=\s*\{([^}]*)\}/my;
const LINE_END = /[\n\r\u2028\u2029]/g;
const OTHER_LINE_END = /[\r\u2028\u2029]/;

/** What `\s` matches in a regular expression: its white space and line terminators. */
export function isRegExpSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 160) return false;
  return code === 160 || code === 5760 || (code >= 8192 && code <= 8202) || code === 8232 || code === 8233 || code === 8239 || code === 8287 || code === 12288 || code === 65279;
}

function isWordOrDash(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 45;
}

/** The first index from `at` (before `end`) that is not white space. */
function skipSpace(code: string, at: number, end = code.length): number {
  let i = at;
  while (i < end && isRegExpSpace(code.charCodeAt(i))) i++;
  return i;
}

/** Whether `name = {` follows (white space over lines allowed), the only way ENTRY can match from `first`. */
function opensEntry(code: string, first: number): boolean {
  let i = first;
  while (i < code.length && isWordOrDash(code.charCodeAt(i))) i++;
  if (i === first) return false;
  i = skipSpace(code, i);
  if (code.charCodeAt(i) !== 61) return false;
  return code.charCodeAt(skipSpace(code, i + 1)) === 123;
}

/** A function's language runtime as written ("python3.8"); a database's or cluster's engine by its major. */
function terraformRuntime(attribute: string, value: string): string | null {
  return attribute === 'runtime' ? value.replace(/\.x$/, '') : majorOf(value);
}

/** A sticky pattern's match starting exactly at `at`. */
function execAt(pattern: RegExp, code: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(code);
}

/** The block a header line opens ("resource aws_lambda_function f"), or null when the line opens none. */
function blockOpenedAt(code: string, start: number): string | null {
  const head = code.charCodeAt(start);
  // Every block keyword is a lower-case word at the very start of its line.
  const header = head >= 97 && head <= 122 ? execAt(TERRAFORM_BLOCK, code, start) : null;
  return header ? [header[1], header[2], header[3]].filter(Boolean).join(' ') : null;
}

/** A runtime or engine attribute on the line (`initial`: its first character after white space). */
function readRuntime(folder: string, block: string, code: string, start: number, initial: number, facts: InfrastructureFacts): void {
  // r(untime), e(ngine_version, lasticsearch_version), k(ubernetes_version), c(luster_version)
  if (initial !== 114 && initial !== 101 && initial !== 107 && initial !== 99) return;
  const [, attribute, written] = execAt(TERRAFORM_RUNTIME, code, start) ?? [];
  const value = attribute && written ? terraformRuntime(attribute, written) : null;
  if (!attribute || !value) return;
  facts.runtimes.add(`${attribute} ${value}`);
  if (block.startsWith('resource ')) facts.targets.set(`${folder} ${block} ${attribute}`, { kind: 'platform', value });
}

/** A provider block's own `version` (Terraform before 0.13) on the line. */
function readProviderVersion(folder: string, block: string, code: string, start: number, initial: number, facts: InfrastructureFacts): void {
  if (initial !== 118 || !block.startsWith('provider ')) return;
  const major = majorOf(execAt(PROVIDER_VERSION, code, start)?.[1]);
  if (major) facts.targets.set(`${folder} ${block}`, { kind: 'infrastructure', value: major });
}

/** Block headers, runtime attributes and old providers' own versions, line by line ("\n"). */
function readLines(folder: string, code: string, facts: InfrastructureFacts): void {
  let block = '';
  for (let start = 0; start <= code.length;) {
    const newline = code.indexOf('\n', start);
    const end = newline < 0 ? code.length : newline;
    block = blockOpenedAt(code, start) ?? block;
    // Kept to the line: a run of blank lines is not walked again from each of them.
    const first = skipSpace(code, start, end);
    const initial = first < end ? code.charCodeAt(first) : -1;
    readRuntime(folder, block, code, start, initial, facts);
    readProviderVersion(folder, block, code, start, initial, facts);
    if (newline < 0) break;
    start = newline + 1;
  }
}

interface LinePattern {
  pattern: RegExp;
  /** Whether a match can begin at `first`, the first character after the line's white space. */
  opens: (code: string, first: number) => boolean;
  matches: RegExpExecArray[];
  /** Where the last match ended: the next may not start before. */
  from: number;
}

/** Every match of each pattern, as `text.matchAll` with the `gm` flags gives them. */
function matchAtLineStarts(code: string, patterns: readonly LinePattern[]): void {
  const newlinesOnly = !OTHER_LINE_END.test(code);
  let first = 0;
  for (let start = 0; start < code.length;) {
    // White space may run over lines: the first character after it, found once for all of them.
    first = skipSpace(code, Math.max(first, start));
    if (first >= code.length) return;
    for (const line of patterns) {
      if (start < line.from || !line.opens(code, first)) continue;
      const match = execAt(line.pattern, code, start);
      if (match) {
        line.matches.push(match);
        line.from = start + match[0].length;
      }
    }
    if (newlinesOnly) {
      const newline = code.indexOf('\n', start);
      if (newline < 0) return;
      start = newline + 1;
    } else {
      LINE_END.lastIndex = start;
      if (!LINE_END.exec(code)) return;
      start = LINE_END.lastIndex;
    }
  }
}

function linePattern(pattern: RegExp, opens: (code: string, first: number) => boolean): LinePattern {
  return { pattern, opens, matches: [], from: 0 };
}

/** Adds what the Terraform text of a file in `folder` declares to `facts`. */
export function readTerraform(folder: string, text: string, facts: InfrastructureFacts): void {
  // Comments go first, and a `#` or `//` inside a string cuts its line as well: what the
  // rules have always read (changing it is a rule change, with the golden outputs).
  const code = text.replace(/#.*|\/\/.*/g, '');
  readLines(folder, code, facts);
  const providers = linePattern(PROVIDER, (c, at) => c.charCodeAt(at) === 112);
  const resources = linePattern(RESOURCE, (c, at) => c.charCodeAt(at) === 114 || c.charCodeAt(at) === 100);
  const modules = linePattern(MODULE, (c, at) => c.charCodeAt(at) === 109);
  const entries = linePattern(ENTRY, opensEntry);
  matchAtLineStarts(code, [providers, resources, modules, entries]);
  for (const m of providers.matches) facts.things.add(`provider ${m[1]}`);
  for (const m of resources.matches) {
    facts.things.add(`${m[1]} ${m[2]}`);
    if (m[1] === 'resource') facts.placed.add(`${folder} resource ${m[2]}`);
  }
  for (const m of modules.matches) {
    const source = /^\s*source\s*=\s*"([^"]+)"/m.exec(m[1] as string)?.[1];
    // A module's ref is its version; a local module path is the repository's own.
    if (source && !source.startsWith('.')) facts.things.add(`module ${source.replace(/[?&]ref=[^&]*/, '').replace(/\?$/, '')}`);
  }
  for (const m of entries.matches) {
    const source = /\bsource\s*=\s*"([^"]+)"/.exec(m[1] as string)?.[1];
    if (!source) continue;
    const provider = source.split('/').pop() as string;
    facts.things.add(`provider ${provider}`);
    const major = majorOf(/\bversion\s*=\s*"([^"]+)"/.exec(m[1] as string)?.[1]);
    if (major) facts.targets.set(`${folder} provider ${provider}`, { kind: 'infrastructure', value: major });
  }
}
