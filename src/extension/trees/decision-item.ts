// How one decision looks in every tree: title, involvement and date, a tooltip
// built from plain text (repository text is never trusted as Markdown), and the
// command that opens it.
import * as vscode from 'vscode';
import type { Decision, Person, Report } from '../../core/model/report';
import { COMMAND_IDS } from '../commands/ids';

export function peopleById(report: Report): Map<string, Person> {
  return new Map(report.people.map((person) => [person.id, person]));
}

export function namesOf(ids: readonly string[], people: Map<string, Person>): string {
  return ids.map((id) => people.get(id)?.name ?? id).join(', ');
}

export function decisionTreeItem(decision: Decision, report: Report, root: vscode.Uri): vscode.TreeItem {
  const people = peopleById(report);
  const item = new vscode.TreeItem(decision.title, vscode.TreeItemCollapsibleState.None);
  item.id = `${root.toString()}#${decision.id}`;
  item.description = [decision.involvement, decision.date ?? 'undated'].join(' · ');
  item.iconPath = new vscode.ThemeIcon(decision.source === 'adr' ? 'note' : 'git-commit', involvementColor(decision.involvement));
  item.contextValue = decision.source === 'adr' ? 'decisionOrbit.adr' : 'decisionOrbit.signal';
  const tooltip = new vscode.MarkdownString();
  tooltip.appendText(`${decision.title}\n\n`);
  tooltip.appendText(`${decision.kind} · ${decision.status} · ${decision.date ?? 'undated'} · area ${decision.area}\n\n`);
  tooltip.appendText(`Leadership: ${decision.involvement}\n`);
  if (decision.decisionMakers.length) tooltip.appendText(`Decision-makers: ${namesOf(decision.decisionMakers, people)}\n`);
  tooltip.appendText(`Evidence: ${decision.evidence.length} item(s)`);
  item.tooltip = tooltip;
  item.accessibilityInformation = { label: `${decision.title}, ${decision.kind}, leadership ${decision.involvement}, ${decision.date ?? 'undated'}` };
  item.command = { command: COMMAND_IDS.openDecision, title: 'Open Decision', arguments: [root, decision.id] };
  return item;
}

function involvementColor(involvement: Decision['involvement']): vscode.ThemeColor | undefined {
  switch (involvement) {
    case 'decided':
      return new vscode.ThemeColor('charts.blue');
    case 'consulted':
    case 'informed':
      return new vscode.ThemeColor('charts.green');
    case 'around':
      return new vscode.ThemeColor('charts.orange');
    default:
      return undefined;
  }
}
