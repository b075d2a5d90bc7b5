// Terraform as the facts the infrastructure rules use: providers and their majors,
// resource and data types, module sources, and managed runtimes. Every version of
// every `.tf` file a unit touches is read (40 MB on govuk-aws), so the reading is one
// walk over the lines that looks at each line's first word once and tries a pattern
// only where that word can begin it; a pattern reads what a global, multi-line
// regular expression over the whole text would (its matches start at a line start,
// and one match ends before the next may begin), so hostile or malformed text gives
// the same facts it always did.
import type { InfrastructureFacts } from './infrastructure';
import { majorOf } from './version';

/** A top-level block's header at a line's very start: `resource "type" "name" {`, `provider "aws" {`, `terraform {`. */
const TERRAFORM_BLOCK = /(resource|data|provider|module|terraform|variable|output|locals)\b(?:[^\S\n]+"([^"\n]+)")?(?:[^\S\n]+"([^"\n]+)")?/y;
const BLOCK_KEYWORDS = ['resource', 'data', 'provider', 'module', 'terraform', 'variable', 'output', 'locals'];

// Per line of the text split on "\n", from the line's first word: `[^\S\n]` is `\s`
// kept to that line ("\r" and U+2028 are white space within it).
const RUNTIME_ATTRIBUTES = ['runtime', 'engine_version', 'elasticsearch_version', 'kubernetes_version', 'cluster_version'];
const TERRAFORM_RUNTIME = new RegExp(`(${RUNTIME_ATTRIBUTES.join('|')})[^\\S\\n]*=[^\\S\\n]*"([^"$\\n]+)"`, 'y');
const PROVIDER_VERSION = /version[^\S\n]*=[^\S\n]*"([^"\n]+)"/y;

// Over the whole text, from the first word after a line start and its white space
// (what `^\s*` takes, over lines as the `m` flag has it); each keeps its own position.
const PROVIDER = /provider\s+"([^"]+)"/y;
const RESOURCE = /(resource|data)\s+"([^"]+)"\s+"[^"]+"/y;
/** A module block's head; its body runs to the first line start whose first word is `}` (ModuleBodies). */
const MODULE = /module\s+"[^"]+"\s*\{/y;
/** required_providers entries (Terraform 0.13 on): `aws = { source = "hashicorp/aws", version = "~> 3.76" }`. */
const ENTRY = /[\w-]+\s*=\s*\{([^}]*)\}/y;

/** What `\s` matches in a regular expression: its white space and line terminators. */
export function isRegExpSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 160) return false;
  return code === 160 || code === 5760 || (code >= 8192 && code <= 8202) || code === 8232 || code === 8233 || code === 8239 || code === 8287 || code === 12288 || code === 65279;
}

/** What `\w` matches. */
function isWordCharacter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95;
}

/** The words of `words` by their first character's code (all ASCII). */
function byInitial(words: readonly string[]): ReadonlyArray<readonly string[] | undefined> {
  const table: string[][] = [];
  for (const word of words) (table[word.charCodeAt(0)] ??= []).push(word);
  return table;
}

const BLOCK_BY_INITIAL = byInitial(BLOCK_KEYWORDS);
const RUNTIME_BY_INITIAL = byInitial(RUNTIME_ATTRIBUTES);

/** The word of `table` that `code` has at `at` (`initial`: the code of its character there), or undefined. */
function wordAt(code: string, at: number, initial: number, table: ReadonlyArray<readonly string[] | undefined>): string | undefined {
  const words = table[initial];
  if (words) for (const word of words) if (code.startsWith(word, at)) return word;
  return undefined;
}

/** Where the `[\w-]+` of `name = {` begins, its `{` at `brace` (white space over lines allowed); -1 when no `name =` is before it. */
function nameBefore(code: string, brace: number): number {
  let i = brace - 1;
  while (i >= 0 && isRegExpSpace(code.charCodeAt(i))) i--;
  if (code.charCodeAt(i) !== 61) return -1;
  i--;
  while (i >= 0 && isRegExpSpace(code.charCodeAt(i))) i--;
  const end = i;
  while (i >= 0 && (isWordCharacter(code.charCodeAt(i)) || code.charCodeAt(i) === 45)) i--;
  return i < end ? i + 1 : -1;
}

/** The first index from `at` (before `end`) that is not white space. */
function skipSpace(code: string, at: number, end = code.length): number {
  let i = at;
  while (i < end && isRegExpSpace(code.charCodeAt(i))) i++;
  return i;
}

/** The index of `search` in `code` from `at`, or the text's length when there is none (a bound never passed). */
function indexOrEnd(code: string, search: string, at: number): number {
  const found = code.indexOf(search, at);
  return found < 0 ? code.length : found;
}

/** Whether the text has a line terminator other than "\n", which `.` and `^` also stop at. */
function hasOtherLineEnds(text: string): boolean {
  return text.includes('\r') || text.includes('\u2028') || text.includes('\u2029');
}

/** The first match of a global `pattern` from `at`, or the text's length when there is none. */
function matchOrEnd(pattern: RegExp, text: string, at: number): number {
  pattern.lastIndex = at;
  return pattern.exec(text)?.index ?? text.length;
}

const LINE_END = /[\n\r\u2028\u2029]/g;
const OTHER_LINE_END = /[\r\u2028\u2029]/g;

/** The first line terminator from `at` (the text's length when none): where a comment ends. */
function lineEndFrom(text: string, at: number, otherEnds: boolean): number {
  return otherEnds ? matchOrEnd(LINE_END, text, at) : indexOrEnd(text, '\n', at);
}

/**
 * The text without its comments, what replacing the global `#.*|\/\/.*` by nothing
 * gives: from the first `#` or `//` to the end of its line, one inside a string included.
 */
export function withoutComments(text: string, otherEnds = hasOtherLineEnds(text)): string {
  let hash = indexOrEnd(text, '#', 0);
  let slashes = indexOrEnd(text, '//', 0);
  if (hash === text.length && slashes === text.length) return text;
  const kept: string[] = [];
  let from = 0;
  while (hash < text.length || slashes < text.length) {
    const comment = Math.min(hash, slashes);
    kept.push(text.slice(from, comment));
    from = lineEndFrom(text, comment, otherEnds);
    if (hash < from) hash = indexOrEnd(text, '#', from);
    if (slashes < from) slashes = indexOrEnd(text, '//', from);
  }
  kept.push(text.slice(from));
  return kept.join('');
}

/** A function's language runtime as written ("python3.8"); a database's or cluster's engine by its major. */
function terraformRuntime(attribute: string, value: string): string | null {
  return attribute === 'runtime' ? value.replace(/\.x$/, '') : majorOf(value);
}

/** A sticky pattern's matches, none starting before the last one ended. */
class Matches {
  readonly found: RegExpExecArray[] = [];
  /** Where the last match ended: the next may not start before. */
  private from = 0;

  constructor(private readonly pattern: RegExp) {}

  /** Whether a match may start at `at`: not inside the last one. */
  mayStartAt(at: number): boolean {
    return at >= this.from;
  }

  tryAt(code: string, at: number): void {
    this.pattern.lastIndex = at;
    const match = this.pattern.exec(code);
    if (!match) return;
    this.found.push(match);
    this.from = at + match[0].length;
  }
}

/**
 * Module blocks' bodies, as `^\s*module\s+"[^"]+"\s*\{([\s\S]*?)^\s*\}` takes them (global,
 * multi-line): from the head's `{` to the first `}` that is a line's first word after it.
 * No module starts inside an open one's body: that one ends first, or neither does.
 */
class ModuleBodies {
  readonly found: string[] = [];
  /** Where the open module's body begins; -1 when none is open. */
  private body = -1;

  /** A word after a line start and its white space (`initial`: its first character's code). */
  wordAt(code: string, at: number, initial: number): void {
    if (this.body >= 0) {
      // Cut at the `}`, not at its line's start: the white space between holds no `source = "…"`.
      if (initial === 125 && at >= this.body) {
        this.found.push(code.slice(this.body, at));
        this.body = -1;
      }
    } else if (initial === 109 && code.startsWith('module', at)) {
      MODULE.lastIndex = at;
      if (MODULE.test(code)) this.body = MODULE.lastIndex;
    }
  }
}

/**
 * One walk over a comment-free text, line by line: each line's first word tried
 * against what can begin there. A match of the whole-text patterns starts at a line
 * start and ends on a quote or brace, so whether one may start there is the same
 * at every line start before the word (blank lines) as at the word itself.
 */
class TerraformWalk {
  readonly providers = new Matches(PROVIDER);
  readonly resources = new Matches(RESOURCE);
  readonly modules = new ModuleBodies();
  readonly entries = new Matches(ENTRY);
  /** Where the last block header begins (-1 before the first) and its keyword. */
  private header = -1;
  private keyword = '';
  /** The block it opens ("resource aws_lambda_function f"), made when a line inside needs it. */
  private block: string | null = '';
  /** The next `{` from the last word looked at (the length when none), and where the name of `name = {` before it begins (-1: none). */
  private brace = -1;
  private entryName = -1;

  constructor(private readonly folder: string, private readonly code: string, private readonly facts: InfrastructureFacts) {}

  /** The line from `start` whose first word begins at `first`. */
  line(start: number, first: number): void {
    const initial = this.code.charCodeAt(first);
    if (first === start) this.readHeader(start, initial);
    this.readRuntime(first, initial);
    this.readProviderVersion(first, initial);
    this.wordAfterLineStart(first, initial);
  }

  /** A word after a line start and its white space, where each whole-text pattern may begin. */
  wordAfterLineStart(at: number, initial: number): void {
    const code = this.code;
    if (initial === 112) {
      if (this.providers.mayStartAt(at) && code.startsWith('provider', at)) this.providers.tryAt(code, at);
    } else if (initial === 114 || initial === 100) {
      if (this.resources.mayStartAt(at) && (code.startsWith('resource', at) || code.startsWith('data', at))) this.resources.tryAt(code, at);
    }
    this.modules.wordAt(code, at, initial);
    if (this.entries.mayStartAt(at) && this.opensEntry(at)) this.entries.tryAt(code, at);
  }

  /**
   * Whether ENTRY's `name = {` begins at `at`: only the next `{` can close it (a name,
   * `=` and white space hold none), so it is the name found back from that `{`.
   */
  private opensEntry(at: number): boolean {
    if (this.brace < at) {
      this.brace = indexOrEnd(this.code, '{', at);
      this.entryName = this.brace < this.code.length ? nameBefore(this.code, this.brace) : -1;
    }
    return at === this.entryName;
  }

  /** A block header (a keyword as a whole word) at the very start of a line. */
  private readHeader(start: number, initial: number): void {
    const keyword = wordAt(this.code, start, initial, BLOCK_BY_INITIAL);
    if (keyword === undefined || isWordCharacter(this.code.charCodeAt(start + keyword.length))) return;
    this.header = start;
    this.keyword = keyword;
    this.block = null;
  }

  private blockName(): string {
    if (this.block !== null) return this.block;
    TERRAFORM_BLOCK.lastIndex = this.header;
    const header = TERRAFORM_BLOCK.exec(this.code) as RegExpExecArray;
    this.block = [header[1], header[2], header[3]].filter(Boolean).join(' ');
    return this.block;
  }

  /** A runtime or engine attribute as the line's first word. */
  private readRuntime(first: number, initial: number): void {
    if (wordAt(this.code, first, initial, RUNTIME_BY_INITIAL) === undefined) return;
    TERRAFORM_RUNTIME.lastIndex = first;
    const [, attribute, written] = TERRAFORM_RUNTIME.exec(this.code) ?? [];
    const value = attribute && written ? terraformRuntime(attribute, written) : null;
    if (!attribute || !value) return;
    this.facts.runtimes.add(`${attribute} ${value}`);
    if (this.keyword === 'resource' && this.blockName().startsWith('resource ')) this.facts.targets.set(`${this.folder} ${this.blockName()} ${attribute}`, { kind: 'platform', value });
  }

  /** A provider block's own `version` (Terraform before 0.13) as the line's first word. */
  private readProviderVersion(first: number, initial: number): void {
    if (initial !== 118 || this.keyword !== 'provider' || !this.code.startsWith('version', first) || !this.blockName().startsWith('provider ')) return;
    PROVIDER_VERSION.lastIndex = first;
    const major = majorOf(PROVIDER_VERSION.exec(this.code)?.[1]);
    if (major) this.facts.targets.set(`${this.folder} ${this.blockName()}`, { kind: 'infrastructure', value: major });
  }
}

/** Adds what the Terraform text of a file in `folder` declares to `facts`. */
export function readTerraform(folder: string, text: string, facts: InfrastructureFacts): void {
  const otherEnds = hasOtherLineEnds(text);
  // Comments go first, and a `#` or `//` inside a string cuts its line as well: what the
  // rules have always read (changing it is a rule change, with the golden outputs).
  const code = withoutComments(text, otherEnds);
  const walk = new TerraformWalk(folder, code, facts);
  let otherEnd = otherEnds ? matchOrEnd(OTHER_LINE_END, code, 0) : code.length;
  for (let start = 0; start < code.length;) {
    const newline = indexOrEnd(code, '\n', start);
    const first = skipSpace(code, start, newline);
    if (first < newline) {
      walk.line(start, first);
      // "\r", U+2028 and U+2029 start lines for the whole-text patterns, not for the lines' own.
      if (otherEnd < first) otherEnd = matchOrEnd(OTHER_LINE_END, code, first);
      while (otherEnd < newline) {
        const word = skipSpace(code, otherEnd + 1, newline);
        if (word < newline) walk.wordAfterLineStart(word, code.charCodeAt(word));
        otherEnd = matchOrEnd(OTHER_LINE_END, code, word);
      }
    }
    start = newline + 1;
  }
  for (const m of walk.providers.found) facts.things.add(`provider ${m[1]}`);
  // A stack declares dozens of resources of one type: its facts are made once.
  const types = { resource: new Set<string>(), data: new Set<string>() };
  for (const [, kind, type] of walk.resources.found) {
    const known = types[kind as keyof typeof types];
    if (known.has(type as string)) continue;
    known.add(type as string);
    facts.things.add(`${kind} ${type}`);
    if (kind === 'resource') facts.placed.add(`${folder} resource ${type}`);
  }
  for (const body of walk.modules.found) {
    const source = /^\s*source\s*=\s*"([^"]+)"/m.exec(body)?.[1];
    // A module's ref is its version; a local module path is the repository's own.
    if (source && !source.startsWith('.')) facts.things.add(`module ${source.replace(/[?&]ref=[^&]*/, '').replace(/\?$/, '')}`);
  }
  for (const m of walk.entries.found) {
    const source = /\bsource\s*=\s*"([^"]+)"/.exec(m[1] as string)?.[1];
    if (!source) continue;
    const provider = source.split('/').pop() as string;
    facts.things.add(`provider ${provider}`);
    const major = majorOf(/\bversion\s*=\s*"([^"]+)"/.exec(m[1] as string)?.[1]);
    if (major) facts.targets.set(`${folder} provider ${provider}`, { kind: 'infrastructure', value: major });
  }
}
