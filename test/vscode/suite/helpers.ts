// Shared by the extension-host tests: which workspace this run opened, the
// running extension's API and waiting for the analyses of the workspace.
import * as vscode from 'vscode';
import type { DecisionOrbitApi } from '../../../src/extension/extension';
import type { Report } from '../../../src/core/model/report';

export const EXTENSION_ID = 'decision-orbit.decision-orbit';

/**
 * The workspaces test/vscode/launch.mjs opens: the fixture company in one trusted
 * folder, two repositories in a trusted multi-root workspace, the company untrusted.
 */
export type WorkspaceKind = 'single-folder' | 'multi-root' | 'untrusted';

export function workspaceKind(): WorkspaceKind {
  if (!vscode.workspace.isTrusted) return 'untrusted';
  return (vscode.workspace.workspaceFolders?.length ?? 0) > 1 ? 'multi-root' : 'single-folder';
}

/** Registers the block only in the workspaces it is written for, so elsewhere it is neither run nor counted. */
export function describeIn(kinds: readonly WorkspaceKind[], title: string, body: () => void): void {
  if (kinds.includes(workspaceKind())) describe(title, body);
}

export async function extensionApi(): Promise<DecisionOrbitApi> {
  const extension = vscode.extensions.getExtension<DecisionOrbitApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed in this extension host`);
  return extension.isActive ? extension.exports : extension.activate();
}

export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function analysedReport(): Promise<{ api: DecisionOrbitApi; report: Report }> {
  const api = await extensionApi();
  await api.ready;
  const report = await waitFor('the first analysis', () => api.analyses.report);
  return { api, report };
}

/** Where GFM would start a link in Markdown source: an unescaped `://`, `www.` or `@` before a domain. */
export const AUTOLINK_START = /(?<!\\):\/\/|(?<!\\)www\.|(?<!\\)@[a-z0-9-]+\.[a-z]/i;

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the test workspace has no folder');
  return folder.uri;
}

export function recordUri(path: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), path);
}

/** Waits until no analysis has started or finished for `quietMs` (longer than the refresh debounce). */
export async function analysesSettled(api: DecisionOrbitApi, quietMs = 1500): Promise<void> {
  const state = (): string => api.analyses.all.map((analysis) => `${analysis.runs}:${analysis.isRunning}`).join(',');
  let last = state();
  let since = Date.now();
  await waitFor('the analyses to settle', () => {
    const now = state();
    if (now !== last || api.analyses.all.some((analysis) => analysis.isRunning)) {
      last = now;
      since = Date.now();
    }
    return Date.now() - since >= quietMs ? true : undefined;
  });
}

/**
 * Runs a command that asks in a quick pick and takes its first (highlighted) item, as
 * Enter does: the workbench's own accept command, repeated until the pick has shown.
 */
export async function acceptingFirstPick<T>(command: Thenable<T>): Promise<T> {
  const result = Promise.resolve(command);
  let settled = false;
  const settle = (): void => {
    settled = true;
  };
  result.then(settle, settle);
  while (!settled) {
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  return result;
}

/** Closes the editors of `uri`, dropping unsaved changes (closing a dirty editor would ask). */
export async function closeEditorsOf(uri: vscode.Uri): Promise<void> {
  const tabsOf = (): vscode.Tab[] => vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === uri.toString());
  for (let attempt = 0; attempt < 5 && tabsOf().some((tab) => tab.isDirty); attempt += 1) {
    await vscode.window.showTextDocument(uri);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.window.tabGroups.close(tabsOf());
}

/**
 * Puts `uri` back to `bytes` and closes its editors. The buffer itself is given the text
 * and saved: the web workbench auto-saves a second after an edit, and a revert racing that
 * save could leave the test's text in the buffer or on disk.
 */
export async function restoreFile(uri: vscode.Uri, bytes: Uint8Array): Promise<void> {
  const text = new TextDecoder().decode(bytes);
  const document = await vscode.workspace.openTextDocument(uri);
  if (document.getText() !== text) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(0, 0, document.lineCount, 0), text);
    await vscode.workspace.applyEdit(edit);
  }
  if (document.isDirty) await document.save();
  await closeEditorsOf(uri);
  const onDisk = await vscode.workspace.fs.readFile(uri);
  if (Buffer.compare(Buffer.from(onDisk), Buffer.from(bytes)) !== 0) await vscode.workspace.fs.writeFile(uri, bytes);
  await waitFor(`${uri.path} as it was`, async () => ((await vscode.workspace.openTextDocument(uri)).getText() === text ? true : undefined));
}
