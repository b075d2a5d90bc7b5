// Quick fixes where the fix is clear: name decision-makers, set a real status,
// link a successor, write a braced date plain, pick the person an unknown name meant.
import * as vscode from 'vscode';
import type { WorkspaceAnalyses } from '../analysis/workspace-analyses';
import { COMMAND_IDS } from '../commands/ids';
import { adrContext } from './adr-documents';
import { DIAGNOSTIC_SOURCE } from './diagnostics';

const STATUS_FIXES = ['accepted', 'proposed'] as const;

/**
 * One quick fix for `diagnostic`: a command, not a ready edit, so that the write
 * rule is checked when the fix is chosen.
 */
function quickFix(title: string, diagnostic: vscode.Diagnostic, command: vscode.Command, preferred = false): vscode.CodeAction {
  const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  action.command = command;
  action.diagnostics = [diagnostic];
  if (preferred) action.isPreferred = true;
  return action;
}

export class AdrQuickFixProvider implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly analyses: WorkspaceAnalyses) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    return context.diagnostics.flatMap((diagnostic) => (diagnostic.source === DIAGNOSTIC_SOURCE ? this.fixesFor(document, diagnostic) : []));
  }

  private fixesFor(document: vscode.TextDocument, diagnostic: vscode.Diagnostic): vscode.CodeAction[] {
    const { uri } = document;
    const line = diagnostic.range.start.line + 1;
    switch (diagnostic.code) {
      case 'no-decision-makers':
        return [quickFix('Name the decision-makers…', diagnostic, { command: COMMAND_IDS.setOwners, title: 'Set Owners', arguments: [uri, 'decisionMakers'] }, true)];
      case 'unknown-status':
      case 'no-status':
      case 'placeholder-status':
        if (!adrContext(this.analyses, document)) return [];
        return STATUS_FIXES.map((status) => quickFix(`Set status to ${status}`, diagnostic, { command: COMMAND_IDS.changeStatus, title: `Set status to ${status}`, arguments: [uri, status] }));
      case 'braced-date': {
        const braced = document.getText(diagnostic.range);
        return [quickFix(`Write the date as ${braced.replace(/[{}\s]/g, '')}`, diagnostic, { command: COMMAND_IDS.unbraceDate, title: 'Write the date plain', arguments: [uri, line, braced] }, true)];
      }
      case 'unknown-person': {
        const written = document.getText(diagnostic.range);
        const replace = quickFix(`Replace "${written}" with a person the repository knows…`, diagnostic, { command: COMMAND_IDS.replaceUnknownPerson, title: 'Pick a person', arguments: [uri, line, written] });
        const root = adrContext(this.analyses, document)?.root;
        if (!root) return [replace];
        return [replace, quickFix(`Add "${written}" as an alias of a person in .decision-orbit.yml…`, diagnostic, { command: COMMAND_IDS.addAlias, title: 'Add an alias', arguments: [root, written] })];
      }
      case 'superseded-without-successor':
        return [quickFix('Link the record that supersedes this one…', diagnostic, { command: COMMAND_IDS.supersede, title: 'Supersede', arguments: [uri, 'successor'] })];
      default:
        return [];
    }
  }
}
