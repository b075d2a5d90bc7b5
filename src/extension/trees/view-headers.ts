// What the views say above their trees, so none is ever blank or wrong while the
// workspace loads: "Looking for repositories…" until discovery ends, "Analysing
// <repo> — <step>…" with a progress bar on each view until the first report, then
// the window in each header and the routed-around count as the container's badge.
// The repository's own warnings are a row of the Decisions tree, not a message:
// dozens of them would push the records out of sight.
import * as vscode from 'vscode';
import { routedAroundInWindow, windowBrief, windowWords } from '../../present/describe';
import type { Report } from '../../core/model/report';
import type { WorkspaceAnalyses } from '../analysis/workspace-analyses';
import { VIEW_IDS } from '../commands/ids';
import type { DecisionsTreeProvider } from './decisions-tree';

/** The window in full, said above the leaders when their headers abbreviate it (the sources' windows differ). */
export function windowSentence(report: Report): string | undefined {
  const words = windowWords(report);
  if (windowBrief(report) === words) return undefined;
  return `Window: ${words}, up to ${report.repository.window.until}.`;
}

export type LoadPhase = 'untrusted' | 'discovering' | 'no-repository' | 'analysing' | 'failed' | 'analysed';

/** What this class sets on a view; it never touches the tree itself. */
type Header = Pick<vscode.TreeView<unknown>, 'message' | 'description' | 'badge'>;

export interface Views {
  decisions: Header;
  leadership: Header;
  routedAround: Header;
  currentFile: Header;
}

/** One moment of the views as a person sees them: the load phase and each view's message. */
export interface ViewsMoment {
  phase: LoadPhase;
  messages: Partial<Record<keyof Views, string>>;
}

export class ViewHeaders implements vscode.Disposable {
  private readonly subscriptions: vscode.Disposable[];
  private progressShown = false;
  /** Every distinct moment since activation: the extension-host tests read the way to the first report. */
  readonly moments: ViewsMoment[] = [];

  constructor(
    private readonly views: Views,
    private readonly analyses: WorkspaceAnalyses,
    private readonly decisionsTree: DecisionsTreeProvider,
  ) {
    this.subscriptions = [
      analyses.onDidChange(() => this.update()), analyses.onDidProgress(() => this.update()), decisionsTree.onDidChangeTreeData(() => this.update()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.update()),
    ];
    this.update();
  }

  get phase(): LoadPhase {
    const active = this.analyses.active;
    // Nothing is looked for in an untrusted workspace: the views' welcome text says why.
    if (!vscode.workspace.isTrusted) return 'untrusted';
    if (!this.analyses.discovered) return 'discovering';
    if (!active) return 'no-repository';
    if (active.report) return 'analysed';
    return active.error !== undefined && !active.isRunning ? 'failed' : 'analysing';
  }

  update(): void {
    const phase = this.phase;
    const report = this.analyses.report;
    const active = this.analyses.active;
    const loading = phase === 'discovering' ? 'Looking for repositories…'
      : phase === 'analysing' && active ? `Analysing ${active.name} — ${active.progress ?? 'waiting to start'}…` : undefined;
    const window = report ? windowBrief(report) : undefined;
    this.views.decisions.message = loading;
    this.views.leadership.message = loading ?? (report ? windowSentence(report) : undefined);
    this.views.routedAround.message = loading;
    this.views.currentFile.message = loading;
    this.views.decisions.description = report ? this.decisionsTree.describe(report) : undefined;
    this.views.leadership.description = window;
    this.views.routedAround.description = report && report.leadership.length > 0 ? window : undefined;
    this.views.currentFile.description = undefined;
    const around = report ? routedAroundInWindow(report).length : 0;
    this.views.routedAround.badge = around > 0 && window ? { value: around, tooltip: `${around} decision${around === 1 ? '' : 's'} made without leadership, ${window}` } : undefined;
    if (phase === 'analysing' && active) this.showProgress(active.whenIdle);
    this.remember({ phase, messages: { decisions: loading, leadership: this.views.leadership.message, routedAround: loading, currentFile: loading } });
  }

  /** A progress bar on every view until the running analysis ends. */
  private showProgress(until: Promise<unknown>): void {
    if (this.progressShown) return;
    this.progressShown = true;
    const done = until.finally(() => {
      this.progressShown = false;
    });
    for (const viewId of [VIEW_IDS.decisions, VIEW_IDS.leadership, VIEW_IDS.routedAround, VIEW_IDS.currentFile]) {
      void vscode.window.withProgress({ location: { viewId } }, () => done);
    }
  }

  private remember(moment: ViewsMoment): void {
    const last = this.moments[this.moments.length - 1];
    if (last && JSON.stringify(last) === JSON.stringify(moment)) return;
    this.moments.push(moment);
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
