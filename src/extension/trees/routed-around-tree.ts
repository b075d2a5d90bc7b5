// The Routed around view: the counted decisions of the report's window made
// without leadership, grouped by area, each under the people who made it (its
// owners) and newest first. Without a roster nothing is routed around: the view
// is empty and its welcome text asks for one.
import * as vscode from 'vscode';
import type { Decision } from '../../core/model/report';
import { AnalysisTree } from './analysis-tree';
import { routedAroundInWindow, whyAround } from '../../present/describe';
import { decisionTreeItem, ownersOf, peopleById, type DecisionNode } from './decision-item';
import { markdownText } from '../../present/markdown';

type Node = { kind: 'area'; area: string; decisions: Decision[] } | DecisionNode;

export class RoutedAroundTreeProvider extends AnalysisTree<Node> {
  getTreeItem(node: Node): vscode.TreeItem {
    const analysis = this.analyses.active;
    const report = analysis?.report;
    if (!analysis || !report) return new vscode.TreeItem('');
    if (node.kind === 'area') {
      const item = new vscode.TreeItem(node.area, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `around-area:${node.area}`;
      item.iconPath = new vscode.ThemeIcon('folder');
      item.description = `${node.decisions.length} made without leadership`;
      return item;
    }
    const item = decisionTreeItem(node.decision, report, analysis.root, { description: `${node.decision.date ?? 'undated'} · owners: ${ownersOf(node.decision, peopleById(report))}` });
    if (item.tooltip instanceof vscode.MarkdownString) item.tooltip.appendMarkdown(`\n\nMade without leadership: ${markdownText(whyAround(report, node.decision))}.`);
    return item;
  }

  getChildren(node?: Node): Node[] {
    const report = this.analyses.report;
    if (!report) return [];
    if (node) return node.kind === 'area' ? node.decisions.map((decision) => ({ kind: 'decision', decision })) : [];
    const byArea = new Map<string, Decision[]>();
    for (const decision of routedAroundInWindow(report)) byArea.set(decision.area, [...(byArea.get(decision.area) ?? []), decision]);
    return [...byArea]
      .sort(([a, first], [b, second]) => second.length - first.length || a.localeCompare(b))
      .map(([area, decisions]) => ({ kind: 'area', area, decisions }));
  }
}
