// What a later commit changed in a record, from its text before and after: its
// status (to accepted, or otherwise), its decision, or only other text (context,
// people fields, tags, a typo outside the decision). DESIGN.md's involvement table
// gives `consulted` for a status or decision change, `informed` for the rest, and
// to whoever committed the status change to accepted what approving its PR gives.
import type { ParsedAdr } from '../model/adr';
import type { RecordChangeKind } from '../model/report';
import { scanLayout, type Heading, type RecordLayout } from './layout';
import { parseAdr } from './parse';
import { isPartlySuperseded } from './status';

/** `## Decision`, `## Decision Outcome`, `## 3. Decision`, never `## Decision Drivers` or `## Decision Makers`. */
const DECISION_HEADING = /^(?:\d+[.)]?\s*)?(?:the\s+)?decisions?(?!\s*[-\s]?(?:drivers?|makers?|log|records?)\b)\b/i;
const STATUS_HEADING = /^(?:\d+[.)]?\s*)?status\b/i;

/**
 * Words only: case, punctuation, Markdown emphasis and line wrapping drop out, so
 * re-wrapping or re-formatting a paragraph changes nothing a reader would call its text.
 */
function words(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Line indexes of the body from a heading to the next heading of its level or higher. */
function sectionLines(layout: RecordLayout, heading: Heading): Set<number> {
  const next = layout.headings.find((h) => h.line.index > heading.line.index && h.level <= heading.level);
  const end = next ? next.line.index : Infinity;
  return new Set(layout.body.filter((line) => line.index >= heading.line.index && line.index < end).map((line) => line.index));
}

function textOf(layout: RecordLayout, keep: (index: number) => boolean): string {
  return words(layout.body.filter((line) => keep(line.index)).map((line) => line.text).join('\n'));
}

/**
 * The decision as written: its title and its decision sections; a record with
 * none of those has its whole prose (outside front matter, header fields and the
 * status section) as its decision, since nothing tells which part decides.
 */
function decisionText(text: string): string {
  const layout = scanLayout(text);
  const title = layout.h1 ? words(layout.h1.text) : '';
  const sections = layout.headings.filter((h) => h.level >= 2 && DECISION_HEADING.test(h.text.trim()));
  if (sections.length > 0) {
    const inside = new Set(sections.flatMap((h) => [...sectionLines(layout, h)]));
    return `${title}\n${textOf(layout, (index) => inside.has(index))}`;
  }
  const header = new Set(layout.header.map((entry) => entry.line.index));
  const status = layout.headings.filter((h) => STATUS_HEADING.test(h.text.trim())).flatMap((h) => [...sectionLines(layout, h)]);
  const left = new Set([...header, ...status]);
  return textOf(layout, (index) => !left.has(index));
}

/** Supersede and amend links, which a status section holds beside the status. */
function statusLinks(adr: ParsedAdr): string {
  return adr.links.filter((link) => link.kind !== 'relates-to').map((link) => `${link.kind} ${link.target}`).sort().join('\n');
}

/** What a reader compares between two versions of a record: its status as written and its decision. */
export interface RecordGist {
  status: string;
  accepted: boolean;
  decision: string;
}

export function recordGist(path: string, text: string): RecordGist {
  const adr = parseAdr(path, text);
  // Marking a record superseded in part accepts nothing: whoever wrote that wrote what superseded it.
  return { status: `${adr.status}\n${words(adr.statusText)}\n${statusLinks(adr)}`, accepted: adr.status === 'accepted' && !isPartlySuperseded(adr.statusText), decision: decisionText(text) };
}

/** What changed between two versions of a record. */
export function gistChange(before: RecordGist, after: RecordGist): RecordChangeKind {
  if (before.status !== after.status) return after.accepted && !before.accepted ? 'accepted' : 'status';
  return before.decision === after.decision ? 'other' : 'decision';
}

/** What changed from `before` to `after` of the record at `path`. */
export function recordChange(path: string, before: string, after: string): RecordChangeKind {
  return gistChange(recordGist(path, before), recordGist(path, after));
}
