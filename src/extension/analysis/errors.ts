// One clear message per failure, with an action where one helps; details go to
// the output channel. A failure repeated by background refreshes (every save of a
// still-broken config) is not notified again: the status bar and the Problems view
// keep saying it.
import * as vscode from 'vscode';
import { ConfigError } from '../../core/config/problems';
import { GitError } from '../../core/git/errors';

export async function showAnalysisError(error: unknown, log: vscode.LogOutputChannel, options: { kept: boolean }): Promise<void> {
  const showOutput = 'Show Output';
  const outcome = options.kept ? ' The analysis from before stays shown.' : '';
  if (error instanceof ConfigError) {
    const showProblems = 'Show Problems';
    const count = error.problems.length;
    const choice = await vscode.window.showErrorMessage(
      `Decision Orbit: the config file ${error.path} has ${count} problem${count === 1 ? '' : 's'} (${error.message}); nothing was analysed with it.${outcome}`,
      showProblems,
      showOutput,
    );
    if (choice === showProblems) await vscode.commands.executeCommand('workbench.actions.view.problems');
    if (choice === showOutput) log.show(true);
    return;
  }
  if (error instanceof GitError) {
    switch (error.code) {
      case 'GitMissing': {
        const choice = await vscode.window.showErrorMessage(`Decision Orbit: ${error.message}.${outcome}`, 'Set Git Path', showOutput);
        if (choice === 'Set Git Path') await vscode.commands.executeCommand('workbench.action.openSettings', 'decisionOrbit.git.path');
        if (choice === showOutput) log.show(true);
        return;
      }
      case 'DubiousOwnership': {
        const copy = 'Copy Command';
        const choice = await vscode.window.showErrorMessage(`Decision Orbit: ${error.message}${outcome}`, ...(error.remedy === undefined ? [] : [copy]), showOutput);
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
  const message = error instanceof Error ? error.message.split('\n')[0] ?? error.message : String(error);
  const choice = await vscode.window.showErrorMessage(`Decision Orbit: ${message}${outcome}`, showOutput);
  if (choice === showOutput) log.show(true);
}
