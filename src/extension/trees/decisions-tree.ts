// The Decisions view: every decision of the active repository, grouped by
// status, area or owner.
import * as vscode from 'vscode';
import type { Decision, Report } from '../../core/model/report';
import type { WorkspaceAnalyses } from '../analysis/workspace-analyses';
import { newestFirst } from '../../present/describe';
import { decisionTreeItem, peopleById } from './decision-item';

export type DecisionGrouping = 'status' | 'area' | 'owner';

type Node = { kind: 'group'; label: string; decisions: Decision[] } | { kind: 'decision'; decision: Decision };

export function groupDecisions(report: Report, grouping: DecisionGrouping): Array<{ label: string; decisions: Decision[] }> {
  const people = peopleById(report);
  const groups = new Map<string, Decision[]>();
  const add = (label: string, decision: Decision): void => {
    const list = groups.get(label) ?? [];
    list.push(decision);
    groups.set(label, list);
  };
  for (const decision of report.decisions) {
    if (grouping === 'status') add(decision.status, decision);
    else if (grouping === 'area') add(decision.area, decision);
    else if (decision.decisionMakers.length === 0) add('(no decision-makers named)', decision);
    else for (const id of decision.decisionMakers) add(people.get(id)?.name ?? id, decision);
  }
  return [...groups]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([label, decisions]) => ({ label, decisions: [...decisions].sort(newestFirst) }));
}

export class DecisionsTreeProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private grouping: DecisionGrouping = 'status';
  private readonly subscription: vscode.Disposable;

  constructor(private readonly analyses: WorkspaceAnalyses) {
    this.subscription = analyses.onDidChange(() => this.changed.fire(undefined));
  }

  setGrouping(grouping: DecisionGrouping): void {
    this.grouping = grouping;
    this.changed.fire(undefined);
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const analysis = this.analyses.active;
    if (node.kind === 'decision' && analysis?.report) return decisionTreeItem(node.decision, analysis.report, analysis.root);
    const label = node.kind === 'group' ? node.label : '';
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Expanded);
    item.id = `group:${this.grouping}:${label}`;
    item.description = node.kind === 'group' ? String(node.decisions.length) : undefined;
    item.contextValue = 'decisionOrbit.group';
    return item;
  }

  getChildren(node?: Node): Node[] {
    const report = this.analyses.report;
    if (!report) return [];
    if (!node) return groupDecisions(report, this.grouping).map((group) => ({ kind: 'group', ...group }));
    return node.kind === 'group' ? node.decisions.map((decision) => ({ kind: 'decision', decision })) : [];
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
