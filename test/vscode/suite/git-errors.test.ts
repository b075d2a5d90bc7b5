// When git cannot run, the extension says so once, in terms of what to do, and the
// last report stays on screen: a failed refresh loses nothing. When git runs on
// only part of a repository, the Decisions view says so in its warnings row.
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

  it('a shallow repository with bulk record imports: one warnings row above the records, however many warnings, that opens the Output', async () => {
    const { api } = await analysedReport();
    const tree = api.trees.decisions;
    type Row = ReturnType<typeof tree.getChildren>[number];
    const warningsRow = (): Extract<Row, { kind: 'warnings' }> | undefined => tree.getChildren().find((node): node is Extract<Row, { kind: 'warnings' }> => node.kind === 'warnings');
    assert.equal(warningsRow(), undefined, 'the company repository has no repository warnings');
    const root = recordUri('').fsPath;
    const git = (...args: string[]): string => execFileSync('git', ['-c', 'commit.gpgsign=false', '-c', 'core.hooksPath=/dev/null', ...args], {
      cwd: root, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 'Importer', GIT_AUTHOR_EMAIL: 'importer@example.com', GIT_COMMITTER_NAME: 'Importer', GIT_COMMITTER_EMAIL: 'importer@example.com' },
    }).trim();
    const head = git('rev-parse', 'HEAD');
    const shallowFile = join(root, '.git', 'shallow');
    // What git itself writes for a clone with --depth: the commits whose parents were not fetched.
    writeFileSync(shallowFile, `${git('rev-parse', 'HEAD~3')}\n`);
    // Two imports of six records each: a warning apiece, as a repository that imported its records in bulk has dozens.
    for (const batch of [0, 1]) {
      for (let index = 0; index < 6; index += 1) {
        const number = 900 + batch * 10 + index;
        writeFileSync(join(root, 'docs', 'adr', `0${number}-imported-${number}.md`), `# Imported ${number}\n\n## Status\n\nAccepted\n`);
      }
      git('add', 'docs/adr');
      git('commit', '-q', '-m', `Import records, batch ${batch + 1}`);
    }
    try {
      await vscode.commands.executeCommand(COMMAND_IDS.refresh);
      // As a fresh analysis of the shallow clone says: the oldest commit fetched adds every record it holds (nine), each batch six.
      const row = await waitFor('the warnings row', () => (warningsRow()?.warnings.length === 4 ? warningsRow() : undefined));
      const roots = tree.getChildren();
      assert.equal(roots[0]?.kind, 'warnings', 'the warnings row heads the view');
      assert.equal(roots.filter((node) => node.kind === 'warnings').length, 1);
      assert.ok(roots.slice(1).some((node) => node.kind === 'group'), 'the records follow it');
      assert.equal(api.decisionsViewMessage(), undefined, 'no warning text above the tree pushes the records down');
      const item = tree.getTreeItem(row);
      assert.equal(item.label, '4 warnings');
      assert.equal(item.description, 'open the Output');
      assert.equal(item.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
      assert.equal(item.command?.command, COMMAND_IDS.showOutput);
      const listed = tree.getChildren(row).map((node) => String(tree.getTreeItem(node).label));
      assert.equal(listed.filter((label) => /^This is a shallow clone: only the fetched part of history is analysed \(run `git fetch --unshallow` for all of it\)\.$/.test(label)).length, 1, listed.join(' | '));
      assert.equal(listed.filter((label) => /^commit [0-9a-f]{10} added 6 records at once/.test(label)).length, 2, listed.join(' | '));
      assert.equal(listed.filter((label) => /^commit [0-9a-f]{10} added 9 records at once/.test(label)).length, 1, listed.join(' | '));
    } finally {
      rmSync(shallowFile, { force: true });
      git('reset', '-q', '--hard', head);
    }
    await vscode.commands.executeCommand(COMMAND_IDS.refresh);
    await waitFor('the warnings to go', () => (warningsRow() === undefined ? true : undefined));
    await analysesSettled(api);
  });
});
