// "3 decisions · ask Dana Chen" on the first line of any file of an analysed
// repository, only when `decisionOrbit.codeLens.allFiles` is on (settings.ts): most files are
// read, not decided about, and a lens on every one is noise. A click shows them
// in the For Current File view.
import * as vscode from 'vscode';
import type { WorkspaceAnalyses } from './analysis/workspace-analyses';
import { relativePath } from './adr/adr-documents';
import { VIEW_IDS } from './commands/ids';
import { decisionsForPath } from './commands/decision-commands';
import { readSettings, SETTINGS_SECTION } from './settings';
import { namesOf, peopleById } from './trees/decision-item';
import { areaOfFile, peopleToAsk } from './trees/current-file-tree';

export class FileCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly analyses: WorkspaceAnalyses) {
    this.subscriptions = [
      analyses.onDidChange(() => this.changed.fire()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(`${SETTINGS_SECTION}.codeLens.allFiles`)) this.changed.fire();
      }),
    ];
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!readSettings(document.uri).settings.codeLensAllFiles) return [];
    for (const analysis of this.analyses.all) {
      const path = relativePath(analysis.root, document.uri);
      const report = analysis.report;
      if (path === undefined || !report) continue;
      // A record has its own lens (owners, level): this one is for the files decisions are about.
      if (report.decisions.some((decision) => decision.source === 'adr' && decision.path === path)) return [];
      const area = areaOfFile(report, path);
      const count = decisionsForPath(report.decisions, path, area).filter((decision) => decision.involvement !== 'automated').length;
      const ask = area === undefined ? [] : peopleToAsk(report, area);
      const title = `${count} decision${count === 1 ? '' : 's'}${ask.length > 0 ? ` · ask ${namesOf(ask, peopleById(report))}` : ''}`;
      return [new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), { title, command: `${VIEW_IDS.currentFile}.focus`, tooltip: 'Show the decisions for this file' })];
    }
    return [];
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.changed.dispose();
  }
}
