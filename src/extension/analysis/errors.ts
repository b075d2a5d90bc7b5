// One clear message per failure, with an action where one helps; details go to
// the output channel.
import * as vscode from 'vscode';
import { GitError } from '../../core/git/errors';

export async function showAnalysisError(error: unknown, log: vscode.LogOutputChannel): Promise<void> {
  const showOutput = 'Show Output';
  if (error instanceof GitError) {
    switch (error.code) {
      case 'GitMissing': {
        const choice = await vscode.window.showErrorMessage(`Decision Orbit: ${error.message}.`, 'Set Git Path', showOutput);
        if (choice === 'Set Git Path') await vscode.commands.executeCommand('workbench.action.openSettings', 'decisionOrbit.git.path');
        if (choice === showOutput) log.show(true);
        return;
      }
      case 'DubiousOwnership': {
        const copy = 'Copy Command';
        const choice = await vscode.window.showErrorMessage(`Decision Orbit: ${error.message}`, ...(error.remedy === undefined ? [] : [copy]), showOutput);
        if (choice === copy && error.remedy !== undefined) await vscode.env.clipboard.writeText(error.remedy);
        if (choice === showOutput) log.show(true);
        return;
      }
      case 'Cancelled':
        return;
      default:
        break;
    }
  }
  const message = error instanceof Error ? error.message : String(error);
  const choice = await vscode.window.showErrorMessage(`Decision Orbit: ${message}`, showOutput);
  if (choice === showOutput) log.show(true);
}
