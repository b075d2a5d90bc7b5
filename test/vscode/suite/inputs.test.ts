// Bad input reaching the extension: the map page's messages (a page running
// injected script can post anything) are checked against the report it was given,
// and a broken `.decision-orbit.yml` is said where it is wrong, never analysed on
// defaults, the last good analysis kept with a notice.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { COMMAND_IDS } from '../../../src/extension/commands/ids';
import { analysedReport, analysesSettled, describeIn, recordUri, waitFor } from './helpers';

/** Every open tab and every unsaved document: what a message that does nothing leaves as it was. */
function editorState(): string {
  const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs.map((tab) => tab.label));
  const dirty = vscode.workspace.textDocuments.filter((document) => document.isDirty).map((document) => document.uri.toString());
  return JSON.stringify({ tabs, dirty, active: vscode.window.activeTextEditor?.document.uri.toString() });
}

describeIn(['single-folder'], 'the map page\'s messages, as the page would post them', () => {
  it('showCommit, setOwners and openDecision naming what the report does not hold do nothing but say so', async () => {
    const { api, report } = await analysedReport();
    const signal = report.decisions.find((decision) => decision.source === 'git');
    assert.ok(signal, 'the company has git signals');
    const cases: Array<[message: unknown, refusal: RegExp]> = [
      [{ type: 'showCommit', sha: 'f'.repeat(40) }, /^The map asked to show commit f{40}, which the report does not name: nothing was done\.$/],
      [{ type: 'setOwners', id: 'adr:docs/adr/9999-not-there.md' }, /^The map asked to set the owners of decision "adr:docs\/adr\/9999-not-there\.md", which is not in the report: nothing was done\.$/],
      [{ type: 'setOwners', id: 'adr:../../../etc/passwd' }, /^The map asked to set the owners of decision "adr:\.\.\/\.\.\/\.\.\/etc\/passwd", which is not in the report/],
      [{ type: 'setOwners', id: signal.id }, /which is no decision record: nothing was done\.$/],
      [{ type: 'openDecision', id: 'git:pr-99999:dependency' }, /^The map asked to open decision "git:pr-99999:dependency", which is not in the report: nothing was done\.$/],
      [{ type: 'openDecision', id: `adr:${'x'.repeat(500)}` }, /^The map asked to open decision "adr:x{116}…", which is not in the report/],
      [{ type: 'showCommit', sha: 'HEAD' }, /^The map sent a message the extension does not understand: it was ignored\.$/],
      [{ type: 'runCommand', command: 'workbench.action.terminal.new' }, /does not understand/],
      ['{"type":"refresh"}', /does not understand/],
    ];
    const before = editorState();
    const runs = api.analyses.active?.runs;
    for (const [message, refusal] of cases) {
      const said = await api.mapMessage(message);
      assert.match(said ?? '(nothing said)', refusal, JSON.stringify(message));
    }
    assert.equal(editorState(), before, 'no editor opened, nothing edited');
    assert.equal(api.analyses.active?.runs, runs, 'no analysis started');
  });

  it('a commit and a decision the report holds are opened (the same handler, so the refusals above are its checks)', async () => {
    const { api, report } = await analysedReport();
    const record = report.decisions.find((decision) => decision.source === 'adr' && decision.commits.length > 0);
    assert.ok(record?.path);
    assert.equal(await api.mapMessage({ type: 'openDecision', id: record.id }), undefined);
    await waitFor('the record to open', () => (vscode.window.activeTextEditor?.document.uri.toString() === recordUri(record.path ?? '').toString() ? true : undefined));
    const sha = record.commits[0] ?? '';
    assert.equal(await api.mapMessage({ type: 'showCommit', sha }), undefined);
    await waitFor('the commit to open', () => (vscode.window.activeTextEditor?.document.getText().includes(sha) ? true : undefined));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});

describeIn(['single-folder'], 'a broken config in the extension', () => {
  it('is shown in the Problems view on its lines, the last good analysis stays with a notice, and all clears once fixed', async () => {
    const { api, report } = await analysedReport();
    await analysesSettled(api);
    const config = recordUri('.decision-orbit.yml');
    const good = readFileSync(config.fsPath);
    const broken = 'leadership:\n  - name: Dana Chen\n    role: 7\n  - name: Dana Chen\nzone:\n  tooFarr: 0.4\n';
    try {
      writeFileSync(config.fsPath, broken);
      await vscode.commands.executeCommand(COMMAND_IDS.refresh);
      const error = await waitFor('the refresh to fail', () => (api.analyses.active?.error as { name?: string } | undefined) ?? undefined);
      assert.equal(error.name, 'ConfigError');
      assert.equal(api.analyses.report, report, 'the last good analysis is kept, never one on defaults');
      const diagnostics = await waitFor('the diagnostics', () => {
        const found = vscode.languages.getDiagnostics(config);
        return found.length > 0 ? found : undefined;
      });
      assert.deepEqual(diagnostics.map((d) => [d.range.start.line + 1, d.severity, d.message]), [
        [3, vscode.DiagnosticSeverity.Error, 'leadership.0.role: Invalid input: expected string, received number'],
        [6, vscode.DiagnosticSeverity.Error, 'zone.tooFarr: unknown key'],
      ]);
      assert.ok(api.statusBarText().startsWith('$(warning) '), api.statusBarText());
      assert.match(api.statusBarTooltip(), /^Decision Orbit: the last analysis failed: \.decision-orbit\.yml:3: leadership\.0\.role: .* \(and 1 more problem\) The analysis from before stays shown\./);

      // Types fixed, the leader still listed twice: both lines named, on the second.
      writeFileSync(config.fsPath, 'leadership:\n  - name: Dana Chen\n  - name: Dana Chen\n');
      await vscode.commands.executeCommand(COMMAND_IDS.refresh);
      await waitFor('the duplicate to be shown', () => {
        const found = vscode.languages.getDiagnostics(config).map((d) => `${d.range.start.line + 1}: ${d.message}`);
        return found.join() === '3: Dana Chen is listed twice in leadership (lines 2 and 3)' ? true : undefined;
      });
      assert.equal(api.analyses.report, report);
    } finally {
      writeFileSync(config.fsPath, good);
    }
    await vscode.commands.executeCommand(COMMAND_IDS.refresh);
    await waitFor('a successful refresh', () => (api.analyses.active?.error === undefined && api.analyses.report !== report ? true : undefined));
    assert.deepEqual(vscode.languages.getDiagnostics(config), []);
    assert.ok(!api.statusBarText().startsWith('$(warning)'), api.statusBarText());
    await analysesSettled(api);
  });
});
