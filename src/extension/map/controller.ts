// One map panel for the workspace: it shows the active repository's report,
// follows refreshes without reloading, and survives window reloads.
import * as vscode from 'vscode';
import { encodeReport } from '../../core/model/compact-report';
import type { Report } from '../../core/model/report';
import { parseMessage, webviewToHostSchema, type HostToWebview } from '../../protocol';
import type { WorkspaceAnalyses } from '../analysis/workspace-analyses';
import { COMMAND_IDS } from '../commands/ids';
import { commitDocumentUri } from '../commit-documents';
import { MAP_VIEW_TYPE, mapHtml, mapPanelOptions, showMapPanel } from './panel';

export class MapController implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private ready = false;
  /** The report the page has; analyses change state without a new report (a refresh starting), and encoding one costs tens of ms. */
  private shown: Report | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly analyses: WorkspaceAnalyses,
  ) {
    this.subscriptions.push(
      analyses.onDidChange(() => this.postReport()),
      vscode.window.registerWebviewPanelSerializer(MAP_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel) => {
          panel.webview.options = mapPanelOptions(context.extensionUri);
          panel.webview.html = mapHtml(panel.webview, context.extensionUri, this.repositoryName());
          this.adopt(panel);
        },
      }),
    );
  }

  get html(): string | undefined {
    return this.panel?.webview.html;
  }

  show(): void {
    if (this.panel) {
      this.panel.reveal();
      return;
    }
    this.adopt(showMapPanel(this.context, { repositoryName: this.repositoryName() }));
  }

  private repositoryName(): string {
    const root = this.analyses.active?.root ?? vscode.workspace.workspaceFolders?.[0]?.uri;
    return root?.path.split('/').filter(Boolean).pop() ?? 'Decision Orbit';
  }

  private adopt(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    this.ready = false;
    panel.onDidDispose(() => {
      this.panel = undefined;
      this.ready = false;
    });
    panel.webview.onDidReceiveMessage((data: unknown) => {
      const message = parseMessage(webviewToHostSchema, data);
      if (!message) return;
      const root = this.analyses.active?.root;
      switch (message.type) {
        case 'ready':
          this.ready = true;
          this.shown = undefined;
          this.postReport();
          break;
        case 'openDecision':
          if (root) void vscode.commands.executeCommand(COMMAND_IDS.openDecision, root, message.id);
          break;
        case 'setOwners': {
          const path = this.analyses.report?.decisions.find((decision) => decision.id === message.id)?.path;
          if (root && path) void vscode.commands.executeCommand(COMMAND_IDS.setOwners, vscode.Uri.joinPath(root, path));
          break;
        }
        case 'showCommit':
          if (root) void vscode.commands.executeCommand('vscode.open', commitDocumentUri(root, message.sha));
          break;
        case 'refresh':
          void vscode.commands.executeCommand(COMMAND_IDS.refresh);
          break;
      }
    });
  }

  private postReport(): void {
    if (!this.panel || !this.ready) return;
    const report = this.analyses.report;
    if (report !== undefined && report === this.shown) return;
    this.shown = report;
    const message: HostToWebview = report
      ? { type: 'report', report: encodeReport(report) }
      : this.analyses.active?.error
        ? { type: 'error', message: this.analyses.active.error instanceof Error ? this.analyses.active.error.message : String(this.analyses.active.error) }
        : { type: 'analysing', repositoryName: this.repositoryName() };
    void this.panel.webview.postMessage(message);
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.panel?.dispose();
  }
}
