// `--md`: the summary as Markdown (for PR comments, wikis). Repository text is
// escaped so a title cannot inject links, HTML or table breaks, nor ping people or
// link issues when the summary is posted on a forge.
import type { Decision, Report } from '../core/model/report';
import { decisionCounts, forgeEvidenceLink, newestFirst, percent, personName, withoutControlChars, shares, sourceRows, routedAroundInWindow, verdictWords, whyAround, windowOwners, zoneFootnote, zoneRows } from './describe';

/**
 * Repository text as literal Markdown inside a line, for every surface (the CLI's
 * `--md`, the extension's tooltips and hovers): control characters and line breaks
 * become one space, and each character that could start markup inline is escaped:
 * code, emphasis, links and images, autolinks and HTML, entities, table cells,
 * strikethrough, and `$` so VS Code's `$(icon)` syntax stays text (`\$(` is its
 * own escape; `(` escaped instead would still draw the icon). Bare links that a GFM
 * renderer (VS Code's hovers, GitHub) finds while parsing are stopped where they
 * start: a backslash before the `:` of `scheme://`, the `.` of `www.` and the `@` of
 * an e-mail address, which a reader never sees.
 */
export function markdownText(text: string): string {
  return withoutControlChars(text).replace(/\s+/g, ' ').replace(/[\\`*_[\]<>|~&$@]/g, '\\$&')
    .replace(/:(?=\/\/)/g, '\\:')
    .replace(/(www)\./gi, '$1\\.');
}

const ZERO_WIDTH_SPACE = '\u200b';

/**
 * Repository text for Markdown a forge renders (`--md` posted as a PR comment):
 * markdownText's escapes, and nothing that pings or links. GitHub finds `@login`
 * and `@org/team` mentions, `#12`, `GH-12` and `org/repo#12` references (GitLab:
 * `!12`) and e-mail addresses in the text after Markdown is parsed, where a
 * backslash is already gone, so a zero-width space goes after the `@`, `#` or `!`
 * and after `GH-`: the text reads and prints the same, the patterns no longer match.
 */
export function forgeText(text: string): string {
  return markdownText(text)
    .replace(/@(?=[a-z0-9])/gi, `@${ZERO_WIDTH_SPACE}`)
    .replace(/([#!]|gh-)(?=\d)/gi, `$1${ZERO_WIDTH_SPACE}`);
}

/** Leaders' notes shown on one decision row; the rest are counted. */
const NOTES_PER_ROW = 3;

/** What leaders did on the decision's PRs: "Dana Chen approved in [#123](url)". */
function leaderForgeNotes(report: Report, decision: Decision): string {
  const leaders = new Set(report.leadership.map((l) => l.person));
  const notes = decision.evidence.flatMap((e) => {
    const link = leaders.has(e.person) ? forgeEvidenceLink(e) : null;
    if (!link) return [];
    const target = /^https?:\/\/[^\s()<>]+$/.test(link.url) ? `[${markdownText(link.text)}](${link.url})` : markdownText(link.text);
    return [`${said(personName(report, e.person))} ${target}`];
  });
  if (notes.length === 0) return '';
  const more = notes.length > NOTES_PER_ROW ? `, ${notes.length - NOTES_PER_ROW} more` : '';
  return ` (${notes.slice(0, NOTES_PER_ROW).join(', ')}${more})`;
}

/**
 * The whole text stays under what a forge comment holds (GitHub: 65,536 characters),
 * with room for a caller's own lines around it; each list shows its newest rows and
 * says how many more there are and where they are.
 */
export const MARKDOWN_MAX_CHARS = 60_000;
/** Rows each list shows at the most; fewer when the text would not fit. */
const LIST_ROWS = { routedAround: 10, owners: 10, decisions: 50, warnings: 20, leaders: 10 } as const;
/** Repository text longer than this is cut, so that one title cannot fill a comment. */
const TEXT_CHARS = 200;

/** Repository text for the report: cut to TEXT_CHARS, then forgeText's escapes. */
function said(text: string): string {
  const chars = [...text];
  return forgeText(chars.length > TEXT_CHARS ? `${chars.slice(0, TEXT_CHARS - 1).join('')}…` : text);
}

const FULL_LIST = 'the full list is in `--json` and the HTML report (`--html FILE`)';

/** A list shown up to `shown` rows, then one line for the rest. */
interface ListPart {
  rows: string[];
  shown: number;
  /** Lines before the rows (heading, table head); kept when no row fits. */
  head: string[];
  /** When the list is empty. */
  empty: string[];
  more: (hidden: number) => string;
}

type Part = string[] | ListPart;

function listLines(part: ListPart): string[] {
  if (part.rows.length === 0) return part.empty;
  const shown = Math.min(part.shown, part.rows.length);
  const hidden = part.rows.length - shown;
  const rows = part.rows.slice(0, shown);
  return [...(shown > 0 ? part.head : part.head.filter((line) => !line.startsWith('|'))), ...rows, ...(hidden > 0 ? ['', part.more(hidden)] : [])];
}

function render(parts: readonly Part[]): string {
  return `${parts.flatMap((part) => (Array.isArray(part) ? part : listLines(part))).join('\n')}\n`;
}

/**
 * Shows fewer rows of the longest lists until the text fits. Every line is bounded
 * (its repository text is cut), so with every list down to its "and K more" line only
 * the zone table is left, which the roster bounds; a text still too long is cut at the limit.
 */
function fitted(parts: readonly Part[]): string {
  const lists = parts.filter((part): part is ListPart => !Array.isArray(part));
  let text = render(parts);
  while (text.length > MARKDOWN_MAX_CHARS) {
    const longest = lists.reduce<ListPart | null>((best, list) => (list.shown > 0 && (best === null || list.shown > best.shown) ? list : best), null);
    if (longest === null) break;
    longest.shown = Math.floor(longest.shown / 2);
    text = render(parts);
  }
  if (text.length <= MARKDOWN_MAX_CHARS) return text;
  const note = '\n\n… cut here to fit a comment; the full report is in `--json` and the HTML report (`--html FILE`).\n';
  return `${text.slice(0, MARKDOWN_MAX_CHARS - note.length)}${note}`;
}

export function formatMarkdown(report: Report): string {
  const { window } = report.repository;
  const parts: Part[] = [[
    '# Decision Orbit report',
    '',
    `Repository \`${report.repository.root.replace(/`/g, "'")}\` · window ${window.since} … ${window.until} · ${decisionCounts(report)}`,
    '',
    '## Zone',
    '',
    '| who | verdict | shares | rests on |',
    '|---|---|---|---|',
    ...zoneRows(report).flatMap((r) => [
      `| ${said(r.label)} | ${verdictWords(r.zone)} | ${shares(r.zone)} | ${zoneFootnote(r.zone) ?? ''} |`,
      ...sourceRows(r.zone).map((s) => `| ↳ ${s.label} | ${verdictWords(s.zone)} | ${shares(s.zone)} | ${[...(s.window ? [`window ${s.window}`] : []), ...s.caveats].join('; ')} |`),
    ]),
  ]];
  if (report.leadership.length === 0) {
    parts.push({
      head: ['', '**No leadership roster configured.** Likeliest leaders:', ''],
      rows: (report.insights?.suggestedLeaders ?? []).map((s) => `- ${said(personName(report, s.person))}: ${s.reason}`),
      shown: LIST_ROWS.leaders,
      empty: ['', '**No leadership roster configured.** Likeliest leaders:', ''],
      more: (hidden) => `… and ${hidden} more.`,
    });
  }
  const around = routedAroundInWindow(report);
  parts.push({
    head: ['', '## Routed around leadership', ''],
    rows: around.map((d) => `- ${d.date ?? ''} **${said(d.title)}** (${said(d.area)}): ${said(whyAround(report, d))}`),
    shown: LIST_ROWS.routedAround,
    empty: ['', '## Routed around leadership', '', 'None in the window.'],
    more: (hidden) => `… and ${hidden} more in the window, newest first: ${FULL_LIST}.`,
  });
  const owners = windowOwners(report);
  const ownersHead = ['', '## Owners', '', 'Who decided the counted decisions in the window, most first, and how far from leadership theirs were made: 0 % when leadership decided every one they own, 100 % when every one went around it.'];
  parts.push({
    head: [...ownersHead, '', '| owner | decisions | distance from leadership |', '|---|---|---|'],
    rows: owners.map((o) => `| ${said(personName(report, o.person))} | ${o.decisions.length} | ${o.distance === null ? '—' : percent(o.distance)} |`),
    shown: LIST_ROWS.owners,
    empty: ['', '## Owners', '', 'No counted decision in the window says who decided it.'],
    more: (hidden) => `… and ${hidden} more.`,
  });
  parts.push({
    head: ['', '## Decisions', '', 'Newest first.', '', '| date | decision | kind | area | involvement |', '|---|---|---|---|---|'],
    rows: [...report.decisions].sort(newestFirst).map((d) => `| ${d.date ?? ''} | ${said(d.title)} | ${d.kind} | ${said(d.area)} | ${d.involvement}${leaderForgeNotes(report, d)} |`),
    shown: LIST_ROWS.decisions,
    empty: ['', '## Decisions', '', 'None found.'],
    more: (hidden) => `… and ${hidden} older decisions: ${FULL_LIST}.`,
  });
  if (report.warnings.length > 0) {
    parts.push({
      head: ['', '## Warnings', ''],
      rows: report.warnings.map((w) => `- ${said(w.message)}`),
      shown: LIST_ROWS.warnings,
      empty: [],
      more: (hidden) => `… and ${hidden} more warnings: ${FULL_LIST}.`,
    });
  }
  return fitted(parts);
}
