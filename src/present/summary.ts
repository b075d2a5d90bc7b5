// The default terminal output: the verdict per leader with the three shares, the
// decisions routed around leadership with why, who decided most and how far from
// leadership, and the warnings.
import type { Report, ZoneVerdict } from '../core/model/report';
import { decisionCounts, ownerWords, personName, withoutControlChars, shares, sourceRows, routedAroundInWindow, verdictWords, whyAround, windowOwners, zoneFootnote, zoneRows } from './describe';

const TOP_AROUND = 5;
const TOP_OWNERS = 5;
/** A terminal summary, not a lint report: a repository with hundreds of record findings would bury the verdicts. */
const TOP_WARNINGS = 10;

const VERDICT_COLOURS: Record<ZoneVerdict, string> = {
  'too-close': '33', goldilocks: '32', 'too-far': '31', 'leaning-close': '33', 'leaning-far': '31', split: '35', 'no-data': '2',
};

export function formatSummary(report: Report, options: { colour: boolean }): string {
  const paint = (code: string, text: string): string => (options.colour ? `\x1b[${code}m${text}\x1b[0m` : text);
  const safe = withoutControlChars;
  const { window } = report.repository;
  const lines: string[] = [
    paint('1', `Decision Orbit — ${safe(report.repository.root)}${report.repository.head ? ` @ ${report.repository.head.slice(0, 7)}` : ''}`),
    `Window ${window.since} … ${window.until} · ${decisionCounts(report)}`,
    '',
    paint('1', 'Zone'),
  ];
  const rows = zoneRows(report);
  const width = Math.max(...rows.map((r) => safe(r.label).length));
  for (const row of rows) {
    lines.push(`  ${safe(row.label).padEnd(width)}  ${paint(VERDICT_COLOURS[row.zone.verdict], verdictWords(row.zone).padEnd(10))}  ${shares(row.zone)}`);
    // What the verdict rests on: each source over its own window, who decided, the caveats.
    for (const source of sourceRows(row.zone)) {
      const after = [...(source.window ? [`window ${source.window}`] : []), ...source.caveats].map((part) => ` · ${part}`).join('');
      lines.push(`      ${source.label}: ${paint(VERDICT_COLOURS[source.zone.verdict], verdictWords(source.zone))} · ${shares(source.zone)}${after}`);
    }
    const footnote = zoneFootnote(row.zone);
    if (footnote !== null) lines.push(`      ${footnote}`);
  }
  const suggested = report.insights?.suggestedLeaders ?? [];
  if (report.leadership.length === 0) {
    lines.push('', paint('1', 'No leadership roster configured.') + ' Add `leadership:` to .decision-orbit.yml. Likeliest leaders:');
    if (suggested.length === 0) lines.push('  (nobody stands out yet)');
    for (const s of suggested) lines.push(`  - ${safe(personName(report, s.person))}: ${s.reason}`);
  }
  const around = routedAroundInWindow(report).slice(0, TOP_AROUND);
  const aroundNote = report.leadership.length === 0 ? 'needs a roster' : around.length === 0 ? 'none in the window' : `top ${around.length}`;
  lines.push('', paint('1', `Routed around leadership (${aroundNote})`));
  for (const d of around) {
    lines.push(`  - ${d.date ?? '????-??-??'} ${safe(d.title)} [${safe(d.area)}]`);
    lines.push(`    ${safe(whyAround(report, d))}`);
  }
  const owners = windowOwners(report);
  const shownOwners = owners.slice(0, TOP_OWNERS);
  lines.push('', paint('1', `Owners (${owners.length === 0 ? 'none in the window' : `top ${shownOwners.length} of ${owners.length} who decided in the window`})`));
  const ownerWidth = Math.max(0, ...shownOwners.map((o) => safe(personName(report, o.person)).length));
  for (const o of shownOwners) lines.push(`  ${safe(personName(report, o.person)).padEnd(ownerWidth)}  ${ownerWords(o)}`);
  if (report.warnings.length > 0) {
    // The repository's own warnings first: they say what the whole report stands on.
    const ordered = [...report.warnings.filter((w) => w.path === null), ...report.warnings.filter((w) => w.path !== null)];
    lines.push('', paint('1', `Warnings (${report.warnings.length})`));
    for (const w of ordered.slice(0, TOP_WARNINGS)) lines.push(`  ${paint('33', '!')} ${safe(w.message)}`);
    if (ordered.length > TOP_WARNINGS) lines.push(`  … and ${ordered.length - TOP_WARNINGS} more: --md or --html lists them all`);
  }
  return `${lines.join('\n')}\n`;
}
