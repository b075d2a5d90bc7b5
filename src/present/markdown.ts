// `--md`: the summary as Markdown (for PR comments, wikis). Repository text is
// escaped so a title cannot inject links, HTML or table breaks, nor ping people or
// link issues when the summary is posted on a forge.
import type { Decision, Report } from '../core/model/report';
import { decisionCounts, forgeEvidenceLink, percent, personName, withoutControlChars, shares, sourceRows, routedAroundInWindow, verdictWords, whyAround, windowOwners, zoneFootnote, zoneRows } from './describe';

const TOP_OWNERS = 10;

/**
 * Repository text as literal Markdown inside a line, for every surface (the CLI's
 * `--md`, the extension's tooltips): control characters and line breaks become one
 * space, and each character that could start markup inline is escaped: code,
 * emphasis, links and images, autolinks and HTML, entities, table cells,
 * strikethrough, and `$` so VS Code's `$(icon)` syntax stays text (`\$(` is its
 * own escape; `(` escaped instead would still draw the icon).
 */
export function markdownText(text: string): string {
  return withoutControlChars(text).replace(/\s+/g, ' ').replace(/[\\`*_[\]<>|~&$]/g, '\\$&');
}

const ZERO_WIDTH_SPACE = '\u200b';

/**
 * Repository text for Markdown a forge renders (`--md` posted as a PR comment):
 * markdownText's escapes, and nothing that pings or links. GitHub finds `@login`
 * and `@org/team` mentions, `#12`, `GH-12` and `org/repo#12` references (GitLab:
 * `!12`) and e-mail addresses in the text after Markdown is parsed, where a
 * backslash is already gone, so a zero-width space goes after the `@`, `#` or `!`
 * and after `GH-`: the text reads and prints the same, the patterns no longer match.
 * Bare `scheme://` and `www.` links are found while parsing (GFM's autolink
 * extension), so a backslash before the `:` or the `.` stops them and adds nothing
 * a reader sees.
 */
export function forgeText(text: string): string {
  return markdownText(text)
    .replace(/@(?=[a-z0-9])/gi, `@${ZERO_WIDTH_SPACE}`)
    .replace(/([#!]|gh-)(?=\d)/gi, `$1${ZERO_WIDTH_SPACE}`)
    .replace(/:(?=\/\/)/g, '\\:')
    .replace(/(www)\./gi, '$1\\.');
}

/** What leaders did on the decision's PRs: "Dana Chen approved in [#123](url)". */
function leaderForgeNotes(report: Report, decision: Decision): string {
  const leaders = new Set(report.leadership.map((l) => l.person));
  const notes = decision.evidence.flatMap((e) => {
    const link = leaders.has(e.person) ? forgeEvidenceLink(e) : null;
    if (!link) return [];
    const target = /^https?:\/\/[^\s()<>]+$/.test(link.url) ? `[${markdownText(link.text)}](${link.url})` : markdownText(link.text);
    return [`${forgeText(personName(report, e.person))} ${target}`];
  });
  return notes.length === 0 ? '' : ` (${notes.join(', ')})`;
}

export function formatMarkdown(report: Report): string {
  const { window } = report.repository;
  const out: string[] = [
    '# Decision Orbit report',
    '',
    `Repository \`${report.repository.root.replace(/`/g, "'")}\` · window ${window.since} … ${window.until} · ${decisionCounts(report)}`,
    '',
    '## Zone',
    '',
    '| who | verdict | shares | rests on |',
    '|---|---|---|---|',
    ...zoneRows(report).flatMap((r) => [
      `| ${forgeText(r.label)} | ${verdictWords(r.zone)} | ${shares(r.zone)} | ${zoneFootnote(r.zone) ?? ''} |`,
      ...sourceRows(r.zone).map((s) => `| ↳ ${s.label} | ${verdictWords(s.zone)} | ${shares(s.zone)} | ${[...(s.window ? [`window ${s.window}`] : []), ...s.caveats].join('; ')} |`),
    ]),
  ];
  if (report.leadership.length === 0) {
    out.push('', '**No leadership roster configured.** Likeliest leaders:', '');
    for (const s of report.insights?.suggestedLeaders ?? []) out.push(`- ${forgeText(personName(report, s.person))}: ${s.reason}`);
  }
  out.push('', '## Routed around leadership', '');
  const around = routedAroundInWindow(report).slice(0, 10);
  if (around.length === 0) out.push('None in the window.');
  for (const d of around) out.push(`- ${d.date ?? ''} **${forgeText(d.title)}** (${forgeText(d.area)}): ${forgeText(whyAround(report, d))}`);
  const owners = windowOwners(report);
  out.push('', '## Owners', '', owners.length === 0 ? 'No counted decision in the window says who decided it.' : 'Who decided the counted decisions in the window, most first, and how far from leadership theirs were made: 0 % when leadership decided every one they own, 100 % when every one went around it.');
  if (owners.length > 0) out.push('', '| owner | decisions | distance from leadership |', '|---|---|---|');
  for (const o of owners.slice(0, TOP_OWNERS)) out.push(`| ${forgeText(personName(report, o.person))} | ${o.decisions.length} | ${o.distance === null ? '—' : percent(o.distance)} |`);
  if (owners.length > TOP_OWNERS) out.push('', `… and ${owners.length - TOP_OWNERS} more.`);
  out.push('', '## Decisions', '', '| date | decision | kind | area | involvement |', '|---|---|---|---|---|');
  for (const d of report.decisions) out.push(`| ${d.date ?? ''} | ${forgeText(d.title)} | ${d.kind} | ${forgeText(d.area)} | ${d.involvement}${leaderForgeNotes(report, d)} |`);
  if (report.warnings.length > 0) {
    out.push('', '## Warnings', '');
    for (const w of report.warnings) out.push(`- ${forgeText(w.message)}`);
  }
  return `${out.join('\n')}\n`;
}
