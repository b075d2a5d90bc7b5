// The problems of a refused `.decision-orbit.yml` in the Problems view, each on its
// line, for as long as the repository's last analysis failed on them.
import * as vscode from 'vscode';
import { ConfigError } from '../../core/config/problems';
import type { RepositoryAnalysis } from './repository-analysis';
import type { WorkspaceAnalyses } from './workspace-analyses';

const SOURCE = 'Decision Orbit';

function toDiagnostic(line: number | undefined, message: string): vscode.Diagnostic {
  const at = Math.max(0, (line ?? 1) - 1);
  const diagnostic = new vscode.Diagnostic(new vscode.Range(at, 0, at, Number.MAX_SAFE_INTEGER), message, vscode.DiagnosticSeverity.Error);
  diagnostic.source = SOURCE;
  diagnostic.code = 'config-invalid';
  return diagnostic;
}

export class ConfigDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('decisionOrbit.config');
  /** The file each repository's diagnostics were set on. */
  private readonly shown = new Map<RepositoryAnalysis, vscode.Uri>();
  private readonly subscription: vscode.Disposable;

  constructor(analyses: WorkspaceAnalyses) {
    this.subscription = analyses.onDidFinish((analysis) => this.update(analysis));
  }

  private update(analysis: RepositoryAnalysis): void {
    const previous = this.shown.get(analysis);
    if (previous) this.collection.delete(previous);
    this.shown.delete(analysis);
    const error = analysis.error;
    if (!(error instanceof ConfigError)) return;
    // The extension reads only the repository's own file, so its path is repository-relative.
    const uri = vscode.Uri.joinPath(analysis.root, error.path);
    this.collection.set(uri, error.problems.map((problem) => toDiagnostic(problem.line, problem.message)));
    this.shown.set(analysis, uri);
  }

  dispose(): void {
    this.subscription.dispose();
    this.collection.dispose();
  }
}
