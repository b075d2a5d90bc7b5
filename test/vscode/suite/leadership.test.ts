// Configure Leadership as the walkthrough runs it: its step link runs the command with no
// arguments while the walkthrough page holds the editor, and focus goes back to that page.
// Every input must stay open through that; the roster is written with every alias the
// chosen person was met under; the step completes only once the roster is saved.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import { COMMAND_IDS, CONTEXT_KEYS } from '../../../src/extension/commands/ids';
import type { DecisionOrbitApi } from '../../../src/extension/extension';
import { analysedReport, analysesSettled, closeEditorsOf, describeIn, recordUri, waitFor } from './helpers';

const WALKTHROUGH = 'decision-orbit.decision-orbit#decisionOrbit.start';

/** Focus leaves the input for the editor area, where the walkthrough page is: as after clicking its link. */
async function focusMoves(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
}

/**
 * Waits for the input titled `title`, moves focus away, then does `act` in it. The input is
 * named once the extension has asked the workbench for it, and the workbench takes the
 * extension's messages in order: the keys reach it after it is drawn.
 */
async function answer(api: DecisionOrbitApi, title: string, act: () => Thenable<unknown>): Promise<void> {
  await waitFor(`the input "${title}"`, () => (api.shownInput() === title ? true : undefined));
  await focusMoves();
  await act();
  await waitFor(`the input "${title}" to be answered`, () => (api.shownInput() !== title ? true : undefined));
}

const enter = (): Thenable<unknown> => vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');

describeIn(['single-folder'], 'Configure Leadership from the walkthrough', () => {
  it('keeps each input open when focus moves, writes the chosen person with every alias, and completes the step only once saved', async () => {
    const { api } = await analysedReport();
    const config = recordUri('.decision-orbit.yml');
    const original = readFileSync(config.fsPath, 'utf8');
    const roster = api.analyses.report?.leadership.map((leader) => leader.person);
    // Through the workbench's file service, so a buffer of the file it holds follows.
    const write = (text: string): Thenable<void> => vscode.workspace.fs.writeFile(config, new TextEncoder().encode(text));
    try {
      // The company without its roster: the step is not done.
      await write(original.replace(/^leadership:\n(?:[ -].*\n)*/m, ''));
      await vscode.commands.executeCommand(COMMAND_IDS.refresh);
      await waitFor('the analysis without a roster', () => (api.analyses.report?.leadership.length === 0 && api.contextValue(CONTEXT_KEYS.hasLeadership) === false ? true : undefined));
      const report = api.analyses.report;
      assert.ok(report);

      // Bob Li was met under two e-mails and a handle; the pick lists the suggested leaders first, in the report's order.
      const bob = report.people.find((candidate) => candidate.name === 'Bob Li');
      const below = report.insights?.suggestedLeaders.findIndex((entry) => entry.person === bob?.id) ?? -1;
      assert.ok(bob && below >= 0, 'Bob Li is no suggested leader');

      await vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH, false);
      const configuring = vscode.commands.executeCommand<boolean | undefined>(COMMAND_IDS.configureLeadership);
      await answer(api, 'Who is technical leadership? (likeliest first)', async () => {
        for (let step = 0; step < below; step += 1) await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
        await vscode.commands.executeCommand('workbench.action.quickPickManyToggle');
        await enter();
      });
      const role = bob.name;
      await answer(api, `Role of ${role}`, enter);
      await answer(api, 'Where should the roster be kept?', enter);
      assert.equal(await configuring, true);

      const document = await vscode.workspace.openTextDocument(config);
      const written = (parse(document.getText()) as { leadership: Array<{ name: string; role: string; aliases?: string[] }> }).leadership;
      assert.deepEqual(written.map(({ name, role: given }) => [name, given]), [[role, 'Leadership']]);
      const person = report.people.find((candidate) => candidate.name === role);
      assert.ok(person);
      const every = [...person.aliases, ...person.emails, ...(person.seenAs ?? [])].filter((alias) => alias !== person.name);
      assert.ok(every.length > 1, `${person.name} has one identity only: the test proves nothing`);
      assert.deepEqual([...(written[0]?.aliases ?? [])].sort(), [...new Set(every)].sort());

      // Written, not saved: the walkthrough step stays open.
      assert.ok(document.isDirty);
      assert.equal(api.contextValue(CONTEXT_KEYS.hasLeadership), false);
      // A save waits for the extension's save-time check: an analysis still running would hold it past the workbench's limit.
      await analysesSettled(api);
      assert.ok(await document.save());
      await waitFor('the step to complete on the saved roster', () => (api.contextValue(CONTEXT_KEYS.hasLeadership) === true ? true : undefined));
      assert.deepEqual(api.analyses.report?.leadership.map((leader) => leader.role), ['Leadership']);
    } finally {
      await closeEditorsOf(config);
      await write(original);
      // The walkthrough page; never a dirty editor (closing one would ask to save it).
      await vscode.window.tabGroups.close(vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => !tab.isDirty));
    }
    await vscode.commands.executeCommand(COMMAND_IDS.refresh);
    await waitFor('the company\'s own roster back', () => (JSON.stringify(api.analyses.report?.leadership.map((leader) => leader.person)) === JSON.stringify(roster) ? true : undefined));
    await analysesSettled(api);
  });
});
