// What a decision's context menu does in the trees: open its record, reveal it in
// the map, show its commit as a diff (the Git extension's `git:` documents, so
// the editor compares the files rather than dumping `git show`), copy a link.
import * as vscode from 'vscode';
import { parseRemoteUrl } from '../../core/forge/remote';
import { runGit } from '../../core/git/run';
import type { Decision } from '../../core/model/report';
import { gitServesRepository } from '../analysis/repositories';
import type { WorkspaceAnalyses } from '../analysis/workspace-analyses';
import { commitDocumentUri } from '../commit-documents';
import type { DecisionNode } from '../trees/decision-item';

/** One file a commit changed, against its first parent. */
export interface CommitChange {
  status: string;
  path: string;
  /** The path before a rename. */
  oldPath?: string;
}

/** The Git extension's document of `path` at `ref` (its `toGitUri`). */
export function gitUri(root: vscode.Uri, path: string, ref: string): vscode.Uri {
  const file = vscode.Uri.joinPath(root, path);
  return file.with({ scheme: 'git', query: JSON.stringify({ path: file.fsPath, ref }) });
}

/** `git diff-tree -z --name-status` output: status, then one path (two for renames and copies). */
export function parseNameStatus(output: string): CommitChange[] {
  const fields = output.split('\0').filter((field) => field !== '');
  const changes: CommitChange[] = [];
  for (let index = 0; index < fields.length;) {
    const status = fields[index] ?? '';
    if (/^[RC]/.test(status)) {
      changes.push({ status: status.charAt(0), oldPath: fields[index + 1] ?? '', path: fields[index + 2] ?? '' });
      index += 3;
    } else {
      changes.push({ status: status.charAt(0), path: fields[index + 1] ?? '' });
      index += 2;
    }
  }
  return changes;
}

/** The left and right documents of each change: nothing on the left of an addition, nothing on the right of a deletion. */
export function diffResources(root: vscode.Uri, sha: string, changes: readonly CommitChange[]): Array<[vscode.Uri, vscode.Uri | undefined, vscode.Uri | undefined]> {
  return changes.map((change) => [
    vscode.Uri.joinPath(root, change.path),
    change.status === 'A' ? undefined : gitUri(root, change.oldPath ?? change.path, `${sha}^`),
    change.status === 'D' ? undefined : gitUri(root, change.path, sha),
  ]);
}

/** The commit a decision's evidence rests on: the one that landed a signal, the one that added a record. */
export function commitOf(decision: Decision): string | undefined {
  return decision.source === 'git' ? decision.commits[decision.commits.length - 1] : decision.commits[0];
}

export async function commitChanges(root: vscode.Uri, sha: string, gitPath: string | undefined): Promise<CommitChange[]> {
  const { stdout } = await runGit(['diff-tree', '-r', '-z', '--root', '-m', '--first-parent', '--no-commit-id', '--name-status', '-M', '--no-ext-diff', '--no-textconv', '--end-of-options', sha, '--'], {
    cwd: root.fsPath, gitPath, timeoutMs: 30_000,
  });
  return parseNameStatus(stdout);
}

/**
 * The commit's changes in the diff editor: one file side by side, several in the
 * multi-file changes editor; the commit's text (`git show --stat`) only when the
 * Git extension is not there (disabled, or a host without it) to serve the two sides.
 */
export async function showCommitDiff(root: vscode.Uri, sha: string, gitPath: string | undefined): Promise<void> {
  if (!(await gitServesRepository(root))) {
    await vscode.commands.executeCommand('vscode.open', commitDocumentUri(root, sha));
    return;
  }
  const resources = diffResources(root, sha, await commitChanges(root, sha, gitPath));
  const title = `Commit ${sha.slice(0, 8)}`;
  const [only] = resources;
  if (resources.length === 1 && only?.[1] && only[2]) await vscode.commands.executeCommand('vscode.diff', only[1], only[2], `${title}: ${vscode.workspace.asRelativePath(only[0])}`);
  else await vscode.commands.executeCommand('vscode.changes', title, resources);
}

/** A web link on the repository's forge when its `origin` is one, else the record's path or the commit's sha. */
export async function decisionLink(root: vscode.Uri, decision: Decision, gitPath: string | undefined): Promise<string> {
  const sha = commitOf(decision);
  const { stdout } = await runGit(['config', '--get', 'remote.origin.url'], { cwd: root.fsPath, gitPath, timeoutMs: 10_000 }).catch(() => ({ stdout: '' }));
  const remote = parseRemoteUrl(stdout);
  const base = remote ? `https://${remote.host}/${remote.owner}/${remote.name}` : undefined;
  if (decision.source === 'adr' && decision.path) return base ? `${base}/blob/HEAD/${decision.path.split('/').map(encodeURIComponent).join('/')}` : decision.path;
  const pr = decision.pr === null ? undefined : /^#(\d+)$/.exec(decision.pr)?.[1];
  if (base && pr !== undefined) return `${base}/pull/${pr}`;
  if (sha) return base ? `${base}/commit/${sha}` : sha;
  return decision.id;
}

/** The decision a context-menu command was run on, and its repository (the trees show the active one). */
export function decisionOfNode(analyses: WorkspaceAnalyses, node: DecisionNode | undefined): { root: vscode.Uri; decision: Decision } | undefined {
  const root = analyses.active?.root;
  return node?.kind === 'decision' && root ? { root, decision: node.decision } : undefined;
}
