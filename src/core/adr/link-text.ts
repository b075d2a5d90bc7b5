// Link phrases in record text: "Supersedes [ADR-0002](0002-x.md)", "Superceded by 12",
// "accepted; supersedes ADR-0045", "Amended by [3. Foo](0003-foo.md)", "Relates to auth-tokens".
import type { AdrLinkKind } from '../model/adr';

const PHRASES: ReadonlyArray<[RegExp, AdrLinkKind]> = [
  [/super[sc]eded\s+by|replaced\s+by|overridden\s+by/iy, 'superseded-by'],
  [/super[sc]edes|overrides|replaces/iy, 'supersedes'],
  [/amended\s+by/iy, 'amended-by'],
  [/amends/iy, 'amends'],
  [/relates\s+to|related\s+to|complements|complemented\s+by|see\s+also/iy, 'relates-to'],
];

export interface FoundLink {
  kind: AdrLinkKind;
  target: string;
}

const MD_LINK = /\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;
const NUMBER = /(?:\bADR[-_\s]?|#)?(\d{1,7})\b/i;
const SLUG = /([\w./-]+\.md|[a-z0-9]+(?:-[a-z0-9]+)+)/i;

/** Targets in the text following a phrase: every Markdown link, else one number or slug. */
function targetsIn(segment: string): string[] {
  const links = [...segment.matchAll(MD_LINK)].map((m) => m[1] ?? '').filter((t) => t.length > 0);
  if (links.length > 0) return links;
  const trimmed = segment.replace(/^[\s:*_-]+/, '');
  const file = /^<?([\w./-]+\.(?:md|markdown))\b/i.exec(trimmed);
  if (file) return [file[1] ?? ''];
  const number = NUMBER.exec(trimmed);
  if (number && number.index < 8) return [number[1] ?? ''];
  const slug = SLUG.exec(trimmed);
  return slug && slug.index < 4 ? [slug[1] ?? ''] : [];
}

function phraseAt(text: string, at: number): { kind: AdrLinkKind; end: number } | null {
  if (at > 0 && /\w/.test(text.charAt(at - 1))) return null;
  for (const [pattern, kind] of PHRASES) {
    pattern.lastIndex = at;
    if (pattern.test(text)) {
      const end = pattern.lastIndex;
      if (/\w/.test(text.charAt(end))) return null;
      return { kind, end };
    }
  }
  return null;
}

/** Every link phrase anywhere in `text` (status text, a status-section line). */
export function findLinks(text: string): FoundLink[] {
  const hits: Array<{ kind: AdrLinkKind; start: number; end: number }> = [];
  for (let at = 0; at < text.length; at += 1) {
    const hit = phraseAt(text, at);
    if (hit) {
      hits.push({ kind: hit.kind, start: at, end: hit.end });
      at = hit.end - 1;
    }
  }
  return hits.flatMap((hit, index) => {
    const segment = text.slice(hit.end, hits[index + 1]?.start ?? text.length);
    return targetsIn(segment).map((target) => ({ kind: hit.kind, target }));
  });
}

const MAY_LEAD = /^\s*(?:[*+-]\s+)?[*_]*(?:super|overr|repla|amend|relat|compl|see\s)/i;

/** Links on a line that starts with a phrase (after bullets and emphasis), e.g. "Supersedes [..](..)". */
export function findLeadingLinks(line: string): FoundLink[] {
  if (!MAY_LEAD.test(line)) return [];
  const stripped = line.replace(/^\s*(?:[*+-]\s+)?[*_]*/, '');
  return phraseAt(stripped, 0) ? findLinks(stripped) : [];
}

export const LINK_KEYS: ReadonlyArray<[string, AdrLinkKind]> = [
  ['supersedes', 'supersedes'], ['supercedes', 'supersedes'], ['replaces', 'supersedes'],
  ['superseded-by', 'superseded-by'], ['superceded-by', 'superseded-by'], ['replaced-by', 'superseded-by'],
  ['amends', 'amends'], ['amended-by', 'amended-by'],
  ['relates-to', 'relates-to'], ['related', 'relates-to'], ['related-to', 'relates-to'], ['complements', 'relates-to'],
];
