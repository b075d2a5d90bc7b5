// What every tree of the sidebar shares: it is drawn again whenever an analysis
// changes (and on whatever else a tree listens to), and lets go of its listeners
// with the view.
import * as vscode from 'vscode';
import type { WorkspaceAnalyses } from '../analysis/workspace-analyses';

export abstract class AnalysisTree<Node> implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  /** `alsoOn`: more events after which the whole tree is drawn again. */
  constructor(protected readonly analyses: WorkspaceAnalyses, alsoOn: readonly vscode.Event<unknown>[] = []) {
    this.subscriptions = [analyses.onDidChange, ...alsoOn].map((event) => event(() => this.refresh()));
  }

  abstract getTreeItem(node: Node): vscode.TreeItem;

  abstract getChildren(node?: Node): Node[];

  /** Draws the whole tree again. */
  protected refresh(): void {
    this.changed.fire(undefined);
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.changed.dispose();
  }
}
