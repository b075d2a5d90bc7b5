// The Decisions view: the records first (grouped by status, area or owner), then
// the git signals in one collapsed group, by kind and, for bots' work, by bot
// ("Dependabot (326)"). It shows the report's window unless the reader chose all
// time, and which sources the reader chose on the view's title bar. The
// repository's warnings, however many, are one closed row above the records.
import * as vscode from 'vscode';
import { inReportWindow } from '../../rules/report-window';
import type { Decision, Person, Report, Warning } from '../../core/model/report';
import { AnalysisTree } from './analysis-tree';
import { formatCount, newestFirst, sourceWindowWords, windowBrief, withoutControlChars } from '../../present/describe';
import { repositoryWarnings } from '../analysis/repository-warnings';
import { COMMAND_IDS } from '../commands/ids';
import { decisionTreeItem, peopleById, type DecisionNode } from './decision-item';

export type DecisionGrouping = 'status' | 'area' | 'owner';
export type DecisionSources = 'all' | 'adr' | 'git';
export type DecisionPeriod = 'window' | 'all-time';

interface Group {
  label: string;
  decisions: Decision[];
}

type Node =
  | { kind: 'group'; id: string; label: string; decisions: Decision[] }
  | { kind: 'signals'; groups: Group[]; count: number }
  | { kind: 'outside'; count: number }
  | { kind: 'warnings'; warnings: Warning[] }
  | { kind: 'warning'; warning: Warning; index: number }
  | DecisionNode;

function sortedGroups(groups: Map<string, Decision[]>): Group[] {
  return [...groups].sort(([a], [b]) => a.localeCompare(b)).map(([label, decisions]) => ({ label, decisions: [...decisions].sort(newestFirst) }));
}

function add(groups: Map<string, Decision[]>, label: string, decision: Decision): void {
  const list = groups.get(label);
  if (list) list.push(decision);
  else groups.set(label, [decision]);
}

export function groupDecisions(report: Report, decisions: readonly Decision[], grouping: DecisionGrouping): Group[] {
  const people = peopleById(report);
  const groups = new Map<string, Decision[]>();
  for (const decision of decisions) {
    if (grouping === 'status') add(groups, decision.status, decision);
    else if (grouping === 'area') add(groups, decision.area, decision);
    else if (decision.decisionMakers.length === 0) add(groups, '(no decision-makers named)', decision);
    else for (const id of decision.decisionMakers) add(groups, people.get(id)?.name ?? id, decision);
  }
  return sortedGroups(groups);
}

/** "Dependabot" for dependabot[bot]: the bot as people call it. */
function botName(person: Person | undefined, id: string): string {
  const name = (person?.name ?? id).replace(/\[bot\]$/i, '').trim();
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** Git signals by kind; bots' work by the bot that authored it, so a flood of bumps stays one closed group. */
export function groupSignals(report: Report, signals: readonly Decision[]): Group[] {
  const people = peopleById(report);
  const groups = new Map<string, Decision[]>();
  for (const decision of signals) {
    if (decision.involvement !== 'automated') {
      add(groups, decision.kind, decision);
      continue;
    }
    const bot = decision.evidence.map((evidence) => evidence.person).find((id) => people.get(id)?.isBot);
    add(groups, bot === undefined ? 'automated' : botName(people.get(bot), bot), decision);
  }
  return sortedGroups(groups);
}

const SHOW_OUTPUT = { command: COMMAND_IDS.showOutput, title: 'Show Output' };

/** One row however many warnings: its label opens the Output channel (which lists them), its twistie lists them here. */
function warningsItem(count: number): vscode.TreeItem {
  const item = new vscode.TreeItem(`${formatCount(count)} warning${count === 1 ? '' : 's'}`, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = 'decisions:warnings';
  item.description = 'open the Output';
  item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
  item.tooltip = `The analysis of this repository has ${formatCount(count)} warning${count === 1 ? '' : 's'} about the repository as a whole; the Output channel lists them.`;
  item.command = SHOW_OUTPUT;
  return item;
}

function warningItem(warning: Warning, index: number): vscode.TreeItem {
  const item = new vscode.TreeItem(withoutControlChars(warning.message), vscode.TreeItemCollapsibleState.None);
  item.id = `decisions:warning:${index}`;
  item.tooltip = withoutControlChars(warning.message);
  item.command = SHOW_OUTPUT;
  return item;
}

export class DecisionsTreeProvider extends AnalysisTree<Node> {
  private grouping: DecisionGrouping = 'status';
  private shownSources: DecisionSources = 'all';
  private shownPeriod: DecisionPeriod = 'window';

  get sources(): DecisionSources {
    return this.shownSources;
  }

  get period(): DecisionPeriod {
    return this.shownPeriod;
  }

  setGrouping(grouping: DecisionGrouping): void {
    this.grouping = grouping;
    this.refresh();
  }

  setSources(sources: DecisionSources): void {
    this.shownSources = sources;
    this.refresh();
  }

  setPeriod(period: DecisionPeriod): void {
    this.shownPeriod = period;
    this.refresh();
  }

  /** What the view's header says: the period and, when narrowed to one source, that source and its own window. */
  describe(report: Report): string {
    if (this.shownSources === 'all') return this.shownPeriod === 'window' ? windowBrief(report) : 'all time';
    const period = this.shownPeriod === 'window' ? sourceWindowWords(report, this.shownSources) : 'all time';
    return `${period} · ${this.shownSources === 'adr' ? 'ADRs only' : 'git signals only'}`;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const analysis = this.analyses.active;
    if (node.kind === 'decision') return analysis?.report ? decisionTreeItem(node.decision, analysis.report, analysis.root) : new vscode.TreeItem(node.decision.title);
    if (node.kind === 'outside') {
      const item = new vscode.TreeItem(`${node.count} more outside the window`, vscode.TreeItemCollapsibleState.None);
      item.id = 'decisions:outside';
      item.iconPath = new vscode.ThemeIcon('history');
      item.description = 'show all time';
      item.command = { command: COMMAND_IDS.showAllTime, title: 'Show All Time' };
      return item;
    }
    if (node.kind === 'warnings') return warningsItem(node.warnings.length);
    if (node.kind === 'warning') return warningItem(node.warning, node.index);
    if (node.kind === 'signals') {
      const item = new vscode.TreeItem('Git signals', this.shownSources === 'git' ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
      item.id = 'decisions:signals';
      item.iconPath = new vscode.ThemeIcon('git-commit');
      item.description = String(node.count);
      return item;
    }
    const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
    item.id = node.id;
    item.description = String(node.decisions.length);
    item.contextValue = 'decisionOrbit.group';
    // Bots' groups and kinds of signals stay closed: the records are what a reader comes for.
    if (node.id.startsWith('signals:')) item.collapsibleState = vscode.TreeItemCollapsibleState.Collapsed;
    return item;
  }

  getChildren(node?: Node): Node[] {
    const report = this.analyses.report;
    if (!report) return [];
    if (node?.kind === 'group') return node.decisions.map((decision) => ({ kind: 'decision', decision }));
    if (node?.kind === 'warnings') return node.warnings.map((warning, index) => ({ kind: 'warning', warning, index }));
    if (node?.kind === 'signals') return node.groups.map((group) => ({ kind: 'group', id: `signals:${group.label}`, ...group }));
    if (node) return [];
    const shown = report.decisions.filter((decision) => this.shownSources === 'all' || decision.source === this.shownSources);
    const inPeriod = this.shownPeriod === 'all-time' ? shown : shown.filter((decision) => inReportWindow(report, decision));
    const records = inPeriod.filter((decision) => decision.source === 'adr');
    const signals = inPeriod.filter((decision) => decision.source === 'git');
    const warnings = repositoryWarnings(report);
    const nodes: Node[] = warnings.length > 0 ? [{ kind: 'warnings', warnings }] : [];
    nodes.push(...groupDecisions(report, records, this.grouping).map((group): Node => ({ kind: 'group', id: `records:${this.grouping}:${group.label}`, ...group })));
    if (signals.length > 0) nodes.push({ kind: 'signals', groups: groupSignals(report, signals), count: signals.length });
    if (inPeriod.length < shown.length) nodes.push({ kind: 'outside', count: shown.length - inPeriod.length });
    return nodes;
  }
}
