// A fast reading of the plain block YAML that schemas and pipelines are written
// in, for the structural readers: `yaml`'s full parse of a 90 kB OpenAPI file
// takes tens of milliseconds and most of a history's garbage, once per version.
// The outline accepts only a strict subset (block mappings and sequences, keys
// that are plain words or simple quoted strings, one-line scalars) and gives
// there exactly the value `yaml` gives. Whatever it is not sure of it refuses
// (OutsideOutline): the whole text at once for anything that shapes the
// structure (anchors, aliases, tags, duplicate keys, tabs, directives, text
// after a quoted scalar or a flow collection), and a single value when it is
// read (block scalars, plain or quoted text over several lines, flow
// collections on one line or over several, escapes, numbers other than plain
// integers and decimals). The caller then reads the
// text with `yaml` instead (withYamlDocuments).

/** The outline cannot say what `yaml` would make of this text or value. */
export class OutsideOutline extends Error {
  constructor() {
    super('outside the YAML outline');
  }
}

const refuse = (): never => {
  throw new OutsideOutline();
};

/** A value the outline does not compute: reading it refuses, so the caller reads the text with `yaml`. */
const LAZY = Symbol('lazy');
/**
 * A scalar the outline does not compute (a block scalar, text over several lines, a number
 * or an escape it does not spell out): LAZY, yet known to be no collection (unreadText).
 */
const LAZY_SCALAR = Symbol('lazy scalar');
/** The getter of a LAZY_SCALAR value: a reader may tell it from a collection's without reading it. */
const refuseScalar = (): never => refuse();

/** A flow collection on one line (`[a, b]`, `{x: 1}`) the outline does not compute, with its text. */
class UnreadFlow {
  constructor(readonly text: string) {}
}

/** The text of each UnreadFlow value, by the getter that refuses to read it. */
const FLOW_TEXTS = new WeakMap<() => never, string>();

/**
 * The text of `target[key]` when the outline left it to `yaml` and it is a scalar (empty:
 * it holds no key) or a flow collection on one line (its text); null otherwise. A reader
 * that looks only for some keys may pass over a value whose text cannot hold them, without
 * reading it (which would refuse the whole text).
 */
export function unreadText(target: object, key: string | number): string | null {
  const get = Object.getOwnPropertyDescriptor(target, key)?.get as (() => never) | undefined;
  if (get === undefined) return null;
  return get === refuseScalar ? '' : FLOW_TEXTS.get(get) ?? null;
}
/**
 * A plain scalar holding `: ` (`summary: blocks (max: 20) in a range`): `yaml`
 * reports an error and reads a mapping there that takes in the rest of the
 * collection the scalar stands in, but no line outside it. So that collection
 * is left to `yaml` (LAZY) and the rest of the text is still the outline's.
 */
const NESTED = Symbol('nested');

/** A line holding something: its text is `source.slice(start, end)`, read only where needed. */
interface Line {
  indent: number;
  /** Where the line's text starts after its indentation and ends before its trailing spaces; never empty. */
  start: number;
  end: number;
}

/**
 * Characters `yaml` treats specially anywhere (line breaks of YAML 1.1, byte
 * order marks, controls): the whole text is refused. Tabs too: after `-`, `?`
 * or `:` a tab separates as a space does in some places and is an indentation
 * error in others, and real schemas and pipelines hardly hold any.
 */
// eslint-disable-next-line no-control-regex -- control characters are what this looks for
const UNUSUAL = /[\t\r\0-\x08\x0b\x0c\x0e-\x1f\x7f\x85\u2028\u2029\ufeff]/;
// eslint-disable-next-line no-control-regex -- the same, less the tab
const UNUSUAL_BUT_TAB = /[\r\0-\x08\x0b\x0c\x0e-\x1f\x7f\x85\u2028\u2029\ufeff]/;

/**
 * Whether the text's only unusual characters are tabs on lines that are comments from their
 * first character on after spaces (`  ## \tmetric relabel configs`, as charts' values files
 * hold): the outline passes over such lines, and a tab there shapes nothing.
 */
function onlyTabsInComments(text: string): boolean {
  if (UNUSUAL_BUT_TAB.test(text)) return false;
  for (let tab = text.indexOf('\t'); tab >= 0; tab = text.indexOf('\t', tab + 1)) {
    const start = text.lastIndexOf('\n', tab - 1) + 1;
    if (!/^ *#/.test(text.slice(start, tab))) return false;
  }
  return true;
}
/**
 * The other spaces of Unicode, which `yaml` reads as text: a line holding one
 * is refused unless it is a comment, so a space (0x20) is the only blank the
 * outline meets where it reads.
 */
const UNICODE_SPACE = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/;
const SPACE = 0x20;
const HASH = 0x23;
const DASH = 0x2d;
/** Indicators that start anything but a plain scalar (`-` is a sequence entry or a plain scalar, decided apart). */
const INDICATOR = /^[?:,[\]{}#&*!|>'"%@`]/;
/**
 * Plain text whose every `: ` is followed by plain text again, so that `yaml`
 * reads it as nested keys and values of plain scalars (NESTED): no quote,
 * bracket, anchor, tag, block scalar or entry that could reach past the line.
 */
const NESTED_PLAIN = /^(?:[^:]|:(?! |$))+(?:: +(?![?:,[\]{}#&*!|>'"%@`-])(?:[^:]|:(?! |$))+)+:?$/;
const NULL = /^(?:~|null|Null|NULL)$/;
const TRUE = /^(?:true|True|TRUE)$/;
const FALSE = /^(?:false|False|FALSE)$/;
/** Integers and decimals whose value the outline gives exactly (no sign, no exponent, few enough digits). */
const SMALL_INT = /^(?:0|[1-9][0-9]{0,14})$/;
const SMALL_DECIMAL = /^[0-9]{1,15}\.[0-9]{1,15}$/;
/** Every other spelling the core schema reads as a number. */
const OTHER_NUMBER = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$/;
/** `|`, `>-`, and with an indentation indicator `|2-`, `>+1`: the indicator is captured. */
const BLOCK_SCALAR = /^[|>](?:([1-9])[-+]?|[-+]([1-9])?)?(?:\s+#.*)?$/;
/** Longer implicit keys are an error in YAML. */
const MAX_KEY = 1000;

/** The first characters of a null, a boolean or a number: any other plain scalar is its text. */
const NOT_TEXT_START = new Set([...'~nNtTfF0123456789.+-'].map((char) => char.charCodeAt(0)));

/** A one-line plain scalar's value under the core schema (YAML 1.2, `yaml`'s default). */
function plainValue(text: string): unknown {
  if (!NOT_TEXT_START.has(text.charCodeAt(0))) return text;
  if (NULL.test(text)) return null;
  if (TRUE.test(text)) return true;
  if (FALSE.test(text)) return false;
  if (SMALL_INT.test(text)) return Number(text);
  if (SMALL_DECIMAL.test(text)) return parseFloat(text);
  if (OTHER_NUMBER.test(text)) return LAZY_SCALAR;
  return text;
}

/** Where a one-line quoted scalar starting at `text[0]` ends (the index after its closing quote), or -1. */
function quoteEnd(text: string): number {
  const quote = text[0];
  for (let at = 1; at < text.length; at += 1) {
    const char = text[at];
    if (quote === '"' && char === '\\') at += 1;
    else if (char === quote) {
      if (quote === "'" && text[at + 1] === "'") at += 1;
      else return at + 1;
    }
  }
  return -1;
}

/** A one-line quoted scalar's value; escapes in double quotes are left to `yaml`. */
function quotedValue(text: string): string | typeof LAZY_SCALAR {
  const inner = text.slice(1, -1);
  if (text[0] === "'") return inner.replace(/''/g, "'");
  return inner.includes('\\') ? LAZY_SCALAR : inner;
}

/** Nothing but spaces and a comment may follow a scalar or a key on its line. */
function endsClean(rest: string): boolean {
  const trimmed = rest.trimStart();
  return trimmed === '' || (trimmed.startsWith('#') && trimmed.length < rest.length);
}

const CLOSING: Readonly<Record<string, string>> = { '[': ']', '{': '}' };

/** What flowScan gives for a flow collection whose brackets and quotes pair so far and leave one open: it goes on past the text. */
const FLOW_GOES_ON = -2;

/**
 * Where the flow collection `text` starts with ends (the index after its closing bracket);
 * FLOW_GOES_ON when it goes on past the text; -1 when its brackets or quotes do not pair or a
 * comment stands in it.
 */
function flowScan(text: string): number {
  const open: string[] = [];
  for (let at = 0; at < text.length; at += 1) {
    const char = text[at] as string;
    if (char === '"' || char === "'") {
      const end = quoteEnd(text.slice(at));
      if (end < 0) return -1;
      at += end - 1;
    } else if (char === '[' || char === '{') open.push(CLOSING[char] as string);
    else if (char === ']' || char === '}') {
      if (open.pop() !== char) return -1;
      if (open.length === 0) return at + 1;
    } else if (char === '#' && /\s/.test(text[at - 1] ?? '')) return -1;
  }
  return open.length > 0 ? FLOW_GOES_ON : -1;
}

/** Where a flow collection ends (the index after its closing bracket), or -1 when it goes on past the text or its brackets do not pair. */
function flowEnd(text: string): number {
  const end = flowScan(text);
  return end === FLOW_GOES_ON ? -1 : end;
}

/** The value of a key (or a sequence entry) on one line, its text starting with a value. */
function inlineValue(text: string): unknown {
  const first = text[0] as string;
  if (first === '"' || first === "'") {
    const end = quoteEnd(text);
    if (end < 0 || !endsClean(text.slice(end))) return refuse();
    return quotedValue(text.slice(0, end));
  }
  if (first === '[' || first === '{') {
    const end = flowEnd(text);
    if (end < 0 || !endsClean(text.slice(end))) return refuse();
    // `[]` and `{}`, which a chart's values file holds by the dozen: nothing in them to read.
    if (end === 2) return first === '[' ? [] : {};
    return new UnreadFlow(text.slice(0, end));
  }
  if (INDICATOR.test(text) || isEntry(text)) return refuse();
  const comment = text.indexOf(' #');
  const value = comment < 0 ? text : text.slice(0, comment).trimEnd();
  if (value.includes(': ') || value.endsWith(':')) return NESTED_PLAIN.test(value) ? NESTED : refuse();
  return plainValue(value);
}

/** The key of a mapping entry and the text after its colon, or null when the line holds no key. */
function splitKey(text: string): { key: string; rest: string } | null {
  const first = text[0] as string;
  if (first === '"' || first === "'") {
    const end = quoteEnd(text);
    if (end < 0) return null;
    const after = text.slice(end).trimStart();
    if (!after.startsWith(':') || !(after.length === 1 || after[1] === ' ')) return null;
    const key = quotedValue(text.slice(0, end));
    return key === LAZY_SCALAR ? refuse() : { key, rest: after.slice(1) };
  }
  // A flow collection standing alone is a value (`- { os: linux, dotnet: "8.0" }`, a matrix entry), not a key.
  if (first === '[' || first === '{') {
    const end = flowScan(text);
    if (end >= 0 ? endsClean(text.slice(end)) : end === FLOW_GOES_ON) return null;
  }
  const colon = keyColon(text);
  if (colon < 0) return null;
  const raw = text.slice(0, colon).trimEnd();
  // `a # b: c` is the scalar `a` and a comment.
  if (raw.includes(' #')) return null;
  if (INDICATOR.test(raw) || raw.startsWith('-') || raw.length > MAX_KEY) return refuse();
  const value = plainValue(raw);
  // A key read as a number is named by its digits, which SMALL_INT keeps as written.
  if (typeof value !== 'string' && typeof value !== 'number') return refuse();
  return { key: String(value), rest: text.slice(colon + 1) };
}

/** The first colon followed by a space or the end of the text, or -1. */
function keyColon(text: string): number {
  for (let colon = text.indexOf(':'); colon >= 0; colon = text.indexOf(':', colon + 1)) {
    if (colon + 1 === text.length || text.charCodeAt(colon + 1) === SPACE) return colon;
  }
  return -1;
}

function isEntry(text: string): boolean {
  return text === '-' || text.startsWith('- ');
}

class Outline {
  private at = 0;
  /** Whether the collection being read holds a NESTED scalar (and is so left to `yaml`). */
  private nested = false;
  /** How deep the collection being read stands (the document's mapping is 0). */
  private depth = -1;

  /** `deepest`: collections deeper than this are checked as any other but not built (they are LAZY). */
  constructor(private readonly source: string, private readonly lines: Line[], private readonly deepest: number) {}

  private text(line: Line): string {
    return this.source.slice(line.start, line.end);
  }

  /** Whether the line is a sequence entry (`-` alone or followed by a space), as isEntry says of its text. */
  private isEntry(line: Line): boolean {
    return this.source.charCodeAt(line.start) === DASH && (line.end === line.start + 1 || this.source.charCodeAt(line.start + 1) === SPACE);
  }

  /** The next line holding something, comments passed over. */
  private peek(): Line | undefined {
    this.at = this.contentFrom(this.at);
    return this.lines[this.at];
  }

  /** The first line from `at` on that is no comment, without moving on to it. */
  private peekAt(at: number): Line | undefined {
    return this.lines[this.contentFrom(at)];
  }

  private contentFrom(at: number): number {
    let next = at;
    while (next < this.lines.length && this.source.charCodeAt((this.lines[next] as Line).start) === HASH) next += 1;
    return next;
  }

  document(): unknown {
    const first = this.peek();
    if (!first) return null;
    if (first.indent !== 0 || this.isEntry(first)) refuse();
    const value = this.mapping(0);
    if (this.peek() || value === LAZY) refuse();
    return value;
  }

  private mapping(indent: number): Record<string, unknown> | typeof LAZY {
    const outer = this.nested;
    this.nested = false;
    this.depth += 1;
    const map: Record<string, unknown> | null = this.depth <= this.deepest ? {} : null;
    for (let line = this.peek(); line && line.indent >= indent; line = this.peek()) {
      if (line.indent > indent || this.isEntry(line)) refuse();
      const entry = splitKey(this.text(line)) ?? refuse();
      // A duplicate key in a mapping not built changes only that mapping, which is LAZY.
      if (entry.key === '<<' || entry.key === '__proto__' || (map && Object.prototype.hasOwnProperty.call(map, entry.key))) refuse();
      this.at += 1;
      const value = this.value(entry.rest.trimStart(), indent, true);
      if (map) setValue(map, entry.key, value);
    }
    return this.close(outer, map);
  }

  /**
   * The collection just read, or LAZY when it held a NESTED scalar or was not
   * built (null); `outer` is the enclosing collection's flag.
   */
  private close<T>(outer: boolean, collection: T | null): T | typeof LAZY {
    const nested = this.nested;
    this.nested = outer;
    this.depth -= 1;
    return nested || collection === null ? LAZY : collection;
  }

  private sequence(indent: number): unknown[] | typeof LAZY {
    const outer = this.nested;
    this.nested = false;
    this.depth += 1;
    const list: unknown[] | null = this.depth <= this.deepest ? [] : null;
    for (let line = this.peek(); line && line.indent === indent && this.isEntry(line); line = this.peek()) {
      let start = line.start + 1;
      while (start < line.end && this.source.charCodeAt(start) === SPACE) start += 1;
      const rest = this.source.slice(start, line.end);
      if (rest !== '' && !rest.startsWith('#') && splitKey(rest)) {
        // `- key: value`: a mapping whose keys stand in the column of the first.
        const column = indent + start - line.start;
        this.lines[this.at] = { indent: column, start, end: line.end };
        const value = this.mapping(column);
        if (list) setValue(list, list.length, value);
      } else {
        this.at += 1;
        const value = this.value(rest, indent, false);
        if (list) setValue(list, list.length, value);
      }
    }
    if (this.peek() && (this.peek() as Line).indent > indent) refuse();
    return this.close(outer, list);
  }

  /**
   * What follows a key's colon (or an entry's dash) of a node at `indent`:
   * the rest of its line, else the lines below it. `inMapping`: a sequence may
   * then stand in the key's own column.
   */
  private value(rest: string, indent: number, inMapping: boolean): unknown {
    if (rest !== '' && !rest.startsWith('#')) {
      const block = BLOCK_SCALAR.exec(rest);
      if (block) {
        const stated = Number(block[1] ?? block[2] ?? 0);
        // An indicator counts from the mapping's column; in a sequence's entry the outline does not follow it.
        if (stated > 0 && !inMapping) refuse();
        return this.blockScalar(indent, stated);
      }
      return this.scalar(rest, indent);
    }
    const next = this.peek();
    if (!next || next.indent < indent) return null;
    if (next.indent === indent) return inMapping && this.isEntry(next) ? this.sequence(indent) : null;
    if (this.isEntry(next)) return this.sequence(next.indent);
    const text = this.text(next);
    if (splitKey(text)) return this.mapping(next.indent);
    // A scalar on lines of its own: a block scalar's indicator goes on the key's line.
    if (BLOCK_SCALAR.test(text)) refuse();
    this.at += 1;
    return this.scalar(text, indent);
  }

  /** A scalar starting with `text`, its further lines (if any) those indented past `indent`. */
  private scalar(text: string, indent: number): unknown {
    const flow = this.flowOverLines(text, indent);
    if (flow !== null) return flow;
    if (this.quotedOverLines(text, indent)) return LAZY_SCALAR;
    const value = inlineValue(text);
    const continued = this.continued(indent);
    // Only plain text goes on over lines; after a quote, a bracket or a comment it is an error.
    if (continued && /^["'[{]|\s#/.test(text)) refuse();
    if (value === NESTED) this.nested = true;
    if (value === NESTED) return LAZY;
    return continued ? LAZY_SCALAR : value;
  }

  /**
   * A flow collection opened on the key's line and closed on a later one (`branches: [` … `]`,
   * which a pipeline's triggers hold): its lines passed over, the collection left to yaml
   * when read (UnreadFlow). Null when `text` opens no such collection. Its lines stand past
   * `indent` (its closing bracket may stand at it) and start with no indicator that could shape the structure (`- `, `? `, an
   * anchor, an alias, a tag, a comment); anything else is refused.
   */
  private flowOverLines(text: string, indent: number): UnreadFlow | null {
    if (!/^[[{]/.test(text) || flowScan(text) !== FLOW_GOES_ON) return null;
    return new UnreadFlow(this.overLines(text, indent, flowEnd, (line, next) => {
      if (/^(?:[-?:](?:\s|$)|[,#&*!|>%@`])/.test(next)) refuse();
      // The closing bracket may stand in the key's own column.
      return line.indent > indent || (line.indent === indent && /^[\]}]/.test(next));
    }));
  }

  /**
   * A quoted scalar opened on the key's line and closed on a later one (a JSON list in
   * single quotes, an action's input): its lines passed over, its text left to yaml when
   * read. False when `text` opens no such scalar. Its lines stand past `indent`; a line
   * starting a document (`---`, `...`) inside it is refused.
   */
  private quotedOverLines(text: string, indent: number): boolean {
    if ((text[0] !== '"' && text[0] !== "'") || quoteEnd(text) >= 0) return false;
    this.overLines(text, indent, quoteEnd, (line) => line.indent > indent);
    return true;
  }

  /**
   * Passes over the lines that `text` goes on in until `endOf` finds its end, each line
   * first let through by `within` (which may refuse it), and gives the text to that end.
   * Refuses when the lines run out first, or anything but a comment follows the end.
   */
  private overLines(text: string, indent: number, endOf: (joined: string) => number, within: (line: Line, next: string) => boolean): string {
    let joined = text;
    for (let line = this.lines[this.at]; line && within(line, this.text(line)); line = this.lines[this.at]) {
      joined += `\n${this.text(line)}`;
      this.at += 1;
      const end = endOf(joined);
      if (end < 0) continue;
      if (!endsClean(joined.slice(end)) || this.continued(indent)) refuse();
      return joined.slice(0, end);
    }
    return refuse();
  }

  /**
   * Passes over the further lines of a plain scalar; true when there were any. A comment
   * ends it (the comment lines are passed over as anywhere else); more of it after one is
   * left to yaml.
   */
  private continued(indent: number): boolean {
    let found = false;
    for (let line = this.lines[this.at]; line && line.indent > indent; line = this.lines[this.at]) {
      if (this.source.charCodeAt(line.start) === HASH) {
        if ((this.peekAt(this.at)?.indent ?? -1) > indent) refuse();
        break;
      }
      const text = this.text(line);
      if (INDICATOR.test(text) || isEntry(text) || /:(?:\s|$)|\s#/.test(text)) refuse();
      found = true;
      this.at += 1;
    }
    return found;
  }

  /**
   * Passes over a block scalar's lines (blank lines were dropped, so their indentation cannot
   * mislead). Its content stands in the first line's column, or `stated` columns in from the
   * node's when an indentation indicator says so (the first line may then stand further in).
   */
  private blockScalar(indent: number, stated: number): typeof LAZY_SCALAR {
    const first = this.lines[this.at];
    if (!first || first.indent <= indent) return LAZY_SCALAR;
    const content = stated > 0 ? indent + stated : first.indent;
    for (let line = this.lines[this.at]; line && line.indent > indent; line = this.lines[this.at]) {
      if (line.indent < content) refuse();
      this.at += 1;
    }
    return LAZY_SCALAR;
  }
}

/** As `yaml` sets a key (`__proto__`, the one setter a plain object inherits, is refused before). */
function setValue(target: Record<string, unknown> | unknown[], key: string | number, value: unknown): void {
  if (value === LAZY || value === LAZY_SCALAR) Object.defineProperty(target, key, { get: value === LAZY ? refuse : refuseScalar, enumerable: true, configurable: true });
  else if (value instanceof UnreadFlow) {
    const get = (): never => refuse();
    FLOW_TEXTS.set(get, value.text);
    Object.defineProperty(target, key, { get, enumerable: true, configurable: true });
  } else (target as Record<string | number, unknown>)[key] = value;
}

/**
 * The lines of one document. Blank lines are dropped: no value the outline
 * computes spans lines, and neither a block scalar nor text over several lines
 * ends at a blank line.
 */
function linesOf(part: string): Line[] {
  const lines: Line[] = [];
  const unicodeSpaces = UNICODE_SPACE.test(part);
  for (let from = 0; from <= part.length;) {
    const newline = part.indexOf('\n', from);
    const to = newline < 0 ? part.length : newline;
    let start = from;
    while (start < to && part.charCodeAt(start) === SPACE) start += 1;
    let end = to;
    while (end > start && part.charCodeAt(end - 1) === SPACE) end -= 1;
    if (end > start) {
      const indent = start - from;
      if ((indent === 0 && (part.startsWith('---', start) || part.startsWith('...', start))) || part.startsWith('%', start)) refuse();
      if (unicodeSpaces && part.charCodeAt(start) !== HASH && UNICODE_SPACE.test(part.slice(from, to))) refuse();
      lines.push({ indent, start, end });
    }
    from = to + 1;
  }
  return lines;
}

/**
 * The documents of a text split at `separator` lines, or OutsideOutline.
 * `deepest`: how deep the collections the caller reads stand (a document's
 * mapping is 0, its keys' collections 1, …); deeper ones are LAZY, which spares
 * building the bulk of an OpenAPI document for a reader of its paths.
 */
export function outlineDocuments(text: string, separator: RegExp, deepest = Infinity): unknown[] {
  if (UNUSUAL.test(text) && !onlyTabsInComments(text)) refuse();
  return text.split(separator).map((part) => new Outline(part, linesOf(part), deepest).document());
}
