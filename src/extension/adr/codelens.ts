// "Owners: … · Leadership: consulted · 4 commits" above a record's title;
// clicking it sets the owners.
import * as vscode from 'vscode';
import type { WorkspaceAnalyses } from '../analysis/workspace-analyses';
import { COMMAND_IDS } from '../commands/ids';
import { adrContext } from './adr-documents';
import { knownPerson } from './people-language';

export class AdrCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly analyses: WorkspaceAnalyses) {
    this.subscription = analyses.onDidChange(() => this.changed.fire());
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const context = adrContext(this.analyses, document);
    if (!context) return [];
    const { decision, report, record } = context;
    // Owners as the buffer names them now (an edit shows before it is saved and
    // analysed), each under the name the repository knows them by; a name only this
    // record gives is nobody known, as its diagnostic says.
    const named = [...new Set(record.decisionMakers.map((ref) => knownPerson(report, ref.text, context.path)?.name ?? `${ref.text} (unknown)`))];
    const owners = named.length ? named.join(', ') : 'none named';
    const commits = decision.commits.length;
    // Without a roster no level is known: the owners are all there is to say.
    const level = report.leadership.length > 0 ? ` · Leadership: ${decision.involvement}` : '';
    const title = `Owners: ${owners}${level} · ${commits} commit${commits === 1 ? '' : 's'}`;
    const line = Math.max(0, Math.min(record.titleLine - 1, document.lineCount - 1));
    return [new vscode.CodeLens(document.lineAt(line).range, { title, command: COMMAND_IDS.setOwners, arguments: [document.uri], tooltip: 'Set the owners of this decision' })];
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
