// Commands on single decisions: open one, change its status, supersede it, and
// the decisions that touch or govern the file in the editor.
import * as vscode from 'vscode';
import { planAdrEdit, planSupersede } from '../../core/adr';
import { checkStatus, statusVocabulary } from '../../core/adr/edit-checks';
import type { Decision } from '../../core/model/report';
import type { WorkspaceAnalyses } from '../analysis/workspace-analyses';
import { adrContext, relativePath, workspaceEditOf } from '../adr/adr-documents';
import type { WriteGuard } from '../adr/write-guard';
import { commitDocumentUri } from '../commit-documents';
import { newestFirst } from '../../present/describe';
import { pickOne } from '../ui/inputs';

export async function openDecision(analyses: WorkspaceAnalyses, root: vscode.Uri, id: string): Promise<void> {
  const analysis = analyses.all.find((candidate) => candidate.root.toString() === root.toString());
  const decision = analysis?.report?.decisions.find((candidate) => candidate.id === id);
  if (!analysis || !decision) return;
  if (decision.source === 'adr' && decision.path) {
    await vscode.window.showTextDocument(vscode.Uri.joinPath(root, decision.path), { preview: true });
    return;
  }
  // A git signal's path is only the file (or the new folder) that made it a signal: its evidence is the commit.
  const sha = decision.commits[0];
  if (sha) await vscode.commands.executeCommand('vscode.open', commitDocumentUri(root, sha));
}

export async function changeStatus(analyses: WorkspaceAnalyses, guard: WriteGuard, target?: vscode.Uri, presetStatus?: string): Promise<boolean> {
  const document = await checkedDocumentOf(guard, target, 'open a decision record to change its status.');
  const context = document && adrContext(analyses, document);
  if (!document || !context) return false;
  const picked = presetStatus !== undefined ? { label: presetStatus } : await pickOne(
    statusVocabulary(context.record.dialect).map((candidate) => ({ label: candidate, description: candidate.toLowerCase() === context.record.statusText.trim().toLowerCase() ? 'current' : undefined })),
    `Status of "${context.record.title}" (now: ${context.record.statusText || 'none'})`,
  );
  if (!picked) return false;
  const status = checkStatus(context.record.dialect, picked.label);
  if ('error' in status) {
    void vscode.window.showWarningMessage(`Decision Orbit: ${status.error}.`);
    return false;
  }
  return guard.apply(workspaceEditOf(document, planAdrEdit(document.getText(), context.path, { kind: 'status', status: status.status })), [{ uri: document.uri, kind: 'record' }]);
}

/**
 * Links this record and another: `successor` asks for the newer record, otherwise for the older one.
 * `other` names that record instead of asking.
 */
export async function supersede(analyses: WorkspaceAnalyses, guard: WriteGuard, target?: vscode.Uri, ask: 'successor' | 'predecessor' = 'predecessor', other?: vscode.Uri): Promise<boolean> {
  const document = await checkedDocumentOf(guard, target, 'open a decision record first.');
  const context = document && adrContext(analyses, document);
  if (!document || !context) return false;
  const others = context.report.decisions.filter((decision) => decision.source === 'adr' && decision.path && decision.path !== context.path);
  const otherPath = other && relativePath(context.root, other);
  const picked = other
    ? others.find((decision) => decision.path === otherPath)
    : (
        await pickOne(
          others.map((decision) => ({ label: decision.title, description: decision.path ?? '', decision })),
          ask === 'successor' ? 'Which record supersedes this one?' : 'Which record does this one supersede?',
        )
      )?.decision;
  if (other && !picked) void vscode.window.showInformationMessage(`Decision Orbit: ${vscode.workspace.asRelativePath(other)} is no other decision record of this repository.`);
  if (!picked?.path) return false;
  const otherUri = vscode.Uri.joinPath(context.root, picked.path);
  if (!(await guard.check({ uri: otherUri, kind: 'record' }))) return false;
  const otherDocument = await vscode.workspace.openTextDocument(otherUri);
  const self = { path: context.path, text: document.getText() };
  const linked = { path: picked.path, text: otherDocument.getText() };
  const [newer, older, newerDocument, olderDocument] = ask === 'successor' ? [linked, self, otherDocument, document] : [self, linked, document, otherDocument];
  const plan = planSupersede(newer, older);
  const edit = workspaceEditOf(newerDocument, plan.newer);
  return guard.apply(workspaceEditOf(olderDocument, plan.older, edit), [{ uri: newerDocument.uri, kind: 'record' }, { uri: olderDocument.uri, kind: 'record' }]);
}

/** Decisions whose record is this file, whose commits touched it, or whose area holds it. */
export function decisionsForPath(decisions: readonly Decision[], path: string, areaOfPath: string | undefined): Decision[] {
  return decisions
    .filter((decision) => decision.path === path || (decision.files ?? []).includes(path) || (areaOfPath !== undefined && decision.area === areaOfPath && decision.source === 'adr'))
    .sort(newestFirst);
}

/** The decisions for `target` (default: the file in the editor) in a pick; the chosen one opens. */
export async function showDecisionsForCurrentFile(analyses: WorkspaceAnalyses, target?: vscode.Uri): Promise<Decision | undefined> {
  const uri = target ?? vscode.window.activeTextEditor?.document.uri;
  const analysis = uri && analyses.all.find((candidate) => relativePath(candidate.root, uri) !== undefined);
  const report = analysis?.report;
  if (!uri || !analysis || !report) {
    void vscode.window.showInformationMessage('Decision Orbit: open a file of an analysed repository first.');
    return undefined;
  }
  const path = relativePath(analysis.root, uri) ?? '';
  const touching = report.decisions.filter((decision) => (decision.files ?? []).includes(path));
  const area = touching[0]?.area;
  const found = decisionsForPath(report.decisions, path, area);
  if (found.length === 0) {
    void vscode.window.showInformationMessage(`Decision Orbit: no decision touches or governs ${path}.`);
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    found.map((decision) => ({ label: decision.title, description: `${decision.kind} · ${decision.involvement} · ${decision.date ?? 'undated'}`, decision })),
    { placeHolder: `Decisions for ${path}` },
  );
  if (picked) await openDecision(analyses, analysis.root, picked.decision.id);
  return picked?.decision;
}

/** The quick fix for `{2024-01-02}`: the date without its braces, on the record's 1-based `line`, undoably. */
export async function unbraceDate(guard: WriteGuard, uri: vscode.Uri, line: number, braced: string): Promise<boolean> {
  const date = /^\{\s*(\d{4}-\d{2}-\d{2})\s*\}$/.exec(braced)?.[1];
  if (!date || !(await guard.check({ uri, kind: 'record' }))) return false;
  const document = await vscode.workspace.openTextDocument(uri);
  const at = line >= 1 && line <= document.lineCount ? document.lineAt(line - 1).text.indexOf(braced) : -1;
  if (at < 0) return false;
  const edit = new vscode.WorkspaceEdit();
  edit.replace(uri, new vscode.Range(line - 1, at, line - 1, at + braced.length), date);
  return guard.apply(edit, [{ uri, kind: 'record' }]);
}

/** The record to edit, opened only once the rule allows writing it (a link is not read through); the guard says why not. */
async function checkedDocumentOf(guard: WriteGuard, target: vscode.Uri | undefined, noRecord: string): Promise<vscode.TextDocument | undefined> {
  const uri = target ?? vscode.window.activeTextEditor?.document.uri;
  if (!uri) {
    void vscode.window.showInformationMessage(`Decision Orbit: ${noRecord}`);
    return undefined;
  }
  if (!(await guard.check({ uri, kind: 'record' }))) return undefined;
  return vscode.workspace.openTextDocument(uri);
}
