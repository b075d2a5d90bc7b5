// Tagging a record from its CodeLens as a person does it, counting the actions: the
// CodeLens opens the decision-makers pick, a tick, OK. The names land in the record's
// own list style, and one undo gives back every byte.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { COMMAND_IDS } from '../../../src/extension/commands/ids';
import type { DecisionOrbitApi } from '../../../src/extension/extension';
import { analysedReport, analysesSettled, describeIn, recordUri, restoreFile, waitFor } from './helpers';

/** One action a person takes, as the workbench's own command for it. */
type Action = { what: string; run: () => Thenable<unknown> };

async function untilShown(api: DecisionOrbitApi, title: string): Promise<void> {
  await waitFor(`the pick "${title}"`, () => (api.shownInput() === title ? true : undefined));
}

describeIn(['single-folder'], 'tagging a record from its CodeLens', () => {
  it('names a decision-maker in three actions (CodeLens, tick, OK), as the record writes its list, and one undo restores every byte', async () => {
    const { api } = await analysedReport();
    // MADR 3 with `deciders: Carol Diaz`, a comma string.
    const uri = recordUri('docs/adr/0005-move-payments-to-cqrs.md');
    const original = readFileSync(uri.fsPath);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const before = document.getText();
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    const lens = lenses.find((candidate) => candidate.command?.command === COMMAND_IDS.setOwners)?.command;
    assert.ok(lens, 'no owners CodeLens');
    let tagging: Thenable<unknown> | undefined;
    const actions: Action[] = [
      { what: 'click the CodeLens', run: () => { tagging = vscode.commands.executeCommand(lens.command, ...(lens.arguments ?? [])); return untilShown(api, 'Decision-makers of "Move payments to CQRS"'); } },
      // The roster's first leader has the focus: Space ticks them.
      { what: 'tick the first person', run: () => vscode.commands.executeCommand('workbench.action.quickPickManyToggle') },
      { what: 'OK', run: () => vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem') },
    ];
    try {
      for (const action of actions) await action.run();
      assert.equal(await tagging, true);
      assert.equal(actions.length, 3);
      // Carol stays as written and first; Dana, the roster's first leader, joins the comma string.
      assert.equal(document.getText(), before.replace('deciders: Carol Diaz\n', 'deciders: Carol Diaz, Dana Chen\n'));
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('undo');
      await waitFor('the undo', () => (document.getText() === before ? true : undefined));
    } finally {
      await restoreFile(uri, original);
    }
    await analysesSettled(api);
  });

  it('writes a field the record lacks in the style of its others', async () => {
    const { api } = await analysedReport();
    const uri = recordUri('docs/adr/0005-move-payments-to-cqrs.md');
    const original = readFileSync(uri.fsPath);
    const document = await vscode.workspace.openTextDocument(uri);
    const before = document.getText();
    try {
      assert.equal(await vscode.commands.executeCommand(COMMAND_IDS.setOwners, uri, 'consulted', ['Bob Li', 'Eve Moreau']), true);
      assert.equal(document.getText(), before.replace('deciders: Carol Diaz\n', 'deciders: Carol Diaz\nconsulted: Bob Li, Eve Moreau\n'));
    } finally {
      await restoreFile(uri, original);
    }
    await analysesSettled(api);
  });
});
