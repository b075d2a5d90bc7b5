// One map panel for the workspace: it shows the active repository's report,
// follows refreshes without reloading, and survives window reloads.
import * as vscode from 'vscode';
import { encodeReport } from '../../protocol/compact-report';
import type { Report } from '../../core/model/report';
import { MAX_TEXT_LENGTH, parseMessage, webviewToHostSchema, type HostToWebview, type WebviewToHost } from '../../protocol/messages';
import type { WorkspaceAnalyses } from '../analysis/workspace-analyses';
import { COMMAND_IDS } from '../commands/ids';
import { commitDocumentUri } from '../commit-documents';
import { MAP_VIEW_TYPE, mapHtml, mapPanelOptions, showMapPanel } from './panel';

/** Every commit the report names: the only ones the page may ask to show. */
const commitsOfReport = new WeakMap<Report, ReadonlySet<string>>();

function commitsOf(report: Report): ReadonlySet<string> {
  let commits = commitsOfReport.get(report);
  if (!commits) {
    commits = new Set(report.decisions.flatMap((decision) => [...decision.commits, ...decision.evidence.map((evidence) => evidence.ref)]));
    commitsOfReport.set(report, commits);
  }
  return commits;
}

/** A value from the page, quoted and cut short for the log: it is hostile input. */
function quoted(value: string): string {
  return JSON.stringify(value.length > 120 ? `${value.slice(0, 120)}…` : value);
}

export class MapController implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private ready = false;
  /** The report the page has; analyses change state without a new report (a refresh starting), and encoding one costs tens of ms. */
  private shown: Report | undefined;
  /** A decision to select once the page has its report (Reveal in Map on a panel still loading). */
  private revealing: string | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly analyses: WorkspaceAnalyses,
    private readonly log: vscode.LogOutputChannel,
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

  /** Opens the map with the decision's details shown. */
  reveal(id: string): void {
    this.revealing = id;
    this.show();
    this.postReveal();
  }

  private postReveal(): void {
    if (!this.panel || !this.ready || this.shown === undefined || this.revealing === undefined) return;
    void this.panel.webview.postMessage({ type: 'reveal', id: this.revealing } satisfies HostToWebview);
    this.revealing = undefined;
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
    panel.webview.onDidReceiveMessage((data: unknown) => void this.receive(data));
  }

  /**
   * What the page asks for, checked against the report it was given: a message that
   * is malformed or names a decision or commit the report does not hold does
   * nothing, and says so in the Output channel. Returns that refusal, if any.
   */
  async receive(data: unknown): Promise<string | undefined> {
    const message = parseMessage(webviewToHostSchema, data);
    const refusal = message ? this.refusalOf(message) : 'The map sent a message the extension does not understand: it was ignored.';
    if (refusal !== undefined) {
      this.log.warn(refusal);
      vscode.window.setStatusBarMessage(`$(warning) ${refusal}`, 5000);
      return refusal;
    }
    if (message) await this.act(message);
    return undefined;
  }

  private refusalOf(message: WebviewToHost): string | undefined {
    const report = this.analyses.report;
    switch (message.type) {
      case 'openDecision':
      case 'setOwners': {
        const decision = report?.decisions.find((candidate) => candidate.id === message.id);
        const what = message.type === 'openDecision' ? 'open' : 'set the owners of';
        if (!decision) return `The map asked to ${what} decision ${quoted(message.id)}, which is not in the report: nothing was done.`;
        if (message.type === 'setOwners' && (decision.source !== 'adr' || !decision.path)) return `The map asked to set the owners of ${quoted(message.id)}, which is no decision record: nothing was done.`;
        return undefined;
      }
      case 'showCommit':
        return report && commitsOf(report).has(message.sha) ? undefined : `The map asked to show commit ${message.sha}, which the report does not name: nothing was done.`;
      default:
        return undefined;
    }
  }

  private async act(message: WebviewToHost): Promise<void> {
    const root = this.analyses.active?.root;
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.shown = undefined;
        this.postReport();
        break;
      case 'openDecision':
        if (root) await vscode.commands.executeCommand(COMMAND_IDS.openDecision, root, message.id);
        break;
      case 'setOwners': {
        const path = this.analyses.report?.decisions.find((decision) => decision.id === message.id)?.path;
        if (root && path) await vscode.commands.executeCommand(COMMAND_IDS.setOwners, vscode.Uri.joinPath(root, path));
        break;
      }
      case 'showCommit':
        if (root) await vscode.commands.executeCommand('vscode.open', commitDocumentUri(root, message.sha));
        break;
      case 'refresh':
        await vscode.commands.executeCommand(COMMAND_IDS.refresh);
        break;
    }
  }

  private postReport(): void {
    if (!this.panel || !this.ready) return;
    const report = this.analyses.report;
    if (report !== undefined && report === this.shown) return;
    this.shown = report;
    const error = this.analyses.active?.error;
    const message: HostToWebview = report
      ? { type: 'report', report: encodeReport(report) }
      : error !== undefined
        ? { type: 'error', message: (error instanceof Error ? error.message : String(error)).slice(0, MAX_TEXT_LENGTH) }
        : { type: 'analysing', repositoryName: this.repositoryName().slice(0, MAX_TEXT_LENGTH) };
    void this.panel.webview.postMessage(message);
    this.postReveal();
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.panel?.dispose();
  }
}
