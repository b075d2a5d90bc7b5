// One clear message per failure, with an action where one helps; details go to
// the output channel. A failure repeated by background refreshes (every save of a
// still-broken config) is not notified again: the status bar and the Problems view
// keep saying it.
import * as vscode from 'vscode';
import { ConfigError, formatConfigProblem } from '../../core/config/problems';
import { GitError } from '../../core/git/errors';

/** What the output channel gets: our one line, then what it stands on (each config problem, git's own words). */
export function failureDetails(error: unknown): string {
  if (error instanceof ConfigError) return [error.message, ...error.problems.map((problem) => `  ${formatConfigProblem(error.path, problem)}`)].join('\n');
  if (error instanceof GitError) {
    const stderr = error.stderr.trim();
    return [error.message, ...(error.args.length > 0 ? [`  git ${error.args.join(' ')}`] : []), ...(stderr ? [`  ${stderr.split('\n').join('\n  ')}`] : [])].join('\n');
  }
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/** Failures of one kind are one notification until an analysis succeeds again. */
export function failureKind(error: unknown): string {
  if (error instanceof ConfigError) return `config:${error.file}`;
  if (error instanceof GitError) return `git:${error.code}`;
  return `error:${error instanceof Error ? error.message : String(error)}`;
}

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
