// Warnings about the repository as a whole (a shallow clone, missing objects, a
// cache that could not be written) have no file to sit on as diagnostics, and
// would otherwise only be seen in the map: the Decisions view shows them above its
// tree. The missing roster is left to the Leadership view's own welcome text.
import * as vscode from 'vscode';
import type { Report } from '../../core/model/report';
import type { WorkspaceAnalyses } from '../analysis/workspace-analyses';

const SHOWN_ELSEWHERE = new Set(['no-roster']);

export function repositoryWarnings(report: Report | undefined): string | undefined {
  const messages = (report?.warnings ?? []).filter((warning) => warning.path === null && !SHOWN_ELSEWHERE.has(warning.code)).map((warning) => warning.message);
  return messages.length > 0 ? messages.join(' ') : undefined;
}

export class RepositoryWarningsMessage implements vscode.Disposable {
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly view: vscode.TreeView<unknown>,
    analyses: WorkspaceAnalyses,
  ) {
    this.subscription = analyses.onDidChange(() => {
      view.message = repositoryWarnings(analyses.report);
    });
  }

  get text(): string | undefined {
    return this.view.message;
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
