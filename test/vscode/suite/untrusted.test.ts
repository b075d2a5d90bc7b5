// The fixture company opened in restricted mode (an untrusted workspace): the
// extension runs no git process, writes nothing, and says why in its views.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { COMMAND_IDS, CONTEXT_KEYS, VIEW_IDS } from '../../../src/extension/commands/ids';
import { commitDocumentUri } from '../../../src/extension/commit-documents';
import type { DecisionOrbitApi } from '../../../src/extension/extension';
import { EXTENSION_ID, describeIn, extensionApi, recordUri, workspaceRoot } from './helpers';

interface ViewWelcome {
  view: string;
  contents: string;
  when?: string;
}

/** Every file of the working tree (outside .git) with a hash of its bytes. */
function snapshot(dir: string, prefix = ''): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of readdirSync(dir).sort()) {
    if (prefix === '' && name === '.git') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) for (const [file, hash] of snapshot(path, `${prefix}${name}/`)) files.set(file, hash);
    else files.set(`${prefix}${name}`, createHash('sha256').update(readFileSync(path)).digest('hex'));
  }
  return files;
}

function totalRuns(api: DecisionOrbitApi): number {
  return api.analyses.all.reduce((sum, analysis) => sum + analysis.runs, 0);
}

async function startedUntrusted(): Promise<DecisionOrbitApi> {
  assert.equal(vscode.workspace.isTrusted, false, 'the workspace is trusted');
  const api = await extensionApi();
  await api.ready;
  return api;
}

describeIn(['untrusted'], 'an untrusted workspace (restricted mode)', () => {
  it('runs no analysis, so no git process: once started it has not even set a repository up to analyse', async () => {
    // `ready` settles when start-up is over; in a trusted workspace the first analyses have finished by then.
    const api = await startedUntrusted();
    assert.equal(api.analyses.report, undefined);
    assert.equal(api.analyses.all.length, 0, 'repositories were set up for analysis');
    assert.equal(totalRuns(api), 0);
    assert.equal(api.statusBarText(), '');
  });

  it('shows the trust welcome, and nothing else, in every view', async () => {
    const api = await startedUntrusted();
    for (const tree of [api.trees.decisions, api.trees.leadership, api.trees.routedAround, api.trees.currentFile]) assert.deepEqual(tree.getChildren(), []);
    // No view says it is looking or analysing: nothing is, and the trust welcome says why.
    for (const view of ['decisions', 'leadership', 'routedAround', 'currentFile'] as const) assert.equal(api.viewHeader(view).message, undefined, view);
    assert.equal(api.contextValue(CONTEXT_KEYS.untrusted), true);
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    const welcomes = (extension?.packageJSON as { contributes: { viewsWelcome: ViewWelcome[] } }).contributes.viewsWelcome;
    // The extension has started: its "Starting Decision Orbit…" welcomes no longer show.
    assert.equal(api.contextValue(CONTEXT_KEYS.started), true);
    for (const view of [VIEW_IDS.decisions, VIEW_IDS.leadership, VIEW_IDS.routedAround, VIEW_IDS.currentFile]) {
      // Every other welcome of the view asks for a trusted workspace or an extension not yet started, so the trust one is what shows.
      const shown = welcomes.filter((welcome) => welcome.view === view && !/^isWorkspaceTrusted\b/.test(welcome.when ?? '') && welcome.when !== `!${CONTEXT_KEYS.started}`);
      assert.equal(shown.length, 1, `${view}: ${shown.map((welcome) => welcome.when).join(' | ')}`);
      // The extension's own key: `!isWorkspaceTrusted` holds for a moment at start-up in a trusted workspace too.
      assert.equal(shown[0]?.when, CONTEXT_KEYS.untrusted);
      assert.match(shown[0]?.contents ?? '', /\[Manage Workspace Trust\]\(command:workbench\.trust\.manage\)/);
    }
  });

  it('refuses every command that needs trust and writes nothing', async () => {
    const api = await startedUntrusted();
    const root = workspaceRoot();
    const record = recordUri('docs/adr/0004-drop-graphql-gateway.md');
    const before = snapshot(root.fsPath);
    const bytes = readFileSync(record.fsPath);
    // Reading a record is fine in restricted mode: it is text in the editor.
    const document = await vscode.workspace.openTextDocument(record);
    const text = document.getText();
    const refusals: Array<[string, unknown[]]> = [
      [COMMAND_IDS.refresh, []],
      [COMMAND_IDS.setOwners, [record, 'decisionMakers', ['Carol Diaz', 'Dana Chen']]],
      [COMMAND_IDS.changeStatus, [record, 'deprecated']],
      [COMMAND_IDS.newRecord, ['Adopt gRPC for internal APIs', root]],
      [COMMAND_IDS.supersede, [record, 'predecessor', recordUri('docs/adr/0003-use-feature-flags-service.md')]],
      [COMMAND_IDS.configureLeadership, [root, [{ name: 'Carol Diaz', role: 'CTO' }], 'settings']],
      [COMMAND_IDS.connectGitHub, ['decision-orbit-test-github']],
    ];
    // Without the guard these resolve to false (no record or report to act on) or, for
    // refresh, start an analysis: only the guard resolves to undefined with nothing run.
    for (const [id, args] of refusals) assert.equal(await vscode.commands.executeCommand(id, ...args), undefined, `${id} did not refuse`);
    // With no repository set up there is nothing a refused command could have started later.
    assert.equal(totalRuns(api), 0);
    assert.equal(api.analyses.all.length, 0);
    assert.equal(document.getText(), text);
    assert.equal(document.isDirty, false);
    assert.ok(readFileSync(record.fsPath).equals(bytes), 'the record on disk changed');
    assert.deepEqual(snapshot(root.fsPath), before);
    assert.equal(vscode.workspace.getConfiguration('decisionOrbit').inspect('leadership')?.globalValue, undefined);
  });

  it('shows a commit as a notice instead of running git for it', async () => {
    await startedUntrusted();
    const head = readFileSync(join(workspaceRoot().fsPath, '.git', 'refs', 'heads', 'main'), 'utf8').trim();
    const document = await vscode.workspace.openTextDocument(commitDocumentUri(workspaceRoot(), head));
    assert.match(document.getText(), /runs no git process in an untrusted workspace/);
  });

  it('exports nothing and finds no decisions without an analysis', async () => {
    await startedUntrusted();
    const target = vscode.Uri.file(join(tmpdir(), `decision-orbit-untrusted-${process.pid}.json`));
    assert.equal(await vscode.commands.executeCommand(COMMAND_IDS.exportReport, 'json', target), undefined);
    assert.equal(existsSync(target.fsPath), false);
    assert.equal(await vscode.commands.executeCommand(COMMAND_IDS.showDecisionsForFile, recordUri('package.json')), undefined);
  });
});
