// Which open documents are decision records of an analysed repository, and the
// record as the buffer holds it now (unsaved edits included).
import * as vscode from 'vscode';
import { parseAdr } from '../../core/adr';
import type { ParsedAdr } from '../../core/model/adr';
import type { Decision, Report } from '../../core/model/report';
import type { WorkspaceAnalyses } from '../analysis/workspace-analyses';

export interface AdrDocumentContext {
  root: vscode.Uri;
  report: Report;
  decision: Decision;
  /** Repository-relative POSIX path. */
  path: string;
  record: ParsedAdr;
}

export function relativePath(root: vscode.Uri, uri: vscode.Uri): string | undefined {
  const rootPath = root.path.endsWith('/') ? root.path : `${root.path}/`;
  return uri.scheme === root.scheme && uri.path.startsWith(rootPath) ? uri.path.slice(rootPath.length) : undefined;
}

export function adrContext(analyses: WorkspaceAnalyses, document: vscode.TextDocument): AdrDocumentContext | undefined {
  for (const analysis of analyses.all) {
    const report = analysis.report;
    const path = relativePath(analysis.root, document.uri);
    if (!report || path === undefined) continue;
    const decision = report.decisions.find((candidate) => candidate.path === path && candidate.source === 'adr');
    if (!decision) continue;
    return { root: analysis.root, report, decision, path, record: parseAdr(path, document.getText()) };
  }
  return undefined;
}

/** Offsets from the ADR engine become a WorkspaceEdit on the live document: undoable, unsaved buffers fine. */
export function workspaceEditOf(document: vscode.TextDocument, edits: ReadonlyArray<{ start: number; end: number; newText: string }>, edit = new vscode.WorkspaceEdit()): vscode.WorkspaceEdit {
  for (const change of edits) {
    edit.replace(document.uri, new vscode.Range(document.positionAt(change.start), document.positionAt(change.end)), change.newText);
  }
  return edit;
}
