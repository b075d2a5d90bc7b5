// Keeps one repository's report fresh: debounced, cancellable, incremental
// (the analysis cache lives as long as the extension, and its history snapshot
// is also written under the extension's storage), last result wins.
import * as vscode from 'vscode';
import type { AnalysisContext } from '../../core/context';
import { AnalysisCache } from '../../core/analysis-cache';
import type { Report } from '../../core/model/report';
import { analysisLogLines, PhaseClock } from './analysis-log';
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
  private readonly progressed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  readonly onDidFail = this.failed.event;
  /** Fires when an analysis starts, says how far it got, or ends: `progress` and `whenIdle` say the rest. */
  readonly onDidProgress = this.progressed.event;
  private progressText: string | undefined;
  private runDone: Promise<unknown> = Promise.resolve();
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

  /** What the running analysis is doing ("Reading history: 5,000 commits"); undefined when none runs. */
  get progress(): string | undefined {
    return this.progressText;
  }

  /** Settles when the analysis running now ends. */
  get whenIdle(): Promise<unknown> {
    return this.runDone;
  }

  get name(): string {
    return this.options.root.path.split('/').pop() ?? this.options.root.fsPath;
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
    const name = this.name;
    let settle = (): void => undefined;
    this.runDone = new Promise<void>((resolve) => {
      settle = resolve;
    });
    const run = async (progress?: vscode.Progress<{ message?: string }>): Promise<Report | undefined> => {
      const started = Date.now();
      const clock = new PhaseClock();
      const tell = (text: string): void => {
        if (sequence !== this.sequence) return;
        this.progressText = text;
        this.progressed.fire();
      };
      tell('Starting');
      try {
        const report = await this.options.analyze({
          root: this.options.root.fsPath,
          cache: this.cache,
          signal: controller.signal,
          onProgress: (update) => {
            clock.take(update);
            tell(update.message);
            progress?.report({ message: update.message });
          },
          ...this.options.context(),
        });
        clock.stop();
        if (sequence !== this.sequence) return undefined;
        this.current = report;
        this.lastError = undefined;
        for (const line of analysisLogLines(name, report, Date.now() - started, clock)) this.options.log.info(line);
        this.changed.fire(report);
        return report;
      } catch (error) {
        if (controller.signal.aborted || sequence !== this.sequence) return undefined;
        this.lastError = error;
        this.options.log.error(`Analysis of ${name} failed${this.current ? ' (the analysis from before stays shown)' : ''}: ${failureDetails(error)}`);
        this.failed.fire({ error, interactive });
        return undefined;
      } finally {
        if (this.running === controller) {
          this.running = undefined;
          this.progressText = undefined;
          this.progressed.fire();
        }
      }
    };
    const done = interactive
      ? vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Decision Orbit: analysing ${name}`, cancellable: true },
        (progress, token) => {
          token.onCancellationRequested(() => controller.abort());
          return run(progress);
        },
      )
      : vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `Decision Orbit: ${name}` }, run);
    Promise.resolve(done).then(settle, settle);
    return done;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.running?.abort();
    this.changed.dispose();
    this.failed.dispose();
    this.progressed.dispose();
  }
}
