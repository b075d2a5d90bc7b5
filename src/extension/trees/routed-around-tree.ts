// The Routed around view: decisions with no leadership involvement, newest
// first, each saying why.
import * as vscode from 'vscode';
import { isRoutedAround } from '../../core/rules/decision-rules';
import type { Decision } from '../../core/model/report';
import type { WorkspaceAnalyses } from '../analysis/workspace-analyses';
import { newestFirst, whyAround } from '../../present/describe';
import { decisionTreeItem } from './decision-item';

export class RoutedAroundTreeProvider implements vscode.TreeDataProvider<Decision>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly analyses: WorkspaceAnalyses) {
    this.subscription = analyses.onDidChange(() => this.changed.fire(undefined));
  }

  getTreeItem(decision: Decision): vscode.TreeItem {
    const analysis = this.analyses.active;
    if (!analysis?.report) return new vscode.TreeItem(decision.title);
    const item = decisionTreeItem(decision, analysis.report, analysis.root);
    item.description = `${decision.date ?? 'undated'} · ${whyAround(analysis.report, decision)}`;
    return item;
  }

  getChildren(decision?: Decision): Decision[] {
    const report = this.analyses.report;
    if (decision || !report) return [];
    return report.decisions.filter((candidate) => isRoutedAround(candidate)).sort(newestFirst);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
