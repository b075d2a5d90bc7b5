// Where things stand in a record's text: front matter, prose lines (outside comments and
// code fences), headings, the title and the header fields under it. Shared by the parser
// and the editors so both agree on every offset.
import { findFrontMatter, type FrontMatter } from './front-matter';
import { peopleSectionField, readHeaderLine, STATUS_HEADING, TABLE_ROW, type HeaderField, type HeaderLine } from './header-fields';
import { splitLines, type TextLine } from './text-lines';

/** A body line that is prose, not inside an HTML comment or a code fence (comments cut out of its text). */
export type BodyLine = TextLine;

export interface Heading {
  level: number;
  text: string;
  line: BodyLine;
}

function isFence(text: string): string | null {
  const first = text.charCodeAt(0);
  if (first !== 96 && first !== 126 && first !== 32) return null;
  return /^\s{0,3}(```|~~~)/.exec(text)?.[1] ?? null;
}

function bodyLines(lines: readonly TextLine[], from: number): BodyLine[] {
  const result: BodyLine[] = [];
  let fence: string | null = null;
  let inComment = false;
  for (let index = from; index < lines.length; index += 1) {
    const line = lines[index];
    if (!line) continue;
    const text = line.text;
    if (fence !== null) {
      if (text.trimStart().startsWith(fence)) fence = null;
      continue;
    }
    if (inComment) {
      if (text.includes('-->')) inComment = false;
      continue;
    }
    const opened = isFence(text);
    if (opened !== null) {
      fence = opened;
      continue;
    }
    if (!text.includes('<!--')) {
      result.push(line);
      continue;
    }
    const stripped = text.replace(/<!--.*?-->/g, '');
    if (stripped.includes('<!--')) {
      inComment = true;
      const before = stripped.slice(0, stripped.indexOf('<!--'));
      if (before.trim().length > 0) result.push({ ...line, text: before });
      continue;
    }
    result.push({ ...line, text: stripped });
  }
  return result;
}

const UNDERLINE = /^\s{0,3}(=+|-+)\s*$/;
/** A heading's attributes in Pandoc, kramdown, Markdown Extra or Doxygen: `{#adr_0002}`, `{: .note}`. */
const HEADING_ATTRIBUTES = /\s+\{:?\s*[#.][\w-][^{}]*\}$/;

/** The heading's words, without the attributes some tools let a heading carry. */
function headingText(text: string): string {
  const words = text.replace(HEADING_ATTRIBUTES, '');
  return words.length > 0 ? words : text;
}

function headingOf(line: BodyLine, next: BodyLine | undefined): Heading | null {
  const text = line.text;
  const first = text.charCodeAt(0);
  if (first === 35 || ((first === 32 || first === 0xfeff) && /^\s{1,3}#/.test(text))) {
    const atx = /^\s{0,3}(#{1,6})\s*(.*?)\s*#*\s*$/.exec(text);
    if (atx && (atx[2] ?? '').length > 0 && !text.startsWith('#!')) return { level: (atx[1] ?? '#').length, text: headingText(atx[2] ?? ''), line };
    return null;
  }
  if (next && next.index === line.index + 1 && UNDERLINE.test(next.text) && !/^\s*[*+-]\s/.test(text) && text.trim().length > 0) {
    return { level: next.text.includes('=') ? 1 : 2, text: headingText(text.trim()), line };
  }
  return null;
}

export interface HeaderEntry {
  field: HeaderLine;
  line: BodyLine;
}

export interface RecordLayout {
  lines: TextLine[];
  starts: number[];
  fm: FrontMatter | null;
  body: BodyLine[];
  headings: Heading[];
  /** The first level-1 heading, else a heading the text opens with when header fields follow it: the title. */
  h1: Heading | undefined;
  /** Header fields between the title and the next heading. */
  header: HeaderEntry[];
  /** Line index of the first heading after the title (Infinity when none). */
  headerEnd: number;
}

/**
 * The fields of a table that opens a `## Status` section (`| Status | Accepted |`,
 * `| Deciders | … |`): header fields as much as the ones under the title.
 */
function statusTableFields(body: readonly BodyLine[], headings: readonly Heading[]): HeaderEntry[] {
  const heading = headings.find((h) => STATUS_HEADING.test(h.text));
  if (!heading) return [];
  const entries: HeaderEntry[] = [];
  let inTable = false;
  for (const line of body) {
    if (line.index <= heading.line.index || (!inTable && line.text.trim() === '')) continue;
    if (!TABLE_ROW.test(line.text)) break;
    inTable = true;
    const field = readHeaderLine(line.text);
    if (field) entries.push({ field, line });
  }
  return entries;
}

/** The lines a section holds: after its heading, before the next heading of any level, blank lines left out. */
export function sectionLines(body: readonly BodyLine[], headings: readonly Heading[], heading: Heading): BodyLine[] {
  const next = headings.find((h) => h.line.index > heading.line.index);
  return body.filter((l) => l.index > heading.line.index && (!next || l.index < next.line.index) && l.text.trim().length > 0);
}

/**
 * The section headed by a people field (`## Deciders`) and its lines, template guidance quoted
 * in it (`> Who took part`) left out; null without one.
 */
export function peopleSection(body: readonly BodyLine[], headings: readonly Heading[], field: HeaderField): { heading: Heading; lines: BodyLine[] } | null {
  const heading = headings.find((h) => peopleSectionField(h.text) === field);
  return heading ? { heading, lines: sectionLines(body, headings, heading).filter((l) => !l.text.trim().startsWith('>')) } : null;
}

/** A thematic break (`----`, `***`): what a preamble of fields may end with before the title. */
const RULE = /^\s*(?:[-*_]\s*){3,}$/;

/**
 * Fields written above the title with no front matter's fences (`status: accepted`, then
 * `decision-makers: @kostja`, a rule, then `# Title`): header fields, when the lines above the
 * title hold nothing else.
 */
function preambleFields(body: readonly BodyLine[], titleIndex: number): HeaderEntry[] {
  const entries: HeaderEntry[] = [];
  for (const line of body) {
    if (line.index >= titleIndex) break;
    if (line.text.trim() === '' || RULE.test(line.text)) continue;
    const field = readHeaderLine(line.text);
    if (!field) return [];
    entries.push({ field, line });
  }
  return entries;
}

/** `exact`: read front matter with the full YAML parser (what editors need). */
export function scanLayout(text: string, exact = false): RecordLayout {
  const lines = splitLines(text);
  const starts = lines.map((line) => line.start);
  const fm = findFrontMatter(text, lines, exact);
  const body = bodyLines(lines, fm ? fm.closingLineIndex + 1 : 0);
  const headings: Heading[] = [];
  body.forEach((line, i) => {
    const heading = headingOf(line, body[i + 1]);
    if (heading) headings.push(heading);
  });
  const statusTable = statusTableFields(body, headings);
  const headerUnder = (title: Heading | undefined): { header: HeaderEntry[]; headerEnd: number } => {
    const titleIndex = title?.line.index ?? -1;
    const end = headings.find((h) => h !== title && h.line.index > titleIndex)?.line.index ?? Infinity;
    const entries: HeaderEntry[] = [];
    for (const line of body) {
      if (line.index <= titleIndex || line.index >= end) continue;
      const field = readHeaderLine(line.text);
      if (field) entries.push({ field, line });
    }
    for (const entry of statusTable) if (!entries.some((e) => e.line === entry.line)) entries.push(entry);
    return { header: [...preambleFields(body, titleIndex), ...entries], headerEnd: end };
  };
  const h1 = headings.find((h) => h.level === 1);
  if (!h1) {
    // A heading the text opens with, over header fields, is the title (gRFC's `A115: title` over `----`, then `* Approvers:`).
    const opening = headings[0];
    const first = body.find((line) => line.text.trim().length > 0);
    const under = opening && first === opening.line ? headerUnder(opening) : null;
    if (opening && under && under.header.length > 0) return { lines, starts, fm, body, headings, h1: opening, ...under };
  }
  return { lines, starts, fm, body, headings, h1, ...headerUnder(h1) };
}
