// Activation wires views, editor features and commands to the workspace's
// analyses. Nothing heavy happens here: repositories are found and analysed
// after activation returns, and never in an untrusted workspace.
import '../zod-jitless';
import * as vscode from 'vscode';
import { analyzeRepository } from '../core/analyze';
import type { Report } from '../core/model/report';
import { ConfigDiagnostics } from './analysis/config-diagnostics';
import { showAnalysisError } from './analysis/errors';
import { WorkspaceAnalyses } from './analysis/workspace-analyses';
import { AdrCodeLensProvider } from './adr/codelens';
import { AdrDiagnostics } from './adr/diagnostics';
import { replaceUnknownPerson, setOwners } from './adr/owners';
import { PeopleCompletionProvider, PeopleHoverProvider } from './adr/people-language';
import { AdrQuickFixProvider } from './adr/quick-fixes';
import { changeStatus, openDecision, showDecisionsForCurrentFile, supersede, unbraceDate } from './commands/decision-commands';
import { COMMAND_IDS, CONTEXT_KEYS, VIEW_IDS } from './commands/ids';
import { addAlias, configureLeadership, exportReport, newRecord, type LeaderChoice, type RosterTarget } from './commands/workspace-commands';
import { COMMIT_SCHEME, CommitDocumentProvider } from './commit-documents';
import { renderExport } from './export';
import { FileCodeLensProvider } from './file-codelens';
import { GitHubConnection } from './forge/github-connection';
import { MapController } from './map/controller';
import { readSettings } from './settings';
import { VerdictStatusBar } from './status-bar';
import { commitOf, decisionLink, decisionOfNode, showCommitDiff } from './commands/tree-actions';
import { CurrentFileTreeProvider } from './trees/current-file-tree';
import type { DecisionNode } from './trees/decision-item';
import { DecisionsTreeProvider, type DecisionGrouping, type DecisionSources } from './trees/decisions-tree';
import { ViewHeaders, type ViewsMoment } from './trees/view-headers';
import { LeadershipTreeProvider } from './trees/leadership-tree';
import { RoutedAroundTreeProvider } from './trees/routed-around-tree';
import { requireTrust } from './trust';
import { WriteGuard } from './adr/write-guard';
import { shownInput } from './ui/inputs';

/** What activate() returns: the extension-host tests drive the extension through it. */
export interface DecisionOrbitApi {
  analyses: WorkspaceAnalyses;
  trees: { decisions: DecisionsTreeProvider; leadership: LeadershipTreeProvider; routedAround: RoutedAroundTreeProvider; currentFile: CurrentFileTreeProvider };
  diagnostics: vscode.DiagnosticCollection;
  statusBarText(): string;
  statusBarTooltip(): string;
  /** The status bar's command: the map, the Output channel after a failure, Configure Leadership without a roster. */
  statusBarCommand(): string | undefined;
  /** What the Decisions view says above its tree while loading (the repository's warnings are a row of its tree). */
  decisionsViewMessage(): string | undefined;
  /** Each view's header, message and badge as shown now. */
  viewHeader(view: 'decisions' | 'leadership' | 'routedAround' | 'currentFile'): { description?: string; message?: string; badge?: number };
  /** What the views showed, moment by moment, since activation. */
  viewMoments(): readonly ViewsMoment[];
  getMapHtml(): string | undefined;
  /** Hands the map panel's message handler a message as the page would post it; returns the refusal it said, if any. */
  mapMessage(data: unknown): Promise<string | undefined>;
  /** The last write the confinement rule refused, as said to the user. */
  lastWriteRefusal(): string | undefined;
  /** The title of the quick pick or input box the extension has on screen now. */
  shownInput(): string | undefined;
  /** The value the extension last gave a context key of CONTEXT_KEYS (walkthrough steps complete on them). */
  contextValue(key: string): boolean | undefined;
  /** Wall time of `activate`. */
  activationMs: number;
  /**
   * The extension host's CPU time during `activate`: what activation costs,
   * apart from the time the host waited for a core on a busy machine.
   */
  activationCpuMs: number;
  ready: Promise<void>;
}

const ADR_SELECTOR: vscode.DocumentSelector = [{ language: 'markdown', scheme: 'file' }, { language: 'markdown', scheme: 'untitled' }];

export function activate(context: vscode.ExtensionContext): DecisionOrbitApi {
  const started = performance.now();
  const startedCpu = process.cpuUsage();
  const log = vscode.window.createOutputChannel('Decision Orbit', { log: true });
  const github = new GitHubConnection(context.workspaceState, log);
  const analyses = new WorkspaceAnalyses({
    storage: context.globalStorageUri, analyze: analyzeRepository, log,
    onError: (error, analysis) => void showAnalysisError(error, log, { kept: analysis.report !== undefined }), forge: () => github.access(),
  });
  const decisionsTree = new DecisionsTreeProvider(analyses);
  const leadershipTree = new LeadershipTreeProvider(analyses);
  const routedAroundTree = new RoutedAroundTreeProvider(analyses);
  const currentFileTree = new CurrentFileTreeProvider(analyses);
  const diagnostics = new AdrDiagnostics(analyses);
  const configDiagnostics = new ConfigDiagnostics(analyses);
  const statusBar = new VerdictStatusBar(analyses);
  const map = new MapController(context, analyses, log);
  const views = {
    decisions: vscode.window.createTreeView(VIEW_IDS.decisions, { treeDataProvider: decisionsTree, showCollapseAll: true }),
    leadership: vscode.window.createTreeView(VIEW_IDS.leadership, { treeDataProvider: leadershipTree, showCollapseAll: true }),
    routedAround: vscode.window.createTreeView(VIEW_IDS.routedAround, { treeDataProvider: routedAroundTree, showCollapseAll: true }),
    currentFile: vscode.window.createTreeView(VIEW_IDS.currentFile, { treeDataProvider: currentFileTree }),
  };
  const headers = new ViewHeaders(views, analyses, decisionsTree);
  const fileLenses = new FileCodeLensProvider(analyses);
  const gitPath = (): string | undefined => readSettings().settings.gitPath;
  const writeGuard = new WriteGuard(analyses, log);
  const trusted = <Args extends unknown[], Result>(action: string, run: (...args: Args) => Promise<Result>): ((...args: Args) => Promise<Result | undefined>) => requireTrust(action, run);

  const refresh = trusted('Refreshing the analysis', async () => {
    if (analyses.all.length === 0) await analyses.discover();
    await Promise.all(analyses.all.map((analysis) => analysis.refresh(true)));
  });
  const contextValues = new Map<string, boolean>();
  const setContext = (key: string, value: boolean): Thenable<unknown> => {
    contextValues.set(key, value);
    return vscode.commands.executeCommand('setContext', key, value);
  };

  context.subscriptions.push(
    log,
    analyses,
    decisionsTree,
    leadershipTree,
    routedAroundTree,
    currentFileTree,
    diagnostics,
    configDiagnostics,
    statusBar,
    map,
    ...Object.values(views),
    headers,
    writeGuard,
    vscode.languages.registerCodeLensProvider(ADR_SELECTOR, new AdrCodeLensProvider(analyses)),
    fileLenses,
    vscode.languages.registerCodeLensProvider({ scheme: 'file' }, fileLenses),
    vscode.languages.registerHoverProvider(ADR_SELECTOR, new PeopleHoverProvider(analyses)),
    vscode.languages.registerCompletionItemProvider(ADR_SELECTOR, new PeopleCompletionProvider(analyses), ' ', ',', '-', '@'),
    vscode.languages.registerCodeActionsProvider(ADR_SELECTOR, new AdrQuickFixProvider(analyses), { providedCodeActionKinds: AdrQuickFixProvider.kinds }),
    vscode.workspace.registerTextDocumentContentProvider(COMMIT_SCHEME, new CommitDocumentProvider(() => readSettings().settings.gitPath)),
    vscode.commands.registerCommand(COMMAND_IDS.openMap, () => map.show()),
    vscode.commands.registerCommand(COMMAND_IDS.refresh, refresh),
    vscode.commands.registerCommand(COMMAND_IDS.newRecord, trusted('Creating a record', (title?: string, root?: vscode.Uri) => newRecord(analyses, writeGuard, title, root))),
    vscode.commands.registerCommand(COMMAND_IDS.setOwners, trusted('Setting owners', (uri?: vscode.Uri, field?: 'decisionMakers' | 'consulted' | 'informed', names?: string[]) => setOwners(analyses, writeGuard, uri, field, names))),
    vscode.commands.registerCommand(COMMAND_IDS.changeStatus, trusted('Changing a status', (uri?: vscode.Uri, status?: string) => changeStatus(analyses, writeGuard, uri, status))),
    vscode.commands.registerCommand(COMMAND_IDS.supersede, trusted('Superseding a record', (uri?: vscode.Uri, ask?: 'successor' | 'predecessor', other?: vscode.Uri) => supersede(analyses, writeGuard, uri, ask, other))),
    vscode.commands.registerCommand(COMMAND_IDS.configureLeadership, trusted('Configuring leadership', (root?: vscode.Uri, leaders?: LeaderChoice[], target?: RosterTarget) => configureLeadership(analyses, writeGuard, root, leaders, target))),
    vscode.commands.registerCommand(COMMAND_IDS.replaceUnknownPerson, trusted('Replacing a name', (uri: vscode.Uri, line: number, written: string, chosen?: string) => replaceUnknownPerson(analyses, writeGuard, uri, line, written, chosen))),
    vscode.commands.registerCommand(COMMAND_IDS.addAlias, trusted('Adding an alias', (root: vscode.Uri, alias: string, person?: string) => addAlias(analyses, writeGuard, root, alias, person))),
    vscode.commands.registerCommand(COMMAND_IDS.unbraceDate, trusted('Writing a date', (uri: vscode.Uri, line: number, braced: string) => unbraceDate(writeGuard, uri, line, braced))),
    vscode.commands.registerCommand(COMMAND_IDS.showDecisionsForFile, (uri?: vscode.Uri) => showDecisionsForCurrentFile(analyses, uri)),
    vscode.commands.registerCommand(COMMAND_IDS.exportReport, (format?: 'html' | 'json' | 'md', uri?: vscode.Uri) =>
      exportReport(analyses, (report: Report, chosen) => renderExport(context.extensionUri, report, chosen), format && uri ? { format, uri } : undefined),
    ),
    vscode.commands.registerCommand(COMMAND_IDS.showOutput, () => log.show(true)),
    vscode.commands.registerCommand(COMMAND_IDS.connectGitHub, trusted('Connecting GitHub', async (providerId?: string) => {
      if (!(await github.connect(providerId))) return false;
      await refresh();
      return true;
    })),
    vscode.commands.registerCommand(COMMAND_IDS.disconnectGitHub, async () => {
      await github.disconnect();
      for (const analysis of analyses.all) analysis.requestRefresh();
    }),
    vscode.commands.registerCommand(COMMAND_IDS.selectRepository, async (root?: vscode.Uri) => (await analyses.pick('Choose a repository', root))?.root),
    vscode.commands.registerCommand(COMMAND_IDS.groupBy, async (grouping?: DecisionGrouping) => {
      const chosen = grouping ?? ((await vscode.window.showQuickPick(['status', 'area', 'owner'], { placeHolder: 'Group decisions by' })) as DecisionGrouping | undefined);
      if (chosen) decisionsTree.setGrouping(chosen);
    }),
    vscode.commands.registerCommand(COMMAND_IDS.openDecision, (root: vscode.Uri, id: string) => openDecision(analyses, root, id)),
    vscode.commands.registerCommand(COMMAND_IDS.filterSources, async (sources?: DecisionSources) => {
      const choices: Array<{ label: string; sources: DecisionSources }> = [
        { label: 'ADRs and git signals', sources: 'all' }, { label: 'ADRs only', sources: 'adr' }, { label: 'Git signals only', sources: 'git' },
      ];
      const chosen = sources ?? (await vscode.window.showQuickPick(choices.map((choice) => ({ ...choice, picked: choice.sources === decisionsTree.sources })), { placeHolder: 'Show which decisions' }))?.sources;
      if (chosen) decisionsTree.setSources(chosen);
    }),
    vscode.commands.registerCommand(COMMAND_IDS.showAllTime, () => {
      decisionsTree.setPeriod('all-time');
      void setContext(CONTEXT_KEYS.allTime, true);
    }),
    vscode.commands.registerCommand(COMMAND_IDS.showReportWindow, () => {
      decisionsTree.setPeriod('window');
      void setContext(CONTEXT_KEYS.allTime, false);
    }),
    vscode.commands.registerCommand(COMMAND_IDS.openRecord, async (node?: DecisionNode) => {
      const target = decisionOfNode(analyses, node);
      if (target) await openDecision(analyses, target.root, target.decision.id);
    }),
    vscode.commands.registerCommand(COMMAND_IDS.revealInMap, (node?: DecisionNode) => {
      const target = decisionOfNode(analyses, node);
      if (target) map.reveal(target.decision.id);
    }),
    vscode.commands.registerCommand(COMMAND_IDS.showCommit, trusted('Showing a commit', async (nodeOrRoot?: DecisionNode | string, sha?: string) => {
      // From a tree's context menu: the node; from a tooltip's link: the repository and the sha.
      // A link names a repository of the workspace and a commit its report names, or does nothing.
      const linked = typeof nodeOrRoot === 'string' ? analyses.all.find((analysis) => analysis.root.toString() === nodeOrRoot) : undefined;
      if (linked && sha !== undefined && linked.report?.decisions.some((decision) => decision.commits.includes(sha) || decision.evidence.some((evidence) => evidence.ref === sha))) return showCommitDiff(linked.root, sha, gitPath());
      const target = decisionOfNode(analyses, typeof nodeOrRoot === 'string' ? undefined : nodeOrRoot);
      const commit = target && commitOf(target.decision);
      if (target && commit) await showCommitDiff(target.root, commit, gitPath());
      return undefined;
    })),
    vscode.commands.registerCommand(COMMAND_IDS.copyLink, async (node?: DecisionNode) => {
      const target = decisionOfNode(analyses, node);
      if (!target) return undefined;
      const link = vscode.workspace.isTrusted ? await decisionLink(target.root, target.decision, gitPath()) : (target.decision.path ?? target.decision.id);
      await vscode.env.clipboard.writeText(link);
      vscode.window.setStatusBarMessage(`$(clippy) Copied ${link}`, 3000);
      return link;
    }),
    analyses.onDidChange(() => {
      const report = analyses.report;
      void setContext(CONTEXT_KEYS.analysed, report !== undefined);
      void setContext(CONTEXT_KEYS.hasRecords, (report?.decisions ?? []).some((decision) => decision.source === 'adr'));
      void setContext(CONTEXT_KEYS.hasLeadership, (report?.leadership.length ?? 0) > 0);
      void setContext(CONTEXT_KEYS.discovered, analyses.discovered);
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => void start()),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      void setContext(CONTEXT_KEYS.untrusted, false);
      void start();
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('decisionOrbit')) for (const analysis of analyses.all) analysis.requestRefresh();
    }),
  );

  void setContext(CONTEXT_KEYS.untrusted, !vscode.workspace.isTrusted);
  // After the views have their providers and first messages, so no view is ever blank in between.
  void setContext(CONTEXT_KEYS.started, true);

  async function start(): Promise<void> {
    if (!vscode.workspace.isTrusted) return;
    const found = await analyses.discover();
    await setContext(CONTEXT_KEYS.hasRepository, found.length > 0);
    await setContext(CONTEXT_KEYS.discovered, true);
    await Promise.all(found.filter((analysis) => !analysis.report && !analysis.isRunning).map((analysis) => analysis.refresh(false)));
  }

  const ready = new Promise<void>((resolve) => setTimeout(() => void start().finally(resolve), 0));
  const activationMs = performance.now() - started;
  const cpu = process.cpuUsage(startedCpu);
  const activationCpuMs = (cpu.user + cpu.system) / 1000;
  log.info(`Activated in ${activationMs.toFixed(1)} ms (${activationCpuMs.toFixed(1)} ms of CPU)`);
  const header = (view: keyof typeof views): { description?: string; message?: string; badge?: number } => ({ description: views[view].description, message: views[view].message, badge: views[view].badge?.value });
  return {
    analyses, trees: { decisions: decisionsTree, leadership: leadershipTree, routedAround: routedAroundTree, currentFile: currentFileTree }, diagnostics: diagnostics.diagnostics,
    statusBarText: () => statusBar.text, statusBarTooltip: () => statusBar.tooltip, statusBarCommand: () => statusBar.command, decisionsViewMessage: () => views.decisions.message,
    viewHeader: header, viewMoments: () => headers.moments, getMapHtml: () => map.html, mapMessage: (data) => map.receive(data), lastWriteRefusal: () => writeGuard.lastRefusal,
    shownInput, contextValue: (key) => contextValues.get(key), activationMs, activationCpuMs, ready };
}

