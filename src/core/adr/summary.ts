// The part of a record a reader wants first in the map's detail panel: the
// decision itself (`## Decision`, `## Decision Outcome`), else the context, else
// the first prose after the title. Kept as Markdown source; the map renders it
// with HTML off and sanitizes the result, since record text is hostile.
import type { Heading, RecordLayout } from './layout';
import type { TextLine } from './text-lines';

/** Long enough for a decision's gist, short enough that 10,000 records stay a small report. */
export const SUMMARY_MAX_CHARS = 1200;

// "Decision Drivers" and "Decision Makers" (MADR) come before the outcome and are
// not it: the decision heading is the whole heading, numbering and colon aside.
const PREFERRED_SECTIONS = [/^(?:\d+(?:\.\d+)*\.?\s+)?decision(?: outcome)?\s*:?$/i, /^(?:\d+(?:\.\d+)*\.?\s+)?context\b/i];

function sectionText(lines: readonly TextLine[], headings: readonly Heading[], heading: Heading): string {
  const next = headings.find((h) => h.line.index > heading.line.index && h.level <= heading.level);
  const end = next ? next.line.index : lines.length;
  return lines.slice(heading.line.index + 1, end).map((line) => line.text).join('\n');
}

function clip(text: string): string {
  const trimmed = text.replace(/<!--[\s\S]*?-->/g, '').trim();
  if (trimmed.length <= SUMMARY_MAX_CHARS) return trimmed;
  const cut = trimmed.lastIndexOf('\n', SUMMARY_MAX_CHARS);
  return `${trimmed.slice(0, cut > SUMMARY_MAX_CHARS / 2 ? cut : SUMMARY_MAX_CHARS).trimEnd()}\n\n…`;
}

/** Markdown of the decision section (or context, or the prose after the title's header fields); empty when there is none. */
export function recordSummary(layout: RecordLayout): string {
  const { lines, headings, h1, header, headerEnd, body } = layout;
  for (const pattern of PREFERRED_SECTIONS) {
    const heading = headings.find((h) => h.level >= 2 && pattern.test(h.text.trim()));
    if (heading) {
      const text = clip(sectionText(lines, headings, heading));
      if (text.length > 0) return text;
    }
  }
  const titleIndex = h1?.line.index ?? -1;
  const headerLines = new Set(header.map((entry) => entry.line.index));
  return clip(body.filter((line) => line.index > titleIndex && line.index < headerEnd && !headerLines.has(line.index)).map((line) => line.text).join('\n'));
}
