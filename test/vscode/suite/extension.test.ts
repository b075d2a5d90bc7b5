// The extension in the real extension host, on the fixture company repository
// (one trusted folder). The live-refresh block adds a commit, so it stays last.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as vscode from 'vscode';
import { COMMAND_IDS } from '../../../src/extension/commands/ids';
import { personName, whyAround } from '../../../src/present/describe';
import { decidersOf } from '../../../src/rules/zone';
import { analysedReport, analysesSettled, AUTOLINK_START, describeIn, recordUri, waitFor } from './helpers';

/** The verdicts in the words the views use, written out here rather than taken from the source's table. */
const VERDICT_TEXT = {
  'too-close': 'too close', goldilocks: 'Goldilocks', 'too-far': 'too far', 'leaning-close': 'leaning close', 'leaning-far': 'leaning far', split: 'split', 'no-data': 'no data',
} as const;

describeIn(['single-folder'], 'views on the fixture company', () => {
  it('groups the records by status, area and owner, the signals in one group, over the window or all time', async () => {
    const { api, report } = await analysedReport();
    const tree = api.trees.decisions;
    const labels = (): string[] => tree.getChildren().map((node) => String(tree.getTreeItem(node).label));
    assert.ok(labels().includes('accepted'), `status groups: ${labels().join(', ')}`);
    await vscode.commands.executeCommand(COMMAND_IDS.groupBy, 'area');
    assert.ok(labels().includes('payments'), `area groups: ${labels().join(', ')}`);
    await vscode.commands.executeCommand(COMMAND_IDS.showAllTime);
    const shown = (): number => tree.getChildren().reduce((sum, node) => sum + tree.getChildren(node).reduce((inner, child) => inner + Math.max(1, tree.getChildren(child).length), 0), 0);
    assert.equal(shown(), report.decisions.length);
    await vscode.commands.executeCommand(COMMAND_IDS.groupBy, 'owner');
    assert.ok(labels().includes('Dana Chen'), `owner groups: ${labels().join(', ')}`);
    await vscode.commands.executeCommand(COMMAND_IDS.groupBy, 'status');
    await vscode.commands.executeCommand(COMMAND_IDS.showReportWindow);
  });

  it('lists each leader with a verdict and their decisions by level', async () => {
    const { api, report } = await analysedReport();
    const tree = api.trees.leadership;
    const leaders = tree.getChildren();
    const labels = leaders.map((node) => String(tree.getTreeItem(node).label));
    assert.deepEqual(labels.sort(), ['Arjun Patel', 'Dana Chen']);
    const dana = leaders.find((node) => tree.getTreeItem(node).label === 'Dana Chen');
    assert.ok(dana);
    // The window ends today, so the verdict moves with the clock: the view must show Dana's own one, in words.
    const danaId = report.people.find((person) => person.name === 'Dana Chen')?.id ?? '';
    const verdict = report.zone.byLeader[danaId]?.verdict;
    assert.ok(verdict, `no zone for ${danaId}`);
    assert.ok(String(tree.getTreeItem(dana).description).startsWith(`${VERDICT_TEXT[verdict]}`), String(tree.getTreeItem(dana).description));
    assert.match(String(tree.getTreeItem(dana).description), / · CTO · \d+ decisions?$/);
    const levels = tree.getChildren(dana);
    assert.deepEqual(levels.map((node) => tree.getTreeItem(node).label), ['decided', 'consulted', 'informed', 'routed around']);
    const decided = levels[0];
    assert.ok(decided);
    const titles = tree.getChildren(decided).map((node) => tree.getTreeItem(node).label);
    assert.ok(titles.includes('Use PostgreSQL for the ledger'), `Dana decided: ${titles.join(', ')}`);
  });

  it('lists routed-around decisions by area, newest first, under their owners', async () => {
    const { api, report } = await analysedReport();
    const tree = api.trees.routedAround;
    const areas = tree.getChildren();
    const decisions = areas.flatMap((area) => tree.getChildren(area));
    const items = decisions.map((node) => tree.getTreeItem(node));
    assert.ok(items.length > 0, 'nothing routed around');
    assert.ok(areas.every((area) => /^\d+ made without leadership$/.test(String(tree.getTreeItem(area).description))));
    assert.ok(items.every((item) => /^(\d{4}-\d{2}-\d{2}|undated) · owners: /.test(String(item.description))), items.map((item) => item.description).join(' | '));
    for (const area of areas) {
      const dates = tree.getChildren(area).map((node) => (node.kind === 'decision' ? node.decision.date ?? '' : ''));
      assert.deepEqual(dates, [...dates].sort().reverse());
    }
    // The why, in the CLI's words, is in each decision's tooltip, and each owner with how far from leadership their decisions were made.
    let owned = 0;
    for (const node of decisions) {
      const tooltip = tree.getTreeItem(node).tooltip;
      const why = node.kind === 'decision' ? whyAround(report, node.decision) : '';
      assert.ok(tooltip instanceof vscode.MarkdownString && tooltip.value.includes('Made without leadership') && /no leader decided/.test(why), String(tooltip));
      for (const owner of node.kind === 'decision' ? decidersOf(node.decision) : []) {
        owned += 1;
        assert.match(tooltip.value, new RegExp(`${personName(report, owner)} \\(\\d+ % away from leadership\\)`), tooltip.value);
      }
    }
    assert.ok(owned > 0, 'no routed-around decision names who decided it');
  });

  it('shows the roster verdict in the status bar', async () => {
    const { api, report } = await analysedReport();
    assert.ok(api.statusBarText().endsWith(VERDICT_TEXT[report.zone.overall.verdict]), `status bar: ${api.statusBarText()}`);
  });
});

describeIn(['single-folder'], 'decision records in the editor', () => {
  it('puts the owners CodeLens on the title line', async () => {
    await analysedReport();
    const uri = recordUri('docs/adr/0001-use-postgresql-for-the-ledger.md');
    const document = await vscode.workspace.openTextDocument(uri);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    const lens = lenses.find((candidate) => candidate.command?.command === COMMAND_IDS.setOwners);
    assert.ok(lens?.command, 'no owners CodeLens');
    assert.match(lens.command.title, /^Owners: Dana Chen · Leadership: decided · \d+ commits?$/);
    assert.match(document.lineAt(lens.range.start.line).text, /Use PostgreSQL for the ledger/);
  });

  it('flags a record without decision-makers and offers a quick fix', async () => {
    const { api } = await analysedReport();
    const uri = recordUri('docs/adr/0004-drop-graphql-gateway.md');
    await vscode.window.showTextDocument(uri);
    const diagnostic = await waitForDiagnostic(api.diagnostics, uri, 'no-decision-makers');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range);
    assert.ok(actions.some((action) => action.title === 'Name the decision-makers…'), actions.map((action) => action.title).join(', '));
  });

  it('sets owners through an undoable edit that changes only that field', async () => {
    await analysedReport();
    const uri = recordUri('docs/adr/0004-drop-graphql-gateway.md');
    const editor = await vscode.window.showTextDocument(uri);
    const before = editor.document.getText();
    assert.equal(await vscode.commands.executeCommand(COMMAND_IDS.setOwners, uri, 'decisionMakers', ['Carol Diaz', 'Dana Chen']), true);
    const after = editor.document.getText();
    assert.notEqual(after, before);
    assert.match(after, /Carol Diaz/);
    assert.match(after, /Dana Chen/);
    const changedLines = after.split('\n').filter((line) => !before.split('\n').includes(line));
    assert.ok(changedLines.every((line) => /Carol Diaz|Dana Chen|decision-makers/.test(line)), `changed: ${changedLines.join(' | ')}`);
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), before);
  });

  it('changes a status through an undoable edit', async () => {
    await analysedReport();
    const uri = recordUri('docs/adr/0006-adopt-opentelemetry.md');
    const editor = await vscode.window.showTextDocument(uri);
    const before = editor.document.getText();
    assert.equal(await vscode.commands.executeCommand(COMMAND_IDS.changeStatus, uri, 'accepted'), true);
    assert.match(editor.document.getText(), /accepted/);
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), before);
  });

  it('says who a name in a people field resolves to', async () => {
    await analysedReport();
    const uri = recordUri('docs/adr/0002-adopt-event-sourcing-for-payments.md');
    const document = await vscode.workspace.openTextDocument(uri);
    const line = document.getText().split('\n').findIndex((text) => text.includes('@apatel'));
    assert.ok(line >= 0, 'no @apatel in the record');
    const character = document.lineAt(line).text.indexOf('@apatel') + 2;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(line, character));
    const markdown = hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
    const text = markdown.replace(/&nbsp;/g, ' ').replace(/\\([\\()[\]*_#.!@-])/g, '$1');
    assert.match(text, /Arjun Patel \(leadership\)/);
    assert.match(text, /Emails: arjun@acme\.io/);
    assert.doesNotMatch(markdown, AUTOLINK_START, 'an address reaches the renderer escaped, or it becomes a mailto: link');
  });
});

describeIn(['single-folder'], 'the map and exports', () => {
  it('opens the map in a webview with a strict CSP and a nonce', async () => {
    const { api } = await analysedReport();
    await vscode.commands.executeCommand(COMMAND_IDS.openMap);
    const html = api.getMapHtml();
    assert.ok(html, 'no map panel');
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /connect-src 'none'/);
    const nonce = /script-src 'nonce-([A-Za-z0-9+/=]{16,})'/.exec(csp)?.[1];
    assert.ok(nonce, `no nonce in ${csp}`);
    assert.ok(html.includes(`<script nonce="${nonce}"`), 'the script does not carry the nonce');
    assert.doesNotMatch(html, /\son[a-z]+=/i, 'inline event handlers');
  });

  it('exports the report as valid JSON', async () => {
    const { report } = await analysedReport();
    const target = vscode.Uri.joinPath(vscode.Uri.file(tmpdir()), `decision-orbit-${process.pid}.json`);
    await vscode.commands.executeCommand(COMMAND_IDS.exportReport, 'json', target);
    const exported = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(target)));
    assert.equal(exported.schema, 'decision-orbit/v2');
    assert.equal(exported.decisions.length, report.decisions.length);
  });
});

describeIn(['single-folder'], 'live refresh', () => {
  it('coalesces a burst of 100 refresh requests into at most two analyses', async () => {
    const { api } = await analysedReport();
    const analysis = api.analyses.active;
    assert.ok(analysis);
    const before = analysis.runs;
    // The burst is spread over a second, as a checkout's file events are.
    for (let index = 0; index < 100; index += 1) {
      analysis.requestRefresh();
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await waitFor('the burst to settle', () => (analysis.refreshPending || analysis.isRunning ? undefined : true));
    const runs = analysis.runs - before;
    assert.ok(runs >= 1 && runs <= 2, `${runs} analyses`);
  });

  it('sees a new commit after a refresh', async () => {
    const { api, report } = await analysedReport();
    const root = recordUri('').fsPath;
    const env = { ...process.env, GIT_AUTHOR_NAME: 'Carol Diaz', GIT_AUTHOR_EMAIL: 'carol@acme.io', GIT_COMMITTER_NAME: 'Carol Diaz', GIT_COMMITTER_EMAIL: 'carol@acme.io', GIT_AUTHOR_DATE: '2026-09-20T10:00:00Z', GIT_COMMITTER_DATE: '2026-09-20T10:00:00Z' };
    writeFileSync(`${root}/Dockerfile.worker`, 'FROM node:20\n');
    execFileSync('git', ['add', 'Dockerfile.worker'], { cwd: root, env });
    execFileSync('git', ['-c', 'core.hooksPath=/dev/null', 'commit', '-q', '-m', 'Add a worker image'], { cwd: root, env });
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, env }).toString().trim();
    await vscode.commands.executeCommand(COMMAND_IDS.refresh);
    const refreshed = await waitFor('a report at the new head', () => (api.analyses.report?.repository.head === head ? api.analyses.report : undefined));
    assert.ok(refreshed.decisions.some((decision) => decision.kind === 'infrastructure' && decision.commits.includes(head)));
    assert.ok(refreshed.decisions.length > report.decisions.length);
    // The commit also reaches the file watchers, whose refresh must not land in the next test.
    await analysesSettled(api);
  });
});

async function waitForDiagnostic(collection: vscode.DiagnosticCollection, uri: vscode.Uri, code: string): Promise<vscode.Diagnostic> {
  return waitFor(`diagnostic ${code}`, () => collection.get(uri)?.find((diagnostic) => diagnostic.code === code));
}

