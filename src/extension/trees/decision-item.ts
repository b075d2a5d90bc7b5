// How one decision looks in every tree: title, a codicon per level, date and
// owners, and a Markdown tooltip whose every piece of repository text is escaped;
// the links in it (record lines, commits, forge reviews) are built here.
import * as vscode from 'vscode';
import { forgeEvidenceLink, namesWithDistance } from '../../present/describe';
import { decidersOf } from '../../rules/zone';
import type { Decision, Evidence, Involvement, Person, Report } from '../../core/model/report';
import { LEVEL_TEXT, ROLE_TEXT, shortSha, SOURCE_TEXT, STATUS_TEXT } from '../../present/codes';
import { markdownText } from '../../present/markdown';
import { COMMAND_IDS } from '../commands/ids';

/** A decision as a node of any tree: the context-menu commands receive this. */
export interface DecisionNode {
  kind: 'decision';
  decision: Decision;
}

export function peopleById(report: Report): Map<string, Person> {
  return new Map(report.people.map((person) => [person.id, person]));
}

export function namesOf(ids: readonly string[], people: Map<string, Person>): string {
  return ids.map((id) => people.get(id)?.name ?? id).join(', ');
}

/** The people who made it: named decision-makers, else those the evidence says decided. */
export function ownersOf(decision: Decision, people: Map<string, Person>): string {
  return namesOf(decidersOf(decision), people) || 'nobody named';
}

const LEVEL_ICONS: Record<Involvement, string> = {
  decided: 'verified-filled', consulted: 'comment-discussion', informed: 'info', around: 'circle-slash',
  automated: 'robot', pending: 'clock', unknown: 'question', unattributed: 'circle-large-outline',
};

const LEVEL_COLORS: Partial<Record<Involvement, string>> = { decided: 'charts.blue', consulted: 'charts.green', informed: 'charts.green', around: 'charts.orange' };

export function levelIcon(level: Involvement): vscode.ThemeIcon {
  const color = LEVEL_COLORS[level];
  return new vscode.ThemeIcon(LEVEL_ICONS[level], color === undefined ? undefined : new vscode.ThemeColor(color));
}

export function commandLink(command: string, args: unknown[]): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify(args))}`;
}

function evidenceLink(evidence: Evidence, root: vscode.Uri): string {
  const forge = forgeEvidenceLink(evidence);
  if (forge) return `[${markdownText(forge.text)}](${encodeURI(forge.url)})`;
  if (/^[0-9a-f]{40,64}$/.test(evidence.ref)) return `[${shortSha(evidence.ref)}](${commandLink(COMMAND_IDS.showCommit, [root.toString(), evidence.ref])})`;
  const place = /^(.*):(\d+)$/.exec(evidence.ref);
  if (place?.[1] !== undefined) return `[${markdownText(evidence.ref)}](${vscode.Uri.joinPath(root, place[1]).with({ fragment: `L${place[2]}` }).toString()})`;
  return markdownText(evidence.ref);
}

/** What a person sees on hover: the decision, its owners, leadership's level and each piece of evidence with a link. */
export function decisionTooltip(decision: Decision, report: Report, root: vscode.Uri, level: Involvement = decision.involvement): vscode.MarkdownString {
  const people = peopleById(report);
  const tooltip = new vscode.MarkdownString('', true);
  tooltip.isTrusted = { enabledCommands: [COMMAND_IDS.showCommit] };
  tooltip.appendMarkdown(`**${markdownText(decision.title)}**\n\n`);
  const kind = decision.source === 'adr' ? 'ADR' : `git signal: ${decision.kinds.join(', ') || decision.kind}`;
  tooltip.appendMarkdown(`$(${LEVEL_ICONS[level]}) Leadership: ${LEVEL_TEXT[level]} · ${markdownText(kind)} · ${STATUS_TEXT[decision.status]} · ${decision.date ?? 'undated'} · area ${markdownText(decision.area)}\n\n`);
  tooltip.appendMarkdown(`Owners: ${markdownText(namesWithDistance(report, decidersOf(decision)) || 'nobody named')}`);
  if (decision.pr) tooltip.appendMarkdown(` · PR ${markdownText(decision.pr)}`);
  if (!decision.counted && decision.notCountedReason) tooltip.appendMarkdown(` · not counted (${markdownText(decision.notCountedReason)})`);
  tooltip.appendMarkdown('\n\n');
  if (decision.evidence.length === 0) tooltip.appendMarkdown('No evidence: nobody is named and no commit was found.');
  for (const evidence of decision.evidence) {
    const who = markdownText(people.get(evidence.person)?.name ?? evidence.person);
    tooltip.appendMarkdown(`- ${who}: ${ROLE_TEXT[evidence.role]}, ${SOURCE_TEXT[evidence.source]}${evidence.inferred ? ' (inferred)' : ''}${evidence.level ? ` → ${LEVEL_TEXT[evidence.level]}` : ''} · ${evidenceLink(evidence, root)}\n`);
  }
  return tooltip;
}

/**
 * `level` is leadership's level shown (a leader's own in the Leadership view);
 * `description` replaces the date and owners.
 */
export function decisionTreeItem(decision: Decision, report: Report, root: vscode.Uri, options: { level?: Involvement; description?: string } = {}): vscode.TreeItem {
  const level = options.level ?? decision.involvement;
  const item = new vscode.TreeItem(decision.title, vscode.TreeItemCollapsibleState.None);
  item.id = `${root.toString()}#${decision.id}`;
  item.description = options.description ?? `${decision.date ?? 'undated'} · ${ownersOf(decision, peopleById(report))}`;
  item.iconPath = levelIcon(level);
  item.contextValue = decision.source === 'adr' ? 'decisionOrbit.adr' : 'decisionOrbit.signal';
  item.tooltip = decisionTooltip(decision, report, root, level);
  item.accessibilityInformation = { label: `${decision.title}, ${decision.source === 'adr' ? 'ADR' : decision.kind}, leadership ${LEVEL_TEXT[level]}, ${decision.date ?? 'undated'}` };
  item.command = { command: COMMAND_IDS.openDecision, title: 'Open Decision', arguments: [root, decision.id] };
  return item;
}
