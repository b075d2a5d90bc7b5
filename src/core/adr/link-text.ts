// Link phrases in record text: "Supersedes [ADR-0002](0002-x.md)", "Superceded by 12",
// "accepted; supersedes ADR-0045", "Amended by [3. Foo](0003-foo.md)", "Relates to auth-tokens".
import type { AdrLinkKind } from '../model/adr';
import { RECORD_EXTENSION } from './record-extension';

const PHRASE = /super[sc]eded\s+by|replaced\s+by|overridden\s+by|super[sc]edes|overrides|replaces|amended\s+by|amends|relates\s+to|related\s+to|complemented\s+by|complements|see\s+also/iy;
const PHRASES_ANYWHERE = new RegExp(`(?<![\\w])(?:${PHRASE.source})(?![\\w])`, 'gi');

function kindOf(phrase: string): AdrLinkKind {
  const lower = phrase.toLowerCase();
  if (/^(super[sc]eded|replaced|overridden)/.test(lower)) return 'superseded-by';
  if (/^(super[sc]edes|overrides|replaces)/.test(lower)) return 'supersedes';
  if (lower.startsWith('amended')) return 'amended-by';
  if (lower.startsWith('amends')) return 'amends';
  return 'relates-to';
}

export interface FoundLink {
  kind: AdrLinkKind;
  target: string;
}

const MD_LINK = /\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;
const NUMBER = /(?:\bADR[-_\s]?|#)?(\d{1,7})\b/i;
const SLUG = /([\w./-]+\.md|[a-z0-9]+(?:-[a-z0-9]+)+)/i;
const FILE_TARGET = new RegExp(`^<?([\\w./-]+\\.(?:${RECORD_EXTENSION}))\\b`, 'i');

/**
 * Targets in the text following a phrase: every Markdown link, else one number or slug. A
 * link to a section of the same page (`See also the [limitations](#limitations)`) is no record.
 */
function targetsIn(segment: string): string[] {
  const links = [...segment.matchAll(MD_LINK)].map((m) => m[1] ?? '').filter((t) => t.length > 0);
  if (links.length > 0) return links.filter((target) => !target.startsWith('#'));
  const trimmed = segment.replace(/^[\s:*_-]+/, '');
  const file = FILE_TARGET.exec(trimmed);
  if (file) return [file[1] ?? ''];
  const number = NUMBER.exec(trimmed);
  if (number && number.index < 8) return [number[1] ?? ''];
  const slug = SLUG.exec(trimmed);
  return slug && slug.index < 4 ? [slug[1] ?? ''] : [];
}

function phraseAt(text: string, at: number): { kind: AdrLinkKind; end: number } | null {
  if (at > 0 && /\w/.test(text.charAt(at - 1))) return null;
  PHRASE.lastIndex = at;
  const match = PHRASE.exec(text);
  if (!match || /\w/.test(text.charAt(PHRASE.lastIndex))) return null;
  return { kind: kindOf(match[0]), end: PHRASE.lastIndex };
}

/** Every link phrase anywhere in `text` (status text, a status-section line). */
export function findLinks(text: string): FoundLink[] {
  const hits = [...text.matchAll(PHRASES_ANYWHERE)].map((m) => ({ kind: kindOf(m[0]), start: m.index, end: m.index + m[0].length }));
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
