// The linter's findings in the Problems panel: every record's from the last
// analysis, and the open buffer's own as it is typed.
import * as vscode from 'vscode';
import { lintAdrs } from '../../core/adr';
import { warningFinding } from '../../core/adr/lint';
import type { AdrDiagnostic } from '../../core/model/adr';
import type { WorkspaceAnalyses } from '../analysis/workspace-analyses';
import { adrContext } from './adr-documents';
import { findPerson } from './people-language';

export const DIAGNOSTIC_SOURCE = 'Decision Orbit';

/** The finding's name or value on its line when the buffer shows it there, else the whole line. */
function rangeOf(document: vscode.TextDocument | undefined, line: number, subject: string | undefined): vscode.Range {
  if (!document || line >= document.lineCount) return new vscode.Range(line, 0, line, 1000);
  const text = document.lineAt(line);
  const at = subject ? text.text.indexOf(subject) : -1;
  return at < 0 || !subject ? text.range : new vscode.Range(line, at, line, at + subject.length);
}

function toDiagnostic(document: vscode.TextDocument | undefined, finding: AdrDiagnostic): vscode.Diagnostic {
  const line = Math.max(0, finding.line - 1);
  const range = rangeOf(document, line, finding.subject);
  const severity =
    finding.severity === 'error' ? vscode.DiagnosticSeverity.Error : finding.severity === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information;
  const diagnostic = new vscode.Diagnostic(range, finding.message, severity);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = finding.code;
  return diagnostic;
}

export class AdrDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('decisionOrbit');
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly analyses: WorkspaceAnalyses) {
    this.subscriptions = [
      analyses.onDidChange(() => this.refreshAll()),
      vscode.workspace.onDidChangeTextDocument((event) => this.refreshDocument(event.document)),
      vscode.workspace.onDidOpenTextDocument((document) => this.refreshDocument(document)),
    ];
  }

  /** Findings of every record, from the report's warnings that carry a path and line. */
  refreshAll(): void {
    this.collection.clear();
    for (const analysis of this.analyses.all) {
      const report = analysis.report;
      if (!report) continue;
      const byPath = new Map<string, vscode.Diagnostic[]>();
      const records = new Set(report.decisions.filter((decision) => decision.source === 'adr').map((decision) => decision.path));
      for (const warning of report.warnings) {
        // The finding as the open buffer shows it: one code and one message wherever it appears.
        const finding = warningFinding(warning);
        if (!warning.path || !records.has(warning.path) || !finding) continue;
        const list = byPath.get(warning.path) ?? [];
        list.push(toDiagnostic(undefined, { ...finding, severity: 'warning' }));
        byPath.set(warning.path, list);
      }
      for (const [path, diagnostics] of byPath) this.collection.set(vscode.Uri.joinPath(analysis.root, path), diagnostics);
    }
    for (const document of vscode.workspace.textDocuments) this.refreshDocument(document);
  }

  /** The open buffer's findings replace the file's: they reflect unsaved edits. */
  refreshDocument(document: vscode.TextDocument): void {
    const context = adrContext(this.analyses, document);
    if (!context) return;
    const findings = lintAdrs([context.record], (text) => findPerson(context.report.people, text) !== undefined).get(context.path) ?? [];
    const all = [...context.record.diagnostics, ...findings];
    const unique = all.filter((finding, index) => all.findIndex((other) => other.code === finding.code && other.line === finding.line) === index);
    this.collection.set(document.uri, unique.map((finding) => toDiagnostic(document, finding)));
  }

  get diagnostics(): vscode.DiagnosticCollection {
    return this.collection;
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.collection.dispose();
  }
}
