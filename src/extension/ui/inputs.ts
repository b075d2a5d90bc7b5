// Every quick pick and input box the extension shows stays open when focus moves: a
// walkthrough page, a hover or a notification taking focus must not end a multi-step
// input half way (the walkthrough's Configure Leadership closed within 200 ms so).
// `shownInput` names the one on screen, for the extension-host tests that drive them.
import * as vscode from 'vscode';

let shown: string | undefined;

/** The title (or placeholder, or prompt) of the input the extension has asked the workbench to show, until it is answered or dismissed. */
export function shownInput(): string | undefined {
  return shown;
}

export interface PickSetup<T extends vscode.QuickPickItem, B extends vscode.QuickInputButton> {
  title?: string;
  placeholder: string;
  items: readonly T[];
  canSelectMany: boolean;
  /** Buttons in the title bar: pressing one ends the pick with it. */
  buttons?: readonly B[];
  matchOnDescription?: boolean;
}

/** What a pick ended with: the chosen items (the ticked ones when many can be), and the button pressed, if one was. */
export interface PickAnswer<T, B> {
  chosen: readonly T[];
  button?: B;
}

/**
 * Shows a pick with the focus on its first item (ticking it is one keypress) and the items
 * marked `picked` ticked; undefined when dismissed.
 */
export function runPick<T extends vscode.QuickPickItem, B extends vscode.QuickInputButton = never>(setup: PickSetup<T, B>): Promise<PickAnswer<T, B> | undefined> {
  const pick = vscode.window.createQuickPick<T>();
  const name = setup.title ?? setup.placeholder;
  pick.title = setup.title;
  pick.placeholder = setup.placeholder;
  pick.canSelectMany = setup.canSelectMany;
  pick.ignoreFocusOut = true;
  pick.matchOnDescription = setup.matchOnDescription ?? false;
  pick.items = setup.items;
  if (setup.canSelectMany) pick.selectedItems = setup.items.filter((item) => item.picked);
  const first = setup.items.find((item) => item.kind !== vscode.QuickPickItemKind.Separator);
  if (first) pick.activeItems = [first];
  pick.buttons = setup.buttons ?? [];
  return new Promise((resolve) => {
    let answer: PickAnswer<T, B> | undefined;
    const chosen = (): readonly T[] => (setup.canSelectMany || pick.selectedItems.length > 0 ? pick.selectedItems : pick.activeItems.slice(0, 1));
    const subscriptions = [
      pick.onDidAccept(() => {
        answer = { chosen: chosen() };
        pick.hide();
      }),
      pick.onDidTriggerButton((button) => {
        answer = { chosen: chosen(), button: button as B };
        pick.hide();
      }),
      pick.onDidHide(() => {
        if (shown === name) shown = undefined;
        for (const subscription of subscriptions) subscription.dispose();
        pick.dispose();
        resolve(answer);
      }),
    ];
    pick.show();
    // The workbench takes the extension's messages in order: whatever is sent after this reaches the pick.
    shown = name;
  });
}

export async function pickOne<T extends vscode.QuickPickItem>(items: readonly T[], placeholder: string): Promise<T | undefined> {
  return (await runPick({ placeholder, items, canSelectMany: false }))?.chosen[0];
}

export async function askText(options: vscode.InputBoxOptions & { prompt: string }): Promise<string | undefined> {
  shown = options.prompt;
  try {
    return await vscode.window.showInputBox({ ...options, ignoreFocusOut: true });
  } finally {
    if (shown === options.prompt) shown = undefined;
  }
}
