// The linter's findings as the Problems panel shows them: one code and one message for a
// finding whether the record is closed (from the analysis) or open (from the buffer); the
// range on the exact name or value; quick fixes for a braced date and an unknown name.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import { acceptingFirstPick, analysedReport, analysesSettled, closeEditorsOf, describeIn, recordUri, restoreFile, waitFor } from './helpers';

/** The finding `code` on `uri` once it is there. */
function finding(uri: vscode.Uri, code: string): Promise<vscode.Diagnostic> {
  return waitFor(`the ${code} finding`, () => vscode.languages.getDiagnostics(uri).find((diagnostic) => diagnostic.code === code));
}

/** Runs the quick fix titled like `title` for `diagnostic`, as choosing it in the light bulb does. */
async function runFix(uri: vscode.Uri, diagnostic: vscode.Diagnostic, title: RegExp, pick = false): Promise<unknown> {
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range);
  const fix = actions.find((action) => title.test(action.title));
  assert.ok(fix?.command, actions.map((action) => action.title).join(', '));
  const running = vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
  return pick ? acceptingFirstPick(running) : running;
}

describeIn(['single-folder'], 'findings in the Problems panel', () => {
  it('gives a closed record\'s finding the same code, message and range as the open buffer\'s, on the value itself', async () => {
    const { api } = await analysedReport();
    const uri = recordUri('doc/architecture/decisions/0001-record-architecture-decisions.md');
    const original = readFileSync(uri.fsPath, 'utf8');
    const write = (text: string): Thenable<void> => vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    try {
      assert.ok(!vscode.workspace.textDocuments.some((document) => document.uri.toString() === uri.toString()), 'the record is open already: the closed path is not what runs');
      await write(original.replace('\nAccepted\n', '\nMaybe later\n'));
      const closed = await finding(uri, 'unknown-status');
      const onDisk = readFileSync(uri.fsPath, 'utf8').split('\n')[closed.range.start.line] ?? '';
      assert.equal(onDisk.slice(closed.range.start.character, closed.range.end.character), 'Maybe later', 'the closed record\'s finding is not on the value');
      const document = await vscode.workspace.openTextDocument(uri);
      const open = await waitFor('the buffer\'s own finding', () => (vscode.workspace.textDocuments.includes(document) ? vscode.languages.getDiagnostics(uri).find((diagnostic) => diagnostic.code === 'unknown-status') : undefined));
      assert.equal(open.message, closed.message);
      assert.equal(open.message, 'status "Maybe later" is none of proposed, accepted, rejected, deprecated, superseded');
      assert.ok(open.range.isEqual(closed.range), `open ${JSON.stringify(open.range)}, closed ${JSON.stringify(closed.range)}`);
      assert.equal(document.getText(open.range), 'Maybe later');
    } finally {
      await write(original);
      await closeEditorsOf(uri);
    }
    await analysesSettled(api);
  });

  it('underlines an unknown name only, saved or not, and its quick fixes put the person picked in its place or make it an alias', async () => {
    const { api } = await analysedReport();
    const uri = recordUri('docs/adr/0005-move-payments-to-cqrs.md');
    const original = readFileSync(uri.fsPath);
    const editor = await vscode.window.showTextDocument(uri);
    const line = editor.document.getText().split('\n').indexOf('deciders: Carol Diaz');
    const config = recordUri('.decision-orbit.yml');
    const configBytes = readFileSync(config.fsPath);
    const addUnknown = async (): Promise<vscode.Diagnostic> => {
      await editor.edit((builder) => builder.replace(editor.document.lineAt(line).range, 'deciders: Carol Diaz, Zed Quinn'));
      const unknown = await finding(uri, 'unknown-person');
      assert.equal(editor.document.getText(unknown.range), 'Zed Quinn');
      return unknown;
    };
    try {
      await addUnknown();
      // Saved and analysed, the record makes a person of the name: still nobody the repository knows apart from it.
      await editor.document.save();
      await waitFor('the saved name in the report', () => (api.analyses.report?.people.some((person) => person.name === 'Zed Quinn') ? true : undefined));
      await analysesSettled(api);
      // The CodeLens agrees with the finding: a name only this record gives is nobody known.
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
      assert.match(lenses.find((lens) => lens.command?.title.startsWith('Owners:'))?.command?.title ?? '', /^Owners: Carol Diaz, Zed Quinn \(unknown\) · /);
      // The pick offers leadership first: Dana Chen, the roster's first leader.
      assert.equal(await runFix(uri, await finding(uri, 'unknown-person'), /^Replace "Zed Quinn" with a person/, true), true);
      assert.equal(editor.document.lineAt(line).text, 'deciders: Carol Diaz, Dana Chen');
      // Or the name becomes an alias in the config: the first person offered, Arjun Patel, a leader the file lists.
      // Last, as once the web workbench auto-saves the config the name is known and its finding gone.
      assert.equal(await runFix(uri, await addUnknown(), /^Add "Zed Quinn" as an alias/, true), true);
      const configDocument = await vscode.workspace.openTextDocument(config);
      const written = configDocument.getText();
      // Saved at once (the web workbench would auto-save it a moment later), so no save is under way when it is put back.
      await configDocument.save();
      const leaders = (parse(written) as { leadership: Array<{ name: string; aliases: string[] }> }).leadership;
      assert.deepEqual(leaders.find((leader) => leader.name === 'Arjun Patel')?.aliases, ['@apatel', 'Zed Quinn']);
      const before = configBytes.toString('utf8');
      assert.equal(written.slice(written.indexOf('\npeople:')), before.slice(before.indexOf('\npeople:')));
    } finally {
      // Saved or not meanwhile, both files are put back as they were.
      await restoreFile(config, configBytes);
      await restoreFile(uri, original);
    }
    await analysesSettled(api);
  });

  it('writes a braced date plain through its quick fix, undoably', async () => {
    const { api } = await analysedReport();
    const uri = recordUri('docs/adr/0005-move-payments-to-cqrs.md');
    const original = readFileSync(uri.fsPath);
    const editor = await vscode.window.showTextDocument(uri);
    const line = editor.document.getText().split('\n').indexOf('date: 2026-05-18');
    try {
      await editor.edit((builder) => builder.replace(editor.document.lineAt(line).range, 'date: {2026-05-18}'));
      const braced = await finding(uri, 'braced-date');
      assert.equal(editor.document.getText(braced.range), '{2026-05-18}');
      assert.equal(await runFix(uri, braced, /^Write the date as 2026-05-18$/), true);
      assert.equal(editor.document.lineAt(line).text, 'date: 2026-05-18');
      await vscode.commands.executeCommand('undo');
      assert.equal(editor.document.lineAt(line).text, 'date: {2026-05-18}');
    } finally {
      await restoreFile(uri, original);
    }
    await analysesSettled(api);
  });
});
