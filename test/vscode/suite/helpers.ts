// Shared by the extension-host tests: the running extension's API and waiting
// for the analysis of the workspace (the fixture company repository).
import * as vscode from 'vscode';
import type { DecisionOrbitApi } from '../../../src/extension/extension';
import type { Report } from '../../../src/core/model/report';

export const EXTENSION_ID = 'decision-orbit.decision-orbit';

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

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the test workspace has no folder');
  return folder.uri;
}

export function recordUri(path: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), path);
}
