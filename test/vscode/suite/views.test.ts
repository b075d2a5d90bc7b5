// The sidebar, the status bar and the map tell one story on the fixture company
// (a roster of two): one window everywhere, records first, honest loading, the
// trees' context menu. The roster block moves the config file away and back, so
// it stays last.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { percent, routedAroundInWindow, windowBrief, windowWords } from '../../../src/present/describe';
import { inReportWindow } from '../../../src/rules/report-window';
import { inWindow } from '../../../src/rules/zone-window';
import { COUNTED_LEVELS, isCounted } from '../../../src/rules/decision-rules';
import { analyzeRepository } from '../../../src/core/analyze';
import { decisionsOfLeader } from '../../../src/extension/trees/leadership-tree';
import { cloneRepo } from '../../fixtures/git';
import { EVE } from '../../fixtures/company-people';
import { defaultState } from '../../../src/webview/state';
import { buildViewModel, routedAroundOf } from '../../../src/webview/view-model';
import type { Decision, Report, SourceZone } from '../../../src/core/model/report';
import { COMMAND_IDS } from '../../../src/extension/commands/ids';
import { gitServesRepository } from '../../../src/extension/analysis/repositories';
import { windowSentence } from '../../../src/extension/trees/view-headers';
import { commitChanges, diffResources } from '../../../src/extension/commands/tree-actions';
import { verdictLine } from '../../../src/present/describe';
import { analysedReport, analysesSettled, describeIn, recordUri, waitFor, workspaceRoot } from './helpers';

type Level = 'decided' | 'consulted' | 'informed' | 'around';

/** What a list of decisions weighs per source, as a share of the zone's weight for that source. */
function shareOf(decisions: readonly Decision[], source: 'adr' | 'git', zone: SourceZone): number {
  const weight = decisions.filter((decision) => decision.source === source).reduce((sum, decision) => sum + decision.weight, 0);
  return zone.weight === 0 ? 0 : weight / zone.weight;
}

function nearly(actual: number, expected: number, what: string): void {
  assert.ok(Math.abs(actual - expected) < 1e-4, `${what}: ${actual} where the zone says ${expected}`);
}

function decisionsUnder<T>(tree: vscode.TreeDataProvider<T>, node: T): Decision[] {
  const children = (tree.getChildren(node) ?? []) as T[];
  return children.flatMap((child) => {
    const value = child as { kind?: string; decision?: Decision };
    return value.kind === 'decision' && value.decision ? [value.decision] : decisionsUnder(tree, child);
  });
}

function ids(decisions: readonly Decision[]): string[] {
  return decisions.map((decision) => decision.id).sort();
}

/** The map, with a leader at its centre and nothing chosen, holds each level of that leader what the Leadership view lists. */
function assertMapAgrees(report: Report): void {
  const roster = buildViewModel(report, defaultState());
  assert.equal(roster.zones, report.zone);
  for (const { person } of report.leadership) {
    const centred = buildViewModel(report, { ...defaultState(), focus: person });
    for (const level of COUNTED_LEVELS) {
      const onMap = centred.decisions.filter((decision) => isCounted(decision) && centred.levelOf(decision) === level);
      assert.deepEqual(ids(onMap), ids(decisionsOfLeader(report, person, level)), `${person} ${level}: the map and the Leadership view`);
    }
  }
}

describeIn(['single-folder'], 'one period in every view', () => {
  it('agrees, number for number, between the trees, the badge, the status bar, the tooltips and the report the map is sent', async () => {
    const { api } = await analysedReport();
    const report = api.analyses.report as Report;
    const zone = report.zone.overall;
    assert.ok(zone.sources, 'the zone has no sources');
    // Routed around: the same decisions the zone weighed as around, per source.
    const around = api.trees.routedAround;
    const listed = around.getChildren().flatMap((area) => decisionsUnder(around, area));
    for (const source of ['adr', 'git'] as const) nearly(shareOf(listed, source, zone.sources[source]), zone.sources[source].around, `routed around, ${source}`);
    assert.equal(api.viewHeader('routedAround').badge, listed.length);
    // Each leader: every level's list weighs what that leader's zone says, and the description counts what the zone counted.
    const leadership = api.trees.leadership;
    for (const leader of leadership.getChildren()) {
      if (leader.kind !== 'leader') continue;
      const leaderZone = report.zone.byLeader[leader.person];
      assert.ok(leaderZone?.sources, `no zone for ${leader.person}`);
      let counted = 0;
      for (const levelNode of leadership.getChildren(leader)) {
        if (levelNode.kind !== 'level') continue;
        const level: Level = levelNode.level;
        const decisions = decisionsUnder(leadership, levelNode);
        assert.equal(leadership.getTreeItem(levelNode).description, String(decisions.length));
        counted += decisions.length;
        for (const source of ['adr', 'git'] as const) nearly(shareOf(decisions, source, leaderZone.sources[source]), leaderZone.sources[source][level], `${leader.person} ${level}, ${source}`);
      }
      assert.equal(counted, leaderZone.sources.adr.count + leaderZone.sources.git.count);
      const tooltip = leadership.getTreeItem(leader).tooltip;
      assert.ok(tooltip instanceof vscode.MarkdownString);
      assert.ok(tooltip.value.includes(`around ${percent(leaderZone.around)} (${leaderZone.count} decision`), tooltip.value);
    }
    // The status bar says the roster's shares over the window the views name in their headers.
    // The headers say it short enough to read beside "Routed around" (the full sentence above the leaders), the tooltip in full.
    const window = api.viewHeader('leadership').description ?? '';
    assert.equal(window, windowBrief(report));
    assert.ok(window.length <= 22, `"${window}" is cut off at a normal sidebar width`);
    assert.equal(api.viewHeader('routedAround').description, window);
    assert.equal(api.viewHeader('decisions').description, window);
    const words = windowWords(report);
    assert.notEqual(words, window, 'the fixture\'s sources share one window: the short header is not what runs');
    assert.equal(api.viewHeader('leadership').message, windowSentence(report));
    assert.ok(windowSentence(report)?.startsWith(`Window: ${words}, up to ${report.repository.window.until}.`), windowSentence(report));
    const status = api.statusBarTooltip();
    assert.ok(status.includes(`Window: ${words},`), status);
    assert.ok(status.includes(`decided ${percent(zone.decided)} · consulted/informed ${percent(zone.consulted + zone.informed)} · around ${percent(zone.around)} (${zone.count} decision`), status);
    // The map is sent this very report, and a reader who has chosen nothing sees there what the sidebar lists.
    await vscode.commands.executeCommand(COMMAND_IDS.openMap);
    assert.ok(api.getMapHtml(), 'no map panel');
    assert.equal(api.analyses.report, report);
    assert.deepEqual(ids(routedAroundOf(buildViewModel(report, defaultState()))), ids(listed));
    assertMapAgrees(report);
  });

  it('agrees between the map and the views where the signals reach back less far than the records', async () => {
    await analysedReport();
    const scratch = mkdtempSync(join(tmpdir(), 'do-busy-'));
    try {
      // The company with 21 dependencies added after its HEAD, a day apart, by Eve: the signals'
      // 180 days hold 20 or more, so their window is not widened, and the records' still is.
      const repo = await cloneRepo(workspaceRoot().fsPath, join(scratch, 'busy'), { shared: true });
      const manifest = JSON.parse(readFileSync(join(repo.root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
      for (let day = 0; day < 21; day += 1) {
        manifest.dependencies[`dep-${day}`] = '^1.0.0';
        await repo.commit({ author: EVE, date: new Date(Date.parse('2026-09-16T10:00:00Z') + day * 86_400_000).toISOString().replace('.000Z', 'Z'), message: `Add dep-${day}`, files: { 'package.json': `${JSON.stringify(manifest, null, 2)}\n` } });
      }
      const report = await analyzeRepository({ root: repo.root, now: new Date('2026-10-10T00:00:00Z') });
      assert.ok(report.decisions.some((decision) => decision.source === 'git' && isCounted(decision) && inWindow(decision.date, report.repository.window) && !inReportWindow(report, decision)), 'no counted signal between the two windows: the per-source window is not what runs');
      assert.deepEqual(ids(routedAroundOf(buildViewModel(report, defaultState()))), ids(routedAroundInWindow(report)));
      assertMapAgrees(report);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  it('says a split with what each source says, and a leaning as leaning', () => {
    const zone = { decided: 0.4, consulted: 0.1, informed: 0, around: 0.5, count: 30, weight: 20 };
    assert.equal(verdictLine({ ...zone, verdict: 'split', split: { adr: 'too-close', git: 'leaning-far' } }), 'split: decided on paper, not in code (ADRs too close, git signals leaning far)');
    assert.equal(verdictLine({ ...zone, verdict: 'leaning-far' }), 'leaning far');
  });

  it('watched the views from folder open to populated without a wrong empty state', async () => {
    const { api } = await analysedReport();
    const moments = api.viewMoments();
    assert.ok(moments.length >= 2, `only ${moments.length} moment(s): ${JSON.stringify(moments)}`);
    assert.ok(moments.every((moment) => moment.phase !== 'no-repository' && moment.phase !== 'failed'), JSON.stringify(moments));
    for (const moment of moments.filter((m) => m.phase === 'discovering' || m.phase === 'analysing')) {
      for (const view of ['decisions', 'leadership', 'routedAround', 'currentFile'] as const) assert.match(moment.messages[view] ?? '', /^(Looking for repositories|Analysing [^ ]+ — .+)…$/, `${view} in ${JSON.stringify(moment)}`);
    }
    assert.ok(moments.some((moment) => moment.phase === 'analysing'), 'the analysis was never shown as running');
    assert.equal(moments[moments.length - 1]?.phase, 'analysed');
    assert.equal(api.viewHeader('routedAround').message, undefined);
    assert.equal(api.viewHeader('leadership').message, windowSentence(api.analyses.report as Report));
  });
});

describeIn(['single-folder'], 'records first, and the current file', () => {
  it('puts the records before one closed group of signals, bots by name, and filters by source', async () => {
    const { api, report } = await analysedReport();
    const tree = api.trees.decisions;
    await vscode.commands.executeCommand(COMMAND_IDS.showAllTime);
    const roots = tree.getChildren();
    const signals = roots.find((node) => node.kind === 'signals');
    assert.ok(signals, 'no git signals group');
    const firstSignals = roots.indexOf(signals);
    assert.ok(roots.slice(0, firstSignals).every((node) => node.kind === 'group' && node.decisions.every((decision) => decision.source === 'adr')));
    assert.equal(tree.getTreeItem(signals).collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    const groups = tree.getChildren(signals).map((node) => String(tree.getTreeItem(node).label));
    assert.ok(groups.includes('Dependabot'), `signal groups: ${groups.join(', ')}`);
    const ids = decisionsUnder(tree, signals).map((decision) => decision.id);
    assert.equal(new Set(ids).size, ids.length, 'a signal is listed twice');
    assert.equal(ids.length, report.decisions.filter((decision) => decision.source === 'git').length);
    await vscode.commands.executeCommand(COMMAND_IDS.filterSources, 'adr');
    assert.ok(tree.getChildren().every((node) => node.kind === 'group'));
    await vscode.commands.executeCommand(COMMAND_IDS.filterSources, 'git');
    assert.deepEqual(tree.getChildren().map((node) => node.kind), ['signals']);
    assert.match(api.viewHeader('decisions').description ?? '', /git signals only$/);
    await vscode.commands.executeCommand(COMMAND_IDS.filterSources, 'all');
    await vscode.commands.executeCommand(COMMAND_IDS.showReportWindow);
  });

  it('shows the decisions of the file in the editor, falling back to its area, and who to ask', async () => {
    const { api } = await analysedReport();
    const tree = api.trees.currentFile;
    await vscode.window.showTextDocument(recordUri('services/payments/package.json'));
    const labels = await waitFor('the current file view', () => {
      const shown = tree.getChildren().map((node) => String(tree.getTreeItem(node).label));
      return shown.length > 0 ? shown : undefined;
    });
    assert.match(labels[0] ?? '', /^Ask: /);
    assert.ok(labels.includes('Adopt event sourcing for payments'), labels.join(' | '));
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('puts a decisions CodeLens on any file only when the setting is on', async () => {
    await analysedReport();
    const uri = recordUri('services/payments/package.json');
    const lensTitles = async (): Promise<string[]> => (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)).flatMap((lens) => (lens.command ? [lens.command.title] : []));
    assert.deepEqual(await lensTitles(), []);
    const settings = vscode.workspace.getConfiguration('decisionOrbit');
    await settings.update('codeLens.allFiles', true, vscode.ConfigurationTarget.Global);
    try {
      const titles = await waitFor('the file CodeLens', async () => {
        const shown = await lensTitles();
        return shown.length > 0 ? shown : undefined;
      });
      assert.match(titles[0] ?? '', /^\d+ decisions? · ask .+$/);
    } finally {
      await settings.update('codeLens.allFiles', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});

describeIn(['single-folder'], "a decision's context menu", () => {
  it('shows a commit as a diff of git: documents against its first parent', async () => {
    const { report } = await analysedReport();
    const dockerfile = report.decisions.find((decision) => decision.id === 'git:pr-8');
    const sha = dockerfile?.commits[dockerfile.commits.length - 1];
    assert.ok(sha, 'no PR #8');
    const root = workspaceRoot();
    const resources = diffResources(root, sha, await commitChanges(root, sha, undefined));
    const added = resources.find(([file]) => file.path.endsWith('/Dockerfile'));
    assert.ok(added, resources.map(([file]) => file.path).join(', '));
    assert.equal(added[1], undefined);
    assert.equal(added[2]?.scheme, 'git');
    assert.deepEqual(JSON.parse(added[2]?.query ?? '{}'), { path: vscode.Uri.joinPath(root, 'Dockerfile').fsPath, ref: sha });
    // From the context menu: a changes editor titled by the commit where the Git extension serves `git:`, else the commit's text.
    await vscode.commands.executeCommand(COMMAND_IDS.showCommit, { kind: 'decision', decision: dockerfile });
    const served = await gitServesRepository(root);
    const tab = await waitFor('the commit in an editor', () => vscode.window.tabGroups.all.flatMap((group) => group.tabs).find((candidate) =>
      (served ? candidate.label.startsWith(`Commit ${sha.slice(0, 8)}`) : candidate.input instanceof vscode.TabInputText && candidate.input.uri.path === `/${sha}.txt`)));
    assert.equal(tab.input instanceof vscode.TabInputText, !served);
    await vscode.window.tabGroups.close(tab);
  });

  it('copies a link and reveals a decision in the map', async () => {
    const { api, report } = await analysedReport();
    const record = report.decisions.find((decision) => decision.source === 'adr' && decision.path);
    assert.ok(record?.path);
    // The fixture has no remote: the link is the record's path in the repository.
    assert.equal(await vscode.commands.executeCommand(COMMAND_IDS.copyLink, { kind: 'decision', decision: record }), record.path);
    assert.equal(await vscode.env.clipboard.readText(), record.path);
    await vscode.commands.executeCommand(COMMAND_IDS.revealInMap, { kind: 'decision', decision: record });
    assert.ok(api.getMapHtml(), 'the map did not open');
  });
});

describeIn(['single-folder'], 'without a roster', () => {
  it('says "no roster" in the status bar, lists nothing as routed around and shows no badge', async () => {
    const { api } = await analysedReport();
    const config = recordUri('.decision-orbit.yml').fsPath;
    const aside = `${config}.aside`;
    renameSync(config, aside);
    try {
      await vscode.commands.executeCommand(COMMAND_IDS.refresh);
      await waitFor('a report without a roster', () => (api.analyses.report?.leadership.length === 0 ? true : undefined));
      assert.equal(api.statusBarText(), '$(organization) Decision Orbit: no roster');
      assert.equal(api.statusBarCommand(), COMMAND_IDS.configureLeadership);
      assert.deepEqual(api.trees.routedAround.getChildren(), []);
      assert.equal(api.viewHeader('routedAround').badge, undefined);
      const record = recordUri('docs/adr/0001-use-postgresql-for-the-ledger.md');
      await vscode.workspace.openTextDocument(record);
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', record).then((found) => found, (error: unknown) => {
        throw new Error(`the CodeLens of a record failed: ${error instanceof Error ? error.stack : String(error)}`);
      });
      const owners = lenses.find((lens) => lens.command?.title.startsWith('Owners:'))?.command?.title;
      assert.match(owners ?? '', /^Owners: Dana Chen · \d+ commits?$/);
    } finally {
      renameSync(aside, config);
      await vscode.commands.executeCommand(COMMAND_IDS.refresh);
      await waitFor('the roster back', () => ((api.analyses.report?.leadership.length ?? 0) > 0 ? true : undefined));
      await analysesSettled(api);
    }
  });
});
