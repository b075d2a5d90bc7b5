// The Leadership view: each leader with their verdict first, expanding to the
// decisions of their window they decided, were consulted or informed on, or were
// routed around: the counts the zone weighed, never all of history.
import * as vscode from 'vscode';
import { inReportWindow } from '../../rules/report-window';
import type { Decision, Report, Zone } from '../../core/model/report';
import { COUNTED_LEVELS, isCounted, levelFor, type CountedLevel } from '../../rules/decision-rules';
import { LEVEL_TEXT } from '../../present/codes';
import { newestFirst, verdictLine } from '../../present/describe';
import { zoneTooltip } from '../zone-text';
import { AnalysisTree } from './analysis-tree';
import { decisionTreeItem, levelIcon, peopleById, type DecisionNode } from './decision-item';
import { markdownText } from '../../present/markdown';

type Node =
  | { kind: 'leader'; person: string; role: string }
  | { kind: 'level'; person: string; level: CountedLevel; decisions: Decision[] }
  | (DecisionNode & { person: string });

/** The counted decisions of the leader's own window (and areas, when the roster names some) at `level`, newest first. */
export function decisionsOfLeader(report: Report, person: string, level: CountedLevel): Decision[] {
  const zone = report.zone.byLeader[person];
  const areas = report.leadership.find((leader) => leader.person === person)?.areas;
  return report.decisions
    .filter((decision) => isCounted(decision) && (areas === undefined || areas.includes(decision.area)) && inReportWindow(report, decision, zone) && levelFor(decision, person) === level)
    .sort(newestFirst);
}

function leaderDescription(zone: Zone | undefined, role: string): string {
  if (!zone) return `no verdict · ${role}`;
  return `${verdictLine(zone)} · ${role} · ${zone.count} decision${zone.count === 1 ? '' : 's'}`;
}

export class LeadershipTreeProvider extends AnalysisTree<Node> {
  getTreeItem(node: Node): vscode.TreeItem {
    const analysis = this.analyses.active;
    const report = analysis?.report;
    if (!analysis || !report) return new vscode.TreeItem('');
    if (node.kind === 'decision') return decisionTreeItem(node.decision, report, analysis.root, { level: levelFor(node.decision, node.person) });
    if (node.kind === 'level') {
      const item = new vscode.TreeItem(LEVEL_TEXT[node.level], node.decisions.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
      item.id = `leader:${node.person}:${node.level}`;
      item.iconPath = levelIcon(node.level);
      item.description = String(node.decisions.length);
      return item;
    }
    const name = peopleById(report).get(node.person)?.name ?? node.person;
    const zone = report.zone.byLeader[node.person];
    const item = new vscode.TreeItem(name, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `leader:${node.person}`;
    item.iconPath = new vscode.ThemeIcon('person');
    item.description = leaderDescription(zone, node.role);
    item.tooltip = zone ? zoneTooltip(report, `${markdownText(name)} (${markdownText(node.role)})`, zone) : `${name} (${node.role}): no verdict`;
    item.contextValue = 'decisionOrbit.leader';
    return item;
  }

  getChildren(node?: Node): Node[] {
    const report = this.analyses.report;
    if (!report) return [];
    if (!node) return report.leadership.map((leader) => ({ kind: 'leader', person: leader.person, role: leader.role }));
    if (node.kind === 'leader') return COUNTED_LEVELS.map((level) => ({ kind: 'level', person: node.person, level, decisions: decisionsOfLeader(report, node.person, level) }));
    if (node.kind === 'level') return node.decisions.map((decision) => ({ kind: 'decision', decision, person: node.person }));
    return [];
  }
}
