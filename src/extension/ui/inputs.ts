// Every quick pick and input box the extension shows stays open when focus moves: a
// walkthrough page, a hover or a notification taking focus must not end a multi-step
// input half way (the walkthrough's Configure Leadership closed within 200 ms so).
// `shownInput` names the one on screen, for the extension-host tests that drive them.
import * as vscode from 'vscode';

let shown: string | undefined;

/** The title (or placeholder) of the input the extension shows now, once it is on screen. */
export function shownInput(): string | undefined {
  return shown;
}

/** Marks `name` as shown while `pending` runs. */
export async function whileShown<T>(name: string, pending: Thenable<T>): Promise<T> {
  shown = name;
  try {
    return await pending;
  } finally {
    if (shown === name) shown = undefined;
  }
}

/** A quick pick built by the caller: named as shown once the workbench has put it on screen (its first active item arrived), until it hides. */
export function trackQuickPick<T extends vscode.QuickPickItem>(pick: vscode.QuickPick<T>, name: () => string): vscode.Disposable {
  return vscode.Disposable.from(
    pick.onDidChangeActive(() => {
      shown = name();
    }),
    pick.onDidHide(() => {
      shown = undefined;
    }),
  );
}

export function pickOne<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions & { placeHolder: string }): Promise<T | undefined> {
  return whileShown(options.placeHolder, vscode.window.showQuickPick(items, { ...options, canPickMany: false, ignoreFocusOut: true }));
}

export function pickMany<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions & { placeHolder: string }): Promise<T[] | undefined> {
  return whileShown(options.placeHolder, vscode.window.showQuickPick(items, { ...options, canPickMany: true, ignoreFocusOut: true }));
}

export function askText(options: vscode.InputBoxOptions & { prompt: string }): Promise<string | undefined> {
  return whileShown(options.prompt, vscode.window.showInputBox({ ...options, ignoreFocusOut: true }));
}
