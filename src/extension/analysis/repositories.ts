// Which repositories the workspace holds: the built-in Git extension knows
// (and uses the user's configured git), otherwise we look for `.git`.
import * as vscode from 'vscode';

interface GitExtensionApi {
  repositories: Array<{ rootUri: vscode.Uri }>;
  git?: { path?: string };
  getRepository?(uri: vscode.Uri): unknown;
  openRepository?(root: vscode.Uri): Promise<unknown>;
}

interface GitExtensionExports {
  getAPI(version: 1): GitExtensionApi;
}

export interface FoundRepositories {
  roots: vscode.Uri[];
  gitPath: string | undefined;
}

export async function findRepositories(): Promise<FoundRepositories> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const gitExtension = vscode.extensions.getExtension<GitExtensionExports>('vscode.git');
  let gitPath: string | undefined;
  const roots = new Map<string, vscode.Uri>();
  const api = gitExtension?.isActive ? gitApi(gitExtension.exports) : undefined;
  if (api) {
    gitPath = api.git?.path;
    for (const repository of api.repositories) roots.set(repository.rootUri.toString(), repository.rootUri);
  }
  for (const folder of folders) {
    if (folder.uri.scheme !== 'file') continue;
    for (const root of await walkForRepositories(folder.uri, 2)) roots.set(root.toString(), root);
  }
  return { roots: [...roots.values()].sort((a, b) => a.fsPath.localeCompare(b.fsPath)), gitPath };
}

/**
 * Whether the Git extension serves `git:` documents of the repository at `root`:
 * only of repositories it has open, so it is asked to open this one.
 */
export async function gitServesRepository(root: vscode.Uri): Promise<boolean> {
  const extension = vscode.extensions.getExtension<GitExtensionExports>('vscode.git');
  const api = extension?.isActive ? gitApi(extension.exports) : undefined;
  if (!api) return false;
  if (api.getRepository?.(root)) return true;
  return (await api.openRepository?.(root).catch(() => null)) != null;
}

/** The Git extension's API; it throws ("Git model not found") while `git.enabled` is false. */
function gitApi(exports: GitExtensionExports): GitExtensionApi | undefined {
  try {
    return exports.getAPI(1);
  } catch {
    return undefined;
  }
}

async function walkForRepositories(folder: vscode.Uri, depth: number): Promise<vscode.Uri[]> {
  const found: vscode.Uri[] = [];
  let entries: Array<[string, vscode.FileType]>;
  try {
    entries = await vscode.workspace.fs.readDirectory(folder);
  } catch {
    return found;
  }
  if (entries.some(([name]) => name === '.git')) found.push(folder);
  if (depth === 0) return found;
  for (const [name, type] of entries) {
    if (type !== vscode.FileType.Directory || name.startsWith('.') || name === 'node_modules') continue;
    found.push(...(await walkForRepositories(vscode.Uri.joinPath(folder, name), depth - 1)));
  }
  return found;
}
