// In an untrusted workspace a repository's git config could make git run
// programs: no git process runs and nothing is written until the user trusts it.
import * as vscode from 'vscode';

export class UntrustedWorkspaceError extends Error {
  override readonly name = 'UntrustedWorkspaceError';
  constructor(action: string) {
    super(`${action} needs a trusted workspace: Decision Orbit runs no git process and writes nothing until you trust this folder.`);
  }
}

/** Guards a command: refuses with one message (and a way to manage trust) when the workspace is not trusted. */
export function requireTrust<Args extends unknown[], Result>(action: string, run: (...args: Args) => Promise<Result>): (...args: Args) => Promise<Result | undefined> {
  return async (...args: Args) => {
    if (vscode.workspace.isTrusted) return run(...args);
    const manage = 'Manage Workspace Trust';
    void vscode.window.showWarningMessage(`Decision Orbit: ${new UntrustedWorkspaceError(action).message}`, manage).then((choice) => {
      if (choice === manage) void vscode.commands.executeCommand('workbench.trust.manage');
    });
    return undefined;
  };
}
