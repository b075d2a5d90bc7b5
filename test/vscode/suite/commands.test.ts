// Each command on the fixture company (one trusted folder), driven through its
// arguments or, where it asks in a quick pick, by accepting the pick as Enter does.
// Every edit is undone or removed, and the analyses settle, before the next test.
import assert from 'node:assert/strict';
import { inReportWindow } from '../../../src/rules/report-window';
import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import { COMMAND_IDS } from '../../../src/extension/commands/ids';
import type { Decision } from '../../../src/core/model/report';
import { acceptingFirstPick, analysedReport, analysesSettled, closeEditorsOf, describeIn, recordUri, waitFor, workspaceRoot } from './helpers';

describeIn(['single-folder'], 'record commands on the fixture company', () => {
  it('creates the next-numbered record in the dominant dialect through an undoable edit', async () => {
    const { api, report } = await analysedReport();
    const expected = recordUri('docs/adr/0007-adopt-grpc-for-internal-apis.md');
    const created = await vscode.commands.executeCommand<vscode.Uri | undefined>(COMMAND_IDS.newRecord, 'Adopt gRPC for internal APIs');
    try {
      assert.equal(created?.toString(), expected.toString());
      const editor = vscode.window.activeTextEditor;
      assert.equal(editor?.document.uri.toString(), expected.toString());
      // docs/adr holds the most records, most of them MADR 4: front matter with decision-makers.
      assert.match(editor.document.getText(), /^---\nstatus: proposed\ndate: \d{4}-\d{2}-\d{2}\ndecision-makers: \[\]\nconsulted: \[\]\ninformed: \[\]\n---\n\n# Adopt gRPC for internal APIs\n/);
      // The writer starts in the first section, on the line after the blank one under its heading.
      const heading = editor.document.getText().split('\n').indexOf('## Context and Problem Statement');
      assert.ok(heading > 0);
      assert.ok(editor.selection.isEmpty && editor.selection.active.line === heading + 2, `cursor at ${editor.selection.active.line}, heading at ${heading}`);
      // One undo takes back the file it created, and its editor closes with it. A person
      // presses it in the new record's editor: the undo goes to the focused editor, and in
      // the web workbench focus can still be on its way there when the command returns.
      await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
      await vscode.commands.executeCommand('undo');
      await waitFor('the undo to remove the record', () => (editor.document.isClosed && !existsSync(expected.fsPath) ? true : undefined));
    } finally {
      await closeEditorsOf(expected);
      await vscode.workspace.fs.delete(expected).then(undefined, () => undefined);
    }
    await waitFor('the report without the new record', () => (api.analyses.report?.decisions.length === report.decisions.length ? true : undefined));
    await analysesSettled(api);
  });

  it('supersedes an older record, linking both files in one edit that one undo takes back', async () => {
    await analysedReport();
    const newer = recordUri('docs/adr/0006-adopt-opentelemetry.md');
    const older = recordUri('docs/adr/0003-use-feature-flags-service.md');
    const [newerDocument, olderDocument] = await Promise.all([vscode.workspace.openTextDocument(newer), vscode.workspace.openTextDocument(older)]);
    const [newerBefore, olderBefore] = [newerDocument.getText(), olderDocument.getText()];
    try {
      assert.equal(await vscode.commands.executeCommand(COMMAND_IDS.supersede, newer, 'predecessor', older), true);
      assert.match(newerDocument.getText(), /^Supersedes \[[^\]]+\]\(0003-use-feature-flags-service\.md\)$/m);
      assert.match(olderDocument.getText(), /^status: superseded by \[[^\]]+\]\(0006-adopt-opentelemetry\.md\)$/m);
      await vscode.window.showTextDocument(newerDocument);
      await vscode.commands.executeCommand('undo');
      assert.equal(newerDocument.getText(), newerBefore);
      assert.equal(olderDocument.getText(), olderBefore);
    } finally {
      await closeEditorsOf(newer);
      await closeEditorsOf(older);
    }
  });

  it('writes a leadership roster into .decision-orbit.yml, keeping the other keys, and into the user settings', async () => {
    const { api } = await analysedReport();
    const file = recordUri('.decision-orbit.yml');
    const document = await vscode.workspace.openTextDocument(file);
    const before = document.getText();
    const roster = [
      { name: 'Dana Chen', role: 'CTO' },
      { name: 'Carol Diaz', role: 'Staff Engineer' },
    ];
    try {
      assert.equal(await vscode.commands.executeCommand(COMMAND_IDS.configureLeadership, undefined, roster, 'file'), true);
      const text = document.getText();
      assert.match(text, /leadership:\n\s*- name: Dana Chen\n\s*role: CTO\n[\s\S]*- name: Carol Diaz\n\s*role: Staff Engineer\n\s*aliases:\n\s*- carol@acme\.io/);
      assert.doesNotMatch(text, /Arjun Patel/);
      // A leader already configured keeps the aliases the file gave them.
      assert.match(text, /- name: Dana Chen\n\s*role: CTO\n\s*aliases:\n(\s*- .*\n)*?\s*- "?@dchen"?\n/);
      // Only the roster changed: the comment above it and every key after it keep their bytes.
      assert.ok(text.startsWith('# Who counts as technical leadership (Decision Orbit).\nleadership:\n'));
      assert.equal(text.slice(text.indexOf('\npeople:')), before.slice(before.indexOf('\npeople:')));
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('undo');
      assert.equal(document.getText(), before);

      assert.equal(await vscode.commands.executeCommand(COMMAND_IDS.configureLeadership, undefined, roster, 'settings'), true);
      const setting = vscode.workspace.getConfiguration('decisionOrbit').inspect<Array<{ name: string; role: string }>>('leadership')?.globalValue;
      assert.deepEqual(setting?.map(({ name, role }) => ({ name, role })), roster);
    } finally {
      await vscode.workspace.getConfiguration('decisionOrbit').update('leadership', undefined, vscode.ConfigurationTarget.Global);
      await closeEditorsOf(file);
    }
    await analysesSettled(api);
  });
});

describeIn(['single-folder'], 'finding and opening decisions on the fixture company', () => {
  it('shows the decisions touching a file, newest first, and opens the chosen one', async () => {
    const { report } = await analysedReport();
    const chosen = await acceptingFirstPick(vscode.commands.executeCommand<Decision | undefined>(COMMAND_IDS.showDecisionsForFile, recordUri('package.json')));
    // Dependabot's bump (July) is newer than PR #1 and every record of the area.
    assert.equal(chosen?.id, 'git:pr-13');
    const sha = report.decisions.find((decision) => decision.id === 'git:pr-13')?.commits[0];
    assert.ok(sha);
    const shown = await waitFor('the commit of the chosen decision', () => {
      const document = vscode.window.activeTextEditor?.document;
      return document?.uri.scheme === 'decision-orbit-commit' ? document : undefined;
    });
    assert.match(shown.getText(), new RegExp(`^commit ${sha}$`, 'm'));
    assert.match(shown.getText(), /Bump express from 4\.18\.2 to 4\.21\.0/);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('says so, without asking, when no decision touches the file', async () => {
    await analysedReport();
    const chosen = await acceptingFirstPick(vscode.commands.executeCommand<Decision | undefined>(COMMAND_IDS.showDecisionsForFile, recordUri('README.md')));
    assert.equal(chosen, undefined);
  });

  it('opens a record in the editor and a git signal as its commit', async () => {
    const { report } = await analysedReport();
    const root = workspaceRoot();
    await vscode.commands.executeCommand(COMMAND_IDS.openDecision, root, 'adr:docs/adr/0003-use-feature-flags-service.md');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), recordUri('docs/adr/0003-use-feature-flags-service.md').toString());
    // The new-module signal's path is a folder (services/search): only its commit can open.
    const module = report.decisions.find((decision) => decision.id === 'git:pr-11');
    assert.ok(module?.commits[0]);
    await vscode.commands.executeCommand(COMMAND_IDS.openDecision, root, module.id);
    const document = vscode.window.activeTextEditor?.document;
    assert.equal(document?.uri.scheme, 'decision-orbit-commit');
    assert.match(document.getText(), new RegExp(`^commit ${module.commits[0]}$`, 'm'));
    assert.match(document.getText(), /services\/search\//);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('groups the decisions by what the Group By pick says', async () => {
    const { api, report } = await analysedReport();
    const tree = api.trees.decisions;
    await vscode.commands.executeCommand(COMMAND_IDS.groupBy, 'owner');
    assert.ok(tree.getChildren().some((group) => tree.getTreeItem(group).label === 'Dana Chen'));
    // The pick lists status first.
    await acceptingFirstPick(vscode.commands.executeCommand(COMMAND_IDS.groupBy));
    // The records of the window by status; the git signals stay in their own group after them.
    const labels = tree.getChildren().filter((node) => node.kind === 'group').map((group) => String(tree.getTreeItem(group).label));
    assert.deepEqual(labels, [...new Set(report.decisions.filter((decision) => decision.source === 'adr' && inReportWindow(report, decision)).map((decision) => decision.status))].sort());
  });

  it('selects the only repository without asking', async () => {
    await analysedReport();
    assert.equal((await vscode.commands.executeCommand<vscode.Uri | undefined>(COMMAND_IDS.selectRepository))?.toString(), workspaceRoot().toString());
  });

  it('shows its output channel with the analysis log', async () => {
    await analysedReport();
    await vscode.commands.executeCommand(COMMAND_IDS.showOutput);
    // The output document fills in after it opens.
    const log = (): vscode.TextDocument | undefined => vscode.workspace.textDocuments.find((document) => document.uri.scheme === 'output' && /Decision Orbit/.test(document.uri.path));
    const lines = [/Analysed company \(.+\) at [0-9a-f]{12} in \d+ ms/, /window: .+ up to \d{4}-\d{2}-\d{2}; roster: 2 leaders/, /decisions: \d+ ADRs \(\d+ counted\), \d+ git signals \(\d+ counted\)/, /history cache: (hit|miss)/, /phases: Finding the repository \d+ ms/];
    await waitFor('the Decision Orbit output with the analysis log', () => (lines.every((line) => line.test(log()?.getText() ?? '')) ? true : undefined));
  });

  it('completes people names inside decision-makers with the people the history knows', async () => {
    await analysedReport();
    const uri = recordUri('docs/adr/0001-use-postgresql-for-the-ledger.md');
    const document = await vscode.workspace.openTextDocument(uri);
    const line = document.getText().split('\n').indexOf('decision-makers:');
    assert.ok(line >= 0, 'no decision-makers field');
    const people = async (position: vscode.Position): Promise<vscode.CompletionItem[]> => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
      return list.items.filter((item) => item.kind === vscode.CompletionItemKind.User);
    };
    const inField = await people(new vscode.Position(line, 'decision-makers:'.length));
    const names = inField.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    for (const name of ['Dana Chen', 'Arjun Patel', 'Carol Diaz', 'Bob Li']) assert.ok(names.includes(name), `offered: ${names.join(', ')}`);
    assert.ok(!names.some((name) => /\[bot\]/.test(name)), 'bots are offered');
    assert.match(String(inField.find((item) => item.label === 'Dana Chen')?.detail), /^leadership/);
    // The bullets under the field are part of it; the title line is not.
    assert.ok((await people(new vscode.Position(line + 1, document.lineAt(line + 1).text.length))).length > 0, 'nothing offered on the list item');
    const title = document.getText().split('\n').findIndex((text) => text.startsWith('# '));
    assert.deepEqual(await people(new vscode.Position(title, 2)), []);
    // Every spelling the parser reads people from opens a field: `* Approvers:` in a MADR 2 header.
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((builder) => builder.insert(new vscode.Position(title + 1, 0), '* Approvers: \n'));
    try {
      const approvers = await people(new vscode.Position(title + 1, '* Approvers: '.length));
      assert.ok(approvers.some((item) => item.label === 'Dana Chen'), 'nothing offered after Approvers:');
    } finally {
      await vscode.commands.executeCommand('undo');
      await waitFor('the undo to take the line back', () => (document.isDirty ? undefined : true));
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    }
  });
});
