// A trusted multi-root workspace of two repositories (the multi-root fixture's
// app/ and lib/, each with one record): both analysed, one active at a time.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { COMMAND_IDS } from '../../../src/extension/commands/ids';
import type { DecisionOrbitApi } from '../../../src/extension/extension';
import { acceptingFirstPick, analysesSettled, closeEditorsOf, describeIn, extensionApi, waitFor } from './helpers';

function folder(name: string): vscode.Uri {
  const found = vscode.workspace.workspaceFolders?.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no workspace folder ${name}`);
  return found.uri;
}

async function bothAnalysed(): Promise<DecisionOrbitApi> {
  const api = await extensionApi();
  await api.ready;
  await waitFor('both reports', () => (api.analyses.all.length === 2 && api.analyses.all.every((analysis) => analysis.report) ? true : undefined));
  return api;
}

function treeTitles(api: DecisionOrbitApi): string[] {
  const tree = api.trees.decisions;
  return tree.getChildren().flatMap((group) => tree.getChildren(group).map((node) => String(tree.getTreeItem(node).label)));
}

describeIn(['multi-root'], 'a multi-root workspace of two repositories', () => {
  it('finds both repositories and gives each its own report', async () => {
    const api = await bothAnalysed();
    assert.equal(vscode.workspace.workspaceFolders?.length, 2);
    assert.deepEqual(api.analyses.all.map((analysis) => analysis.root.toString()), [folder('app').toString(), folder('lib').toString()]);
    for (const analysis of api.analyses.all) {
      const name = analysis.root.path.split('/').pop();
      const report = analysis.report;
      assert.ok(report);
      assert.equal(report.repository.root, analysis.root.fsPath);
      assert.deepEqual(report.decisions.filter((decision) => decision.source === 'adr').map((decision) => decision.title), [`Use TypeScript in ${name}`]);
    }
    assert.notEqual(api.analyses.all[0]?.report?.repository.head, api.analyses.all[1]?.report?.repository.head);
  });

  it('puts the owners CodeLens on the records of both repositories, whichever is active', async () => {
    await bothAnalysed();
    for (const name of ['app', 'lib']) {
      const uri = vscode.Uri.joinPath(folder(name), 'docs/adr/0001-use-typescript.md');
      // The providers run on the workbench's model of the file: open it first.
      await vscode.workspace.openTextDocument(uri);
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
      const lens = lenses.find((candidate) => candidate.command?.command === COMMAND_IDS.setOwners);
      assert.match(lens?.command?.title ?? '', /^Owners: Arjun Patel · /, `no owners CodeLens in ${name}`);
    }
  });

  it('switches the active repository; the trees and the status bar follow it', async () => {
    const api = await bothAnalysed();
    const lib = folder('lib');
    const config = vscode.Uri.joinPath(lib, '.decision-orbit.yml');
    const libAnalysis = api.analyses.all.find((analysis) => analysis.root.toString() === lib.toString());
    assert.ok(libAnalysis);
    try {
      // A roster (a window that reaches back to the fixture's dates, a minimum of one decision) for lib only, so its verdict differs from app's.
      assert.equal(await vscode.commands.executeCommand(COMMAND_IDS.configureLeadership, lib, [{ name: 'Arjun Patel', role: 'Architect' }], 'file'), true);
      const editor = vscode.window.activeTextEditor;
      assert.equal(editor?.document.uri.toString(), config.toString());
      await analysesSettled(api);
      assert.ok(await editor.edit((builder) => builder.insert(new vscode.Position(editor.document.lineCount, 0), 'zone:\n  window: 3650d\n  minDecisions: 1\n')));
      // The new file is analysed at once (roster, default zone); the zone lines count from the run after the save.
      const runsBefore = libAnalysis.runs;
      assert.ok(await editor.document.save());
      await waitFor('lib analysed with its roster and zone', () => (libAnalysis.runs > runsBefore && !libAnalysis.isRunning && libAnalysis.report?.leadership.length === 1 ? true : undefined));

      assert.equal((await vscode.commands.executeCommand<vscode.Uri>(COMMAND_IDS.selectRepository, lib))?.toString(), lib.toString());
      assert.equal(api.analyses.active?.root.toString(), lib.toString());
      assert.deepEqual(treeTitles(api).filter((title) => title.startsWith('Use TypeScript')), ['Use TypeScript in lib']);
      const leaders = api.trees.leadership.getChildren().map((node) => String(api.trees.leadership.getTreeItem(node).label));
      assert.deepEqual(leaders, ['Arjun Patel']);
      // One ADR Arjun decided: 1 of 1, whose 80 % Wilson interval 0.378 … 1 does not clear a half.
      assert.equal(libAnalysis.report?.zone.overall.verdict, 'leaning-close');
      assert.ok(api.statusBarText().endsWith('leaning close'), `status bar: ${api.statusBarText()}`);

      assert.equal((await vscode.commands.executeCommand<vscode.Uri>(COMMAND_IDS.selectRepository, folder('app')))?.toString(), folder('app').toString());
      assert.deepEqual(treeTitles(api).filter((title) => title.startsWith('Use TypeScript')), ['Use TypeScript in app']);
      assert.deepEqual(api.trees.leadership.getChildren(), []);
      // app has no roster, so nothing can be weighed against leadership: the status bar says what is missing.
      assert.equal(api.analyses.report?.zone.overall.verdict, 'no-data');
      assert.ok(api.statusBarText().endsWith('Decision Orbit: no roster'), `status bar: ${api.statusBarText()}`);
    } finally {
      await closeEditorsOf(config);
      await vscode.workspace.fs.delete(config).then(undefined, () => undefined);
    }
    await waitFor('lib analysed without the roster', () => (libAnalysis.report?.leadership.length === 0 ? true : undefined));
    await analysesSettled(api);
  });

  it('asks which repository when Select Repository has none named', async () => {
    const api = await bothAnalysed();
    api.analyses.setActive(folder('lib'));
    // The pick lists the repositories in workspace order: app first.
    const chosen = await acceptingFirstPick(vscode.commands.executeCommand<vscode.Uri | undefined>(COMMAND_IDS.selectRepository));
    assert.equal(chosen?.toString(), folder('app').toString());
    assert.equal(api.analyses.active?.root.toString(), folder('app').toString());
  });
});
