// Read-only documents showing a git signal's commit (`decision-orbit-commit:`),
// so a decision without a record file still opens to its evidence.
import * as vscode from 'vscode';
import { showCommit } from '../core/git/show-commit';

export const COMMIT_SCHEME = 'decision-orbit-commit';

/** The read-only document of one commit of the repository at `root`. */
export function commitDocumentUri(root: vscode.Uri, sha: string): vscode.Uri {
  return vscode.Uri.from({ scheme: COMMIT_SCHEME, path: `/${sha}.txt`, query: root.toString() });
}

export class CommitDocumentProvider implements vscode.TextDocumentContentProvider {
  constructor(private readonly gitPath: () => string | undefined) {}

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    if (!vscode.workspace.isTrusted) return 'Decision Orbit runs no git process in an untrusted workspace. Trust the workspace to see this commit.';
    const sha = /^\/([0-9a-f]{40,64})\.txt$/.exec(uri.path)?.[1];
    if (!sha) return 'Not a commit id.';
    const root = vscode.Uri.parse(uri.query);
    const controller = new AbortController();
    token.onCancellationRequested(() => controller.abort());
    return showCommit(sha, { cwd: root.fsPath, gitPath: this.gitPath(), signal: controller.signal, timeoutMs: 30_000 });
  }
}
