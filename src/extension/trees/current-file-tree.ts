// The For Current File view: the decisions whose record is the file in the
// editor, whose changes touched it or whose area holds it (records of the area
// when nothing touched it), bots' work folded away, and who to ask: the people
// who decided in that area.
import * as vscode from 'vscode';
import { decidersOf } from '../../rules/zone';
import type { Decision, Report } from '../../core/model/report';
import type { WorkspaceAnalyses } from '../analysis/workspace-analyses';
import { relativePath } from '../adr/adr-documents';
import { decisionsForPath } from '../commands/decision-commands';
import { decisionTreeItem, namesOf, peopleById, type DecisionNode } from './decision-item';
import { AnalysisTree } from './analysis-tree';

type Node =
  | { kind: 'ask'; names: string; area: string }
  | { kind: 'automated'; decisions: Decision[] }
  | DecisionNode;

/** Who decided most in `area`, most decisions first: the people to ask about it. */
export function peopleToAsk(report: Report, area: string, limit = 3): string[] {
  const counts = new Map<string, number>();
  for (const decision of report.decisions) {
    if (decision.area !== area || !decision.counted) continue;
    for (const person of decidersOf(decision)) counts.set(person, (counts.get(person) ?? 0) + 1);
  }
  return [...counts].sort(([a, x], [b, y]) => y - x || a.localeCompare(b)).slice(0, limit).map(([person]) => person);
}

/** The area a file belongs to: that of the decisions touching it, else the top folder when it is an area. */
export function areaOfFile(report: Report, path: string): string | undefined {
  const touching = report.decisions.find((decision) => decision.path === path || (decision.files ?? []).includes(path));
  if (touching) return touching.area;
  const top = path.includes('/') ? path.slice(0, path.indexOf('/')) : undefined;
  return top !== undefined && report.decisions.some((decision) => decision.area === top) ? top : undefined;
}

export class CurrentFileTreeProvider extends AnalysisTree<Node> {
  constructor(analyses: WorkspaceAnalyses) {
    super(analyses, [vscode.window.onDidChangeActiveTextEditor]);
  }

  /** The file in the editor and the analysed repository holding it. */
  current(): { root: vscode.Uri; report: Report; path: string } | undefined {
    const uri = vscode.window.activeTextEditor?.document.uri;
    if (!uri) return undefined;
    for (const analysis of this.analyses.all) {
      const path = relativePath(analysis.root, uri);
      if (path !== undefined && analysis.report) return { root: analysis.root, report: analysis.report, path };
    }
    return undefined;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const file = this.current();
    if (node.kind === 'decision') return file ? decisionTreeItem(node.decision, file.report, file.root) : new vscode.TreeItem(node.decision.title);
    if (node.kind === 'ask') {
      const item = new vscode.TreeItem(`Ask: ${node.names}`, vscode.TreeItemCollapsibleState.None);
      item.iconPath = new vscode.ThemeIcon('account');
      item.description = `decided most in ${node.area}`;
      return item;
    }
    const item = new vscode.TreeItem('Automated changes', vscode.TreeItemCollapsibleState.Collapsed);
    item.iconPath = new vscode.ThemeIcon('robot');
    item.description = String(node.decisions.length);
    return item;
  }

  getChildren(node?: Node): Node[] {
    if (node) return node.kind === 'automated' ? node.decisions.map((decision) => ({ kind: 'decision', decision })) : [];
    const file = this.current();
    if (!file) return [];
    const area = areaOfFile(file.report, file.path);
    const found = decisionsForPath(file.report.decisions, file.path, area);
    // Records first: they say what was decided; signals say what changed.
    const decided = found.filter((decision) => decision.involvement !== 'automated' && (decision.source === 'adr' || decision.counted));
    const ordered = [...decided.filter((decision) => decision.source === 'adr'), ...decided.filter((decision) => decision.source === 'git')];
    const automated = found.filter((decision) => decision.involvement === 'automated');
    const nodes: Node[] = ordered.map((decision) => ({ kind: 'decision', decision }));
    if (automated.length > 0) nodes.push({ kind: 'automated', decisions: automated });
    const ask = area === undefined ? [] : peopleToAsk(file.report, area);
    if (area !== undefined && ask.length > 0) nodes.unshift({ kind: 'ask', names: namesOf(ask, peopleById(file.report)), area });
    return nodes;
  }
}
