// The linter's findings in the Problems panel: every record's from the last
// analysis, and the open buffer's own as it is typed.
import * as vscode from 'vscode';
import { decodeAdrText, lintAdrs, parseAdr } from '../../core/adr';
import { warningFinding } from '../../core/adr/lint';
import type { AdrDiagnostic } from '../../core/model/adr';
import type { Report } from '../../core/model/report';
import type { WorkspaceAnalyses } from '../analysis/workspace-analyses';
import { adrContext } from './adr-documents';
import { knownPerson } from './people-language';

export const DIAGNOSTIC_SOURCE = 'Decision Orbit';

/** The finding's name or value on its line when the text shows it there, else the whole line. */
function rangeOf(lines: readonly string[], line: number, subject: string | undefined): vscode.Range {
  const text = lines[line];
  if (text === undefined) return new vscode.Range(line, 0, line, 1000);
  const at = subject ? text.indexOf(subject) : -1;
  return at < 0 || !subject ? new vscode.Range(line, 0, line, text.length) : new vscode.Range(line, at, line, at + subject.length);
}

function toDiagnostic(lines: readonly string[], finding: AdrDiagnostic): vscode.Diagnostic {
  const line = Math.max(0, finding.line - 1);
  const range = rangeOf(lines, line, finding.subject);
  const severity =
    finding.severity === 'error' ? vscode.DiagnosticSeverity.Error : finding.severity === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information;
  const diagnostic = new vscode.Diagnostic(range, finding.message, severity);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = finding.code;
  return diagnostic;
}

/** The linter's findings on a record's text as it is now: the parser's and the one-record rules'. */
function textFindings(report: Report, path: string, text: string): AdrDiagnostic[] {
  const record = parseAdr(path, text);
  const findings = lintAdrs([record], (name) => knownPerson(report, name, path) !== undefined).get(path) ?? [];
  const all = [...record.diagnostics, ...findings];
  return all.filter((finding, index) => all.findIndex((other) => other.code === finding.code && other.line === finding.line) === index);
}

/** A closed record's text as the analysis decoded it; undefined once the file is gone. */
async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return decodeAdrText(await vscode.workspace.fs.readFile(uri)).text;
  } catch {
    return undefined;
  }
}

function linesOf(text: string): string[] {
  return text.split(/\r?\n/);
}

export class AdrDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('decisionOrbit');
  private readonly subscriptions: vscode.Disposable[];
  private generation = 0;

  constructor(private readonly analyses: WorkspaceAnalyses) {
    this.subscriptions = [
      analyses.onDidChange(() => void this.refreshAll()),
      vscode.workspace.onDidChangeTextDocument((event) => this.refreshDocument(event.document)),
      vscode.workspace.onDidOpenTextDocument((document) => this.refreshDocument(document)),
    ];
  }

  /**
   * Findings of every record, from the report's warnings that carry a path and line. A closed
   * record's text is read again, so each finding sits on the same name or value as in an
   * open buffer; findings read for an analysis that is no longer the latest are dropped.
   */
  async refreshAll(): Promise<void> {
    const generation = ++this.generation;
    const found = new Map<string, vscode.Diagnostic[]>();
    for (const analysis of this.analyses.all) {
      const report = analysis.report;
      if (!report) continue;
      const byPath = new Map<string, Array<Pick<AdrDiagnostic, 'code' | 'message' | 'line'>>>();
      const records = new Set(report.decisions.filter((decision) => decision.source === 'adr').map((decision) => decision.path));
      for (const warning of report.warnings) {
        // The finding as the open buffer shows it: one code and one message wherever it appears.
        const finding = warningFinding(warning);
        if (!warning.path || !records.has(warning.path) || !finding) continue;
        byPath.set(warning.path, [...(byPath.get(warning.path) ?? []), finding]);
      }
      await Promise.all([...byPath].map(async ([path, findings]) => {
        const uri = vscode.Uri.joinPath(analysis.root, path);
        const text = await readText(uri);
        const onText = text === undefined ? [] : textFindings(report, path, text);
        const lines = text === undefined ? [] : linesOf(text);
        found.set(uri.toString(), findings.map((finding) => {
          const subject = onText.find((other) => other.code === finding.code && other.line === finding.line)?.subject;
          return toDiagnostic(lines, { ...finding, subject, severity: 'warning' });
        }));
      }));
    }
    if (generation !== this.generation) return;
    this.collection.clear();
    for (const [uri, diagnostics] of found) this.collection.set(vscode.Uri.parse(uri), diagnostics);
    for (const document of vscode.workspace.textDocuments) this.refreshDocument(document);
  }

  /** The open buffer's findings replace the file's: they reflect unsaved edits. */
  refreshDocument(document: vscode.TextDocument): void {
    const context = adrContext(this.analyses, document);
    if (!context) return;
    const text = document.getText();
    this.collection.set(document.uri, textFindings(context.report, context.path, text).map((finding) => toDiagnostic(linesOf(text), finding)));
  }

  get diagnostics(): vscode.DiagnosticCollection {
    return this.collection;
  }

  dispose(): void {
    // A refresh still reading files sets nothing on the disposed collection.
    this.generation += 1;
    for (const subscription of this.subscriptions) subscription.dispose();
    this.collection.dispose();
  }
}
