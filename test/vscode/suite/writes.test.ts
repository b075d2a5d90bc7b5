// Writes stay inside the repository's records in the extension too: Set Owners (and every
// command like it) refuses a record that is a symbolic link, leaving the link and its
// target as they were; a quick fix and Change Status on a regular record still work.
import assert from 'node:assert/strict';
import { lstatSync, readFileSync, readlinkSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { COMMAND_IDS } from '../../../src/extension/commands/ids';
import { analysedReport, analysesSettled, closeEditorsOf, describeIn, recordUri, waitFor } from './helpers';

const SECRET = 'ssh-ed25519 AAAA... not for the repository\n';

describeIn(['single-folder'], 'writes are confined to the records', () => {
  it('refuses Set Owners on a record that is a link to a file outside, leaving the link and its target as they were', async () => {
    const { api } = await analysedReport();
    const record = recordUri('docs/adr/0003-use-feature-flags-service.md');
    const secret = join(tmpdir(), `decision-orbit-secret-${process.pid}.md`);
    const moved = `${record.fsPath}.moved`;
    writeFileSync(secret, SECRET);
    // The report still lists the record: it became a link after the analysis.
    renameSync(record.fsPath, moved);
    symlinkSync(secret, record.fsPath);
    try {
      assert.equal(await vscode.commands.executeCommand(COMMAND_IDS.setOwners, record, 'decisionMakers', ['Carol Diaz']), false);
      assert.equal(api.lastWriteRefusal(), 'docs/adr/0003-use-feature-flags-service.md is a symbolic link; Decision Orbit never writes through or over a link');
      assert.equal(await vscode.commands.executeCommand(COMMAND_IDS.changeStatus, record, 'deprecated'), false);
      assert.ok(lstatSync(record.fsPath).isSymbolicLink());
      assert.equal(readlinkSync(record.fsPath), secret);
      assert.equal(readFileSync(secret, 'utf8'), SECRET);
      assert.ok(!vscode.workspace.textDocuments.some((document) => document.uri.toString() === record.toString() && document.isDirty), 'an edit was made');
    } finally {
      rmSync(record.fsPath);
      renameSync(moved, record.fsPath);
      rmSync(secret);
    }
    await analysesSettled(api);
  });

  it('refuses Set Owners on a Markdown file that is no record', async () => {
    const { api } = await analysedReport();
    const notes = recordUri('README.md');
    const before = readFileSync(notes.fsPath);
    assert.equal(await vscode.commands.executeCommand(COMMAND_IDS.setOwners, notes, 'decisionMakers', ['Carol Diaz']), false);
    assert.equal(api.lastWriteRefusal(), 'README.md is not a decision record that discovery found; Decision Orbit edits only records (and .decision-orbit.yml)');
    assert.ok(readFileSync(notes.fsPath).equals(before));
  });

  it('refuses Configure Leadership when .decision-orbit.yml is a link, leaving it and its target as they were', async () => {
    const { api } = await analysedReport();
    const config = recordUri('.decision-orbit.yml');
    const elsewhere = join(tmpdir(), `decision-orbit-config-${process.pid}.yml`);
    const moved = `${config.fsPath}.moved`;
    writeFileSync(elsewhere, 'leadership: []\n');
    renameSync(config.fsPath, moved);
    symlinkSync(elsewhere, config.fsPath);
    try {
      assert.equal(await vscode.commands.executeCommand(COMMAND_IDS.configureLeadership, undefined, [{ name: 'Carol Diaz', role: 'CTO' }], 'file'), false);
      assert.equal(api.lastWriteRefusal(), '.decision-orbit.yml is a symbolic link; Decision Orbit never writes through or over a link');
      assert.equal(readlinkSync(config.fsPath), elsewhere);
      assert.equal(readFileSync(elsewhere, 'utf8'), 'leadership: []\n');
    } finally {
      rmSync(config.fsPath);
      renameSync(moved, config.fsPath);
      rmSync(elsewhere);
    }
    await analysesSettled(api);
  });

  it('sets a status through the quick fix for an unknown status, undoably', async () => {
    const { api } = await analysedReport();
    const uri = recordUri('docs/adr/0006-adopt-opentelemetry.md');
    const editor = await vscode.window.showTextDocument(uri);
    const original = editor.document.getText();
    try {
      const line = original.split('\n').findIndex((text) => /^status:/.test(text));
      assert.ok(line >= 0, 'no status line');
      await editor.edit((builder) => builder.replace(editor.document.lineAt(line).range, 'status: maybe later'));
      const diagnostic = await waitFor('the unknown-status finding', () => api.diagnostics.get(uri)?.find((candidate) => candidate.code === 'unknown-status'));
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range);
      const fix = actions.find((action) => action.title === 'Set status to accepted');
      assert.ok(fix?.command, actions.map((action) => action.title).join(', '));
      assert.equal(await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? [])), true);
      assert.equal(editor.document.lineAt(line).text, 'status: accepted');
      await vscode.commands.executeCommand('undo');
      assert.equal(editor.document.lineAt(line).text, 'status: maybe later');
    } finally {
      await closeEditorsOf(uri);
    }
    await analysesSettled(api);
  });

  it('refuses a status the record\'s dialect does not know, writing nothing', async () => {
    const { api } = await analysedReport();
    const uri = recordUri('docs/adr/0006-adopt-opentelemetry.md');
    const document = await vscode.workspace.openTextDocument(uri);
    const before = document.getText();
    assert.equal(await vscode.commands.executeCommand(COMMAND_IDS.changeStatus, uri, 'bogus'), false);
    assert.equal(document.getText(), before);
    assert.equal(document.isDirty, false);
    await analysesSettled(api);
  });

  it('checks again when the edited record is saved, and VS Code does not write through the link put in its place', async () => {
    const { api } = await analysedReport();
    const record = recordUri('docs/adr/0004-drop-graphql-gateway.md');
    const secret = join(tmpdir(), `decision-orbit-secret-save-${process.pid}.md`);
    const moved = `${record.fsPath}.moved`;
    writeFileSync(secret, SECRET);
    const document = await vscode.workspace.openTextDocument(record);
    try {
      assert.equal(await vscode.commands.executeCommand(COMMAND_IDS.setOwners, record, 'decisionMakers', ['Carol Diaz']), true);
      renameSync(record.fsPath, moved);
      symlinkSync(secret, record.fsPath);
      // The save-time check says so; VS Code itself refuses to save over a file that changed since it was read.
      assert.equal(await document.save(), false);
      assert.equal(api.lastWriteRefusal(), 'docs/adr/0004-drop-graphql-gateway.md is a symbolic link; Decision Orbit never writes through or over a link');
      assert.equal(readFileSync(secret, 'utf8'), SECRET);
      assert.ok(lstatSync(record.fsPath).isSymbolicLink());
    } finally {
      await closeEditorsOf(record);
      rmSync(record.fsPath);
      renameSync(moved, record.fsPath);
      rmSync(secret);
    }
    await analysesSettled(api);
  });
});
