// The repositories of the workspace, each with its analysis, one of them active
// (the one the views, status bar and map show).
import * as vscode from 'vscode';
import type { ForgeAccess } from '../../core/context';
import type { Report } from '../../core/model/report';
import { failureKind } from './failure-text';
import { RepositoryAnalysis, type AnalyzeFunction } from './repository-analysis';
import { findRepositories } from './repositories';
import { readSettings } from '../settings';
import { pickOne } from '../ui/inputs';

export interface WorkspaceAnalysesOptions {
  storage: vscode.Uri;
  analyze: AnalyzeFunction;
  log: vscode.LogOutputChannel;
  /** A failure to tell the user about: the first of its kind since the last success, or one they asked for. */
  onError: (error: unknown, analysis: RepositoryAnalysis) => void;
  /** Forge access for each analysis: off unless the user connected. */
  forge: () => ForgeAccess;
}

export class WorkspaceAnalyses implements vscode.Disposable {
  private readonly analyses = new Map<string, RepositoryAnalysis>();
  private readonly perRepository = new Map<string, vscode.Disposable[]>();
  private activeKey: string | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the active repository changes or its report does. */
  readonly onDidChange = this.changed.event;
  private readonly finished = new vscode.EventEmitter<RepositoryAnalysis>();
  /** Fires when an analysis of any repository ends, in success or failure. */
  readonly onDidFinish = this.finished.event;
  private readonly progressed = new vscode.EventEmitter<void>();
  /** Fires when the active repository's analysis starts, moves on or ends. */
  readonly onDidProgress = this.progressed.event;
  /** Per repository, the kind of failure last notified: background refreshes that fail the same way stay quiet. */
  private readonly notified = new Map<string, string>();
  private gitPathFromGitExtension: string | undefined;
  private discoveredOnce = false;

  constructor(private readonly options: WorkspaceAnalysesOptions) {}

  get active(): RepositoryAnalysis | undefined {
    return this.activeKey ? this.analyses.get(this.activeKey) : undefined;
  }

  get report(): Report | undefined {
    return this.active?.report;
  }

  /** Discovery has run at least once: only then may a view say there is no repository. */
  get discovered(): boolean {
    return this.discoveredOnce;
  }

  get all(): RepositoryAnalysis[] {
    return [...this.analyses.values()];
  }

  /** Finds the repositories (cheap: no git process) and keeps the active one if it is still there. */
  async discover(): Promise<RepositoryAnalysis[]> {
    const { roots, gitPath } = await findRepositories();
    this.gitPathFromGitExtension = gitPath;
    const keys = new Set(roots.map((root) => root.toString()));
    for (const [key, analysis] of this.analyses) {
      if (keys.has(key)) continue;
      analysis.dispose();
      for (const disposable of this.perRepository.get(key) ?? []) disposable.dispose();
      this.analyses.delete(key);
      this.perRepository.delete(key);
      this.notified.delete(key);
    }
    for (const root of roots) {
      const key = root.toString();
      if (!this.analyses.has(key)) this.add(root);
    }
    if (!this.activeKey || !this.analyses.has(this.activeKey)) this.activeKey = roots[0]?.toString();
    this.discoveredOnce = true;
    this.changed.fire();
    return this.all;
  }

  setActive(root: vscode.Uri): void {
    const key = root.toString();
    if (!this.analyses.has(key) || key === this.activeKey) return;
    this.activeKey = key;
    this.changed.fire();
  }

  /**
   * Asks which repository when there are several; returns the active one otherwise.
   * A `root` answers the question: that repository becomes the active one, as a pick does.
   */
  async pick(placeHolder = 'Choose a repository', root?: vscode.Uri): Promise<RepositoryAnalysis | undefined> {
    const all = this.all;
    if (root) {
      const named = all.find((analysis) => analysis.root.toString() === root.toString());
      if (named) this.setActive(named.root);
      return named;
    }
    if (all.length <= 1) return all[0];
    const picked = await pickOne(
      all.map((analysis) => ({ label: vscode.workspace.asRelativePath(analysis.root, true) || analysis.root.fsPath, analysis })),
      placeHolder,
    );
    if (picked) this.setActive(picked.analysis.root);
    return picked?.analysis;
  }

  private add(root: vscode.Uri): void {
    const key = root.toString();
    const analysis = new RepositoryAnalysis({
      root,
      storage: this.options.storage,
      analyze: this.options.analyze,
      log: this.options.log,
      context: () => {
        const { settings } = readSettings(root);
        return { hostConfig: settings.hostConfig, gitPath: settings.gitPath ?? this.gitPathFromGitExtension, forge: this.options.forge() };
      },
      delayMs: () => readSettings(root).settings.refreshDelayMs,
    });
    const watchers = [
      vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(root, '{**/*.md,**/*.markdown,**/*.rst,.decision-orbit.yml,.mailmap,**/.adr-dir,**/CODEOWNERS}')),
      vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.joinPath(root, '.git'), '{HEAD,packed-refs,refs/**}')),
    ];
    const refresh = (): void => analysis.requestRefresh();
    const disposables: vscode.Disposable[] = [
      ...watchers,
      ...watchers.flatMap((watcher) => [watcher.onDidChange(refresh), watcher.onDidCreate(refresh), watcher.onDidDelete(refresh)]),
      analysis.onDidProgress(() => {
        if (this.activeKey === key) this.progressed.fire();
      }),
      analysis.onDidChange(() => {
        this.notified.delete(key);
        this.finished.fire(analysis);
        if (this.activeKey === key) this.changed.fire();
      }),
      analysis.onDidFail(({ error, interactive }) => {
        this.finished.fire(analysis);
        // The status bar says the last refresh failed.
        if (this.activeKey === key) this.changed.fire();
        const kind = failureKind(error);
        if (!interactive && this.notified.get(key) === kind) return;
        this.notified.set(key, kind);
        this.options.onError(error, analysis);
      }),
    ];
    this.analyses.set(key, analysis);
    this.perRepository.set(key, disposables);
  }

  dispose(): void {
    for (const analysis of this.analyses.values()) analysis.dispose();
    for (const disposables of this.perRepository.values()) for (const disposable of disposables) disposable.dispose();
    this.changed.dispose();
    this.finished.dispose();
    this.progressed.dispose();
  }
}
