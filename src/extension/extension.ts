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
import { GitHubConnection } from './forge/github-connection';
import { MapController } from './map/controller';
import { readSettings } from './settings';
import { VerdictStatusBar } from './status-bar';
import { DecisionsTreeProvider, type DecisionGrouping } from './trees/decisions-tree';
import { LeadershipTreeProvider } from './trees/leadership-tree';
import { RoutedAroundTreeProvider } from './trees/routed-around-tree';
import { RepositoryWarningsMessage } from './trees/repository-warnings';
import { requireTrust } from './trust';
import { WriteGuard } from './adr/write-guard';
import { shownInput } from './ui/inputs';

/** What activate() returns: the extension-host tests drive the extension through it. */
export interface DecisionOrbitApi {
  analyses: WorkspaceAnalyses;
  trees: { decisions: DecisionsTreeProvider; leadership: LeadershipTreeProvider; routedAround: RoutedAroundTreeProvider };
  diagnostics: vscode.DiagnosticCollection;
  statusBarText(): string;
  statusBarTooltip(): string;
  /** What the Decisions view says above its tree: the repository's warnings. */
  decisionsViewMessage(): string | undefined;
  getMapHtml(): string | undefined;
  /** Hands the map panel's message handler a message as the page would post it; returns the refusal it said, if any. */
  mapMessage(data: unknown): Promise<string | undefined>;
  /** The last write the confinement rule refused, as said to the user. */
  lastWriteRefusal(): string | undefined;
  /** The title of the quick pick or input box the extension has on screen now. */
  shownInput(): string | undefined;
  /** The value the extension last gave a context key of CONTEXT_KEYS (walkthrough steps complete on them). */
  contextValue(key: string): boolean | undefined;
  activationMs: number;
  ready: Promise<void>;
}

const ADR_SELECTOR: vscode.DocumentSelector = [{ language: 'markdown', scheme: 'file' }, { language: 'markdown', scheme: 'untitled' }];

export function activate(context: vscode.ExtensionContext): DecisionOrbitApi {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('Decision Orbit', { log: true });
  const github = new GitHubConnection(context.workspaceState, log);
  const analyses = new WorkspaceAnalyses({
    storage: context.globalStorageUri, analyze: analyzeRepository, log,
    onError: (error, analysis) => void showAnalysisError(error, log, { kept: analysis.report !== undefined }), forge: () => github.access(),
  });
  const decisionsTree = new DecisionsTreeProvider(analyses);
  const leadershipTree = new LeadershipTreeProvider(analyses);
  const routedAroundTree = new RoutedAroundTreeProvider(analyses);
  const diagnostics = new AdrDiagnostics(analyses);
  const configDiagnostics = new ConfigDiagnostics(analyses);
  const statusBar = new VerdictStatusBar(analyses);
  const map = new MapController(context, analyses, log);
  const decisionsView = vscode.window.createTreeView(VIEW_IDS.decisions, { treeDataProvider: decisionsTree, showCollapseAll: true });
  const decisionsWarnings = new RepositoryWarningsMessage(decisionsView, analyses);
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
    diagnostics,
    configDiagnostics,
    statusBar,
    map,
    decisionsView,
    decisionsWarnings,
    writeGuard,
    vscode.window.createTreeView(VIEW_IDS.leadership, { treeDataProvider: leadershipTree, showCollapseAll: true }),
    vscode.window.createTreeView(VIEW_IDS.routedAround, { treeDataProvider: routedAroundTree }),
    vscode.languages.registerCodeLensProvider(ADR_SELECTOR, new AdrCodeLensProvider(analyses)),
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
    analyses.onDidChange(() => {
      const report = analyses.report;
      void setContext(CONTEXT_KEYS.analysed, report !== undefined);
      void setContext(CONTEXT_KEYS.hasRecords, (report?.decisions ?? []).some((decision) => decision.source === 'adr'));
      void setContext(CONTEXT_KEYS.hasLeadership, (report?.leadership.length ?? 0) > 0);
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => void start()),
    vscode.workspace.onDidGrantWorkspaceTrust(() => void start()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('decisionOrbit')) for (const analysis of analyses.all) analysis.requestRefresh();
    }),
  );

  async function start(): Promise<void> {
    if (!vscode.workspace.isTrusted) return;
    const found = await analyses.discover();
    await setContext(CONTEXT_KEYS.hasRepository, found.length > 0);
    await Promise.all(found.filter((analysis) => !analysis.report && !analysis.isRunning).map((analysis) => analysis.refresh(false)));
  }

  const ready = new Promise<void>((resolve) => setTimeout(() => void start().finally(resolve), 0));
  const activationMs = performance.now() - started;
  log.info(`Activated in ${activationMs.toFixed(1)} ms`);
  return { analyses, trees: { decisions: decisionsTree, leadership: leadershipTree, routedAround: routedAroundTree }, diagnostics: diagnostics.diagnostics, statusBarText: () => statusBar.text, statusBarTooltip: () => statusBar.tooltip, decisionsViewMessage: () => decisionsWarnings.text, getMapHtml: () => map.html, mapMessage: (data) => map.receive(data), lastWriteRefusal: () => writeGuard.lastRefusal, shownInput, contextValue: (key) => contextValues.get(key), activationMs, ready };
}

