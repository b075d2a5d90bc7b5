// A zone as the sidebar and the status bar say it: the verdict (a split names
// what each source says), the window it was weighed over, and each source's shares.
import * as vscode from 'vscode';
import { percent, sourceRows, VERDICT_WORDS, verdictWords, zoneFootnote } from '../core/analysis/describe';
import { windowWords } from '../core/analysis/report-window';
import type { Report, Zone } from '../core/model/report';

/** "too far", or "split: decided on paper, not in code (ADRs too close, git signals too far)". */
export function verdictLine(zone: Zone): string {
  const words = verdictWords(zone);
  return zone.split ? `${words} (ADRs ${VERDICT_WORDS[zone.split.adr]}, git signals ${VERDICT_WORDS[zone.split.git]})` : words;
}

/** "decided 10 %, consulted or informed 20 %, routed around 70 % of 48 decisions". */
export function sharesLine(zone: Pick<Zone, 'decided' | 'consulted' | 'informed' | 'around' | 'count'>): string {
  return `decided ${percent(zone.decided)}, consulted or informed ${percent(zone.consulted + zone.informed)}, routed around ${percent(zone.around)} of ${zone.count} decision${zone.count === 1 ? '' : 's'}`;
}

/** The zone in Markdown: `heading` (escaped by the caller), the verdict, the window, each source and the caveats. */
export function zoneTooltip(report: Report, heading: string, zone: Zone): vscode.MarkdownString {
  const tooltip = new vscode.MarkdownString('', true);
  tooltip.appendMarkdown(`**${heading}**: ${verdictLine(zone)}\n\n`);
  tooltip.appendMarkdown(`Window: ${windowWords(report, zone)}, up to ${report.repository.window.until}. Of what it holds, ${sharesLine(zone)}.\n\n`);
  for (const row of sourceRows(zone)) {
    tooltip.appendMarkdown(`- ${row.label}: ${verdictLine(row.zone)} · ${sharesLine(row.zone)}${row.window ? ` · ${row.window}` : ''}\n`);
  }
  const footnote = zoneFootnote(zone);
  if (footnote !== null) tooltip.appendMarkdown(`\n${footnote}.`);
  return tooltip;
}
