// When git cannot run, the extension says so once, in terms of what to do, and the
// last report stays on screen: a failed refresh loses nothing. When git runs on
// only part of a repository, the Decisions view says so.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chownSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { COMMAND_IDS } from '../../../src/extension/commands/ids';
import { analysedReport, analysesSettled, describeIn, recordUri, waitFor } from './helpers';

interface CodedError {
  code?: unknown;
  message?: unknown;
  remedy?: unknown;
}

describeIn(['single-folder'], 'git errors and warnings in the extension host', () => {
  it('a missing git executable: a GitMissing error naming the path, the last report kept, and back after the setting is fixed', async () => {
    const { api } = await analysedReport();
    // A refresh the tests before asked for may still end: the report kept is the one after it.
    await analysesSettled(api);
    const report = api.analyses.report;
    assert.ok(report);
    const settings = vscode.workspace.getConfiguration('decisionOrbit');
    const missing = '/nonexistent/decision-orbit-test/git';
    await settings.update('git.path', missing, vscode.ConfigurationTarget.Workspace);
    try {
      await vscode.commands.executeCommand(COMMAND_IDS.refresh);
      const error = await waitFor('the refresh to fail', () => (api.analyses.active?.error as CodedError | undefined) ?? undefined);
      assert.equal(error.code, 'GitMissing');
      assert.match(String(error.message), /git was not found \(looked for "\/nonexistent\/decision-orbit-test\/git"\): install git or set its path/);
      assert.equal(api.analyses.report, report, 'the report from before the failure is still the one shown');
    } finally {
      await settings.update('git.path', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await vscode.commands.executeCommand(COMMAND_IDS.refresh);
    await waitFor('a successful refresh', () => (api.analyses.active?.error === undefined && api.analyses.report !== report ? true : undefined));
    assert.equal(api.analyses.report?.decisions.length, report.decisions.length);
    await analysesSettled(api);
  });

  it('a workspace owned by another user: DubiousOwnership with the command that allows it, the last report kept', async function () {
    if (process.getuid?.() !== 0) this.skip(); // giving a folder to another user takes root, as in CI
    const { api, report } = await analysedReport();
    const root = recordUri('').fsPath;
    const owner = statSync(root);
    chownSync(root, 65534, 65534);
    try {
      await vscode.commands.executeCommand(COMMAND_IDS.refresh);
      const error = await waitFor('the refresh to fail', () => (api.analyses.active?.error as CodedError | undefined) ?? undefined);
      assert.equal(error.code, 'DubiousOwnership');
      assert.equal(error.remedy, `git config --global --add safe.directory '${root}'`);
      assert.match(String(error.message), /the folder is owned by another user\. If you trust it, run: git config --global --add safe\.directory/);
      assert.equal(api.analyses.report, report, 'the report from before the failure is still the one shown');
    } finally {
      chownSync(root, owner.uid, owner.gid);
    }
    await vscode.commands.executeCommand(COMMAND_IDS.refresh);
    await waitFor('a successful refresh', () => (api.analyses.active?.error === undefined && api.analyses.report !== report ? true : undefined));
    await analysesSettled(api);
  });

  it('a shallow repository: the Decisions view says only part of history is analysed, and stops once the history is whole', async () => {
    const { api } = await analysedReport();
    assert.equal(api.decisionsViewMessage(), undefined, 'the company repository has no repository warnings');
    const root = recordUri('').fsPath;
    const shallowFile = join(root, '.git', 'shallow');
    // What git itself writes for a clone with --depth: the commits whose parents were not fetched.
    writeFileSync(shallowFile, execFileSync('git', ['rev-parse', 'HEAD~3'], { cwd: root, encoding: 'utf8' }));
    try {
      await vscode.commands.executeCommand(COMMAND_IDS.refresh);
      const message = await waitFor('the shallow-clone warning', () => api.decisionsViewMessage());
      assert.match(message, /This is a shallow clone: only the fetched part of history is analysed \(run `git fetch --unshallow` for all of it\)\./);
    } finally {
      rmSync(shallowFile, { force: true });
    }
    await vscode.commands.executeCommand(COMMAND_IDS.refresh);
    await waitFor('the warning to go', () => (api.decisionsViewMessage() === undefined ? true : undefined));
    await analysesSettled(api);
  });
});
