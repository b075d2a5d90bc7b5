// `--html FILE` until the interactive map's report (src/cli/html) lands: one
// self-contained page, no script, a strict CSP, every repository string escaped.
import type { Report } from '../../core/model/report';
import { decisionCounts, personName, shares, topAround, whyAround, zoneRows } from './describe';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = 'body{font:14px/1.5 system-ui,sans-serif;margin:2rem;max-width:70rem}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left}.too-far{color:#b00}.too-close{color:#a60}.goldilocks{color:#070}';

export function renderHtmlReport(report: Report): string {
  const e = escapeHtml;
  const { window } = report.repository;
  const zoneRowsHtml = zoneRows(report).map((r) => `<tr><td>${e(r.label)}</td><td class="${r.zone.verdict}">${r.zone.verdict}</td><td>${e(shares(r.zone))}</td></tr>`).join('');
  const around = topAround(report, 10).map((d) => `<li>${e(d.date ?? '')} <strong>${e(d.title)}</strong> (${e(d.area)}): ${e(whyAround(report, d))}</li>`).join('');
  const decisions = report.decisions.map((d) => `<tr><td>${e(d.date ?? '')}</td><td>${e(d.title)}</td><td>${d.kind}</td><td>${e(d.area)}</td><td>${d.involvement}</td><td>${e(d.decisionMakers.map((p) => personName(report, p)).join(', '))}</td></tr>`).join('');
  const suggested = report.leadership.length > 0 ? '' : `<p><strong>No leadership roster configured.</strong> Likeliest leaders:</p><ul>${(report.insights?.suggestedLeaders ?? []).map((s) => `<li>${e(personName(report, s.person))}: ${e(s.reason)}</li>`).join('')}</ul>`;
  const warnings = report.warnings.length === 0 ? '' : `<h2>Warnings</h2><ul>${report.warnings.map((w) => `<li>${e(w.message)}</li>`).join('')}</ul>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Decision Orbit report</title><style>${STYLE}</style></head>
<body><h1>Decision Orbit report</h1>
<p>${e(report.repository.root)} · window ${e(window.since)} … ${e(window.until)} · ${e(decisionCounts(report))}</p>
<h2>Zone</h2><table><tr><th>who</th><th>verdict</th><th>shares</th></tr>${zoneRowsHtml}</table>
${suggested}
<h2>Routed around leadership</h2><ul>${around || '<li>None in the window.</li>'}</ul>
<h2>Decisions</h2><table><tr><th>date</th><th>decision</th><th>kind</th><th>area</th><th>involvement</th><th>decision-makers</th></tr>${decisions}</table>
${warnings}
</body></html>
`;
}
