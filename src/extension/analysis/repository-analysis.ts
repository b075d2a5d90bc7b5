// Keeps one repository's report fresh: debounced, cancellable, incremental
// (the analysis cache lives as long as the extension, and its history snapshot
// is also written under the extension's storage), last result wins.
import * as vscode from 'vscode';
import type { AnalysisContext } from '../../core/context';
import { AnalysisCache } from '../../core/analysis-cache';
import type { Report } from '../../core/model/report';
import { failureDetails } from './failure-text';

export type AnalyzeFunction = (ctx: AnalysisContext) => Promise<Report>;

export interface AnalysisFailure {
  error: unknown;
  /** The user asked for this analysis (a command), rather than a file change or a setting. */
  interactive: boolean;
}

export interface RepositoryAnalysisOptions {
  root: vscode.Uri;
  storage: vscode.Uri;
  analyze: AnalyzeFunction;
  log: vscode.LogOutputChannel;
  /** Read at every run so setting changes apply without a reload. */
  context: () => Pick<AnalysisContext, 'hostConfig' | 'gitPath' | 'forge'>;
  delayMs: () => number;
}

/** A continuous stream of events still refreshes at least this often. */
const MAX_WAIT_MS = 2000;

export class RepositoryAnalysis implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Report>();
  private readonly failed = new vscode.EventEmitter<AnalysisFailure>();
  readonly onDidChange = this.changed.event;
  readonly onDidFail = this.failed.event;
  private readonly cache: AnalysisCache;
  private current: Report | undefined;
  private lastError: unknown;
  private running: AbortController | undefined;
  private sequence = 0;
  private timer: NodeJS.Timeout | undefined;
  private firstRequestAt: number | undefined;
  /** How many analyses were started: tests check that bursts coalesce. */
  runs = 0;

  constructor(private readonly options: RepositoryAnalysisOptions) {
    this.cache = new AnalysisCache(vscode.Uri.joinPath(options.storage, 'cache').fsPath);
  }

  get root(): vscode.Uri {
    return this.options.root;
  }

  get report(): Report | undefined {
    return this.current;
  }

  get error(): unknown {
    return this.lastError;
  }

  get isRunning(): boolean {
    return this.running !== undefined;
  }

  /** A requested refresh is waiting for its burst to settle. */
  get refreshPending(): boolean {
    return this.timer !== undefined;
  }

  /** Coalesces bursts of file events into one analysis after they settle. */
  requestRefresh(): void {
    const now = Date.now();
    this.firstRequestAt ??= now;
    if (this.timer) clearTimeout(this.timer);
    const waited = now - this.firstRequestAt;
    const delay = Math.max(0, Math.min(this.options.delayMs(), MAX_WAIT_MS - waited));
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.firstRequestAt = undefined;
      void this.refresh(false);
    }, delay);
  }

  /** Runs now; `interactive` shows a cancellable notification (user-asked or first run). */
  async refresh(interactive: boolean): Promise<Report | undefined> {
    this.running?.abort();
    const controller = new AbortController();
    this.running = controller;
    const sequence = ++this.sequence;
    this.runs += 1;
    const name = this.options.root.path.split('/').pop() ?? this.options.root.fsPath;
    const run = async (progress?: vscode.Progress<{ message?: string }>): Promise<Report | undefined> => {
      const started = Date.now();
      try {
        const report = await this.options.analyze({
          root: this.options.root.fsPath,
          cache: this.cache,
          signal: controller.signal,
          onProgress: (update) => progress?.report({ message: update.message }),
          ...this.options.context(),
        });
        if (sequence !== this.sequence) return undefined;
        this.current = report;
        this.lastError = undefined;
        this.options.log.info(`Analysed ${name} in ${Date.now() - started} ms: ${report.decisions.length} decisions`);
        this.changed.fire(report);
        return report;
      } catch (error) {
        if (controller.signal.aborted || sequence !== this.sequence) return undefined;
        this.lastError = error;
        this.options.log.error(`Analysis of ${name} failed${this.current ? ' (the analysis from before stays shown)' : ''}: ${failureDetails(error)}`);
        this.failed.fire({ error, interactive });
        return undefined;
      } finally {
        if (this.running === controller) this.running = undefined;
      }
    };
    if (!interactive) return vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `Decision Orbit: ${name}` }, run);
    return vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Decision Orbit: analysing ${name}`, cancellable: true },
      (progress, token) => {
        token.onCancellationRequested(() => controller.abort());
        return run(progress);
      },
    );
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.running?.abort();
    this.changed.dispose();
    this.failed.dispose();
  }
}
