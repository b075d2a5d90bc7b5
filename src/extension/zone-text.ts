// A zone as the sidebar and the status bar say it: the verdict (a split names
// what each source says), the window it was weighed over, and each source's shares.
import * as vscode from 'vscode';
import { shares, sourceRows, verdictLine, zoneFootnote } from '../present/describe';
import { windowWords } from '../present/describe';
import type { Report, Zone } from '../core/model/report';

/** The zone in Markdown: `heading` (escaped by the caller), the verdict, the window, each source and the caveats. */
export function zoneTooltip(report: Report, heading: string, zone: Zone): vscode.MarkdownString {
  const tooltip = new vscode.MarkdownString('', true);
  tooltip.appendMarkdown(`**${heading}**: ${verdictLine(zone)}\n\n`);
  tooltip.appendMarkdown(`Window: ${windowWords(report, zone)}, up to ${report.repository.window.until}. Of what it holds: ${shares(zone)}.\n\n`);
  for (const row of sourceRows(zone)) {
    tooltip.appendMarkdown(`- ${row.label}: ${verdictLine(row.zone)} · ${shares(row.zone)}${row.window ? ` · ${row.window}` : ''}\n`);
  }
  const footnote = zoneFootnote(zone);
  if (footnote !== null) tooltip.appendMarkdown(`\n${footnote}.`);
  return tooltip;
}
