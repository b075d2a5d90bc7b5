// The Leadership view: each leader with their zone verdict, expanding to the
// decisions they decided, were consulted or informed on, or were routed around.
import * as vscode from 'vscode';
import { newestFirst, shares, verdictWords, zoneFootnote } from '../../present/describe';
import type { Decision, Involvement, Report } from '../../core/model/report';
import { COUNTED_LEVELS, levelFor } from '../../core/rules/decision-rules';
import type { WorkspaceAnalyses } from '../analysis/workspace-analyses';
import { decisionTreeItem, peopleById } from './decision-item';

type Node =
  | { kind: 'leader'; person: string; role: string }
  | { kind: 'level'; person: string; level: Involvement; decisions: Decision[] }
  | { kind: 'decision'; decision: Decision };

/** Pending and automated decisions keep that level for every leader, so they sit under none of the four. */
export function decisionsOfLeader(report: Report, person: string, level: Involvement): Decision[] {
  return report.decisions.filter((decision) => levelFor(decision, person) === level).sort(newestFirst);
}

export class LeadershipTreeProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly analyses: WorkspaceAnalyses) {
    this.subscription = analyses.onDidChange(() => this.changed.fire(undefined));
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const analysis = this.analyses.active;
    const report = analysis?.report;
    if (!analysis || !report) return new vscode.TreeItem('');
    if (node.kind === 'decision') return decisionTreeItem(node.decision, report, analysis.root);
    if (node.kind === 'level') {
      const item = new vscode.TreeItem(node.level, node.decisions.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
      item.id = `leader:${node.person}:${node.level}`;
      item.description = String(node.decisions.length);
      return item;
    }
    const person = peopleById(report).get(node.person);
    const zone = report.zone.byLeader[node.person];
    const item = new vscode.TreeItem(person?.name ?? node.person, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `leader:${node.person}`;
    item.iconPath = new vscode.ThemeIcon('person');
    const verdict = zone ? verdictWords(zone) : verdictWords({ verdict: 'no-data' });
    const footnote = zone ? zoneFootnote(zone) : null;
    item.description = `${node.role} · ${verdict}`;
    item.tooltip = `${person?.name ?? node.person} (${node.role}): ${verdict}${zone ? ` · ${shares(zone)}` : ''}${footnote === null ? '' : ` (${footnote})`}`;
    item.contextValue = 'decisionOrbit.leader';
    return item;
  }

  getChildren(node?: Node): Node[] {
    const report = this.analyses.report;
    if (!report) return [];
    if (!node) return report.leadership.map((leader) => ({ kind: 'leader', person: leader.person, role: leader.role }));
    if (node.kind === 'leader') return COUNTED_LEVELS.map((level) => ({ kind: 'level', person: node.person, level, decisions: decisionsOfLeader(report, node.person, level) }));
    if (node.kind === 'level') return node.decisions.map((decision) => ({ kind: 'decision', decision }));
    return [];
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
