// Quick fixes where the fix is clear: name decision-makers, set a real status,
// link a successor, write a braced date plain, pick the person an unknown name meant.
import * as vscode from 'vscode';
import type { WorkspaceAnalyses } from '../analysis/workspace-analyses';
import { COMMAND_IDS } from '../commands/ids';
import { adrContext } from './adr-documents';
import { DIAGNOSTIC_SOURCE } from './diagnostics';

const STATUS_FIXES = ['accepted', 'proposed'] as const;

export class AdrQuickFixProvider implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly analyses: WorkspaceAnalyses) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      switch (diagnostic.code) {
        case 'no-decision-makers': {
          const action = new vscode.CodeAction('Name the decision-makers…', vscode.CodeActionKind.QuickFix);
          action.command = { command: COMMAND_IDS.setOwners, title: 'Set Owners', arguments: [document.uri, 'decisionMakers'] };
          action.diagnostics = [diagnostic];
          action.isPreferred = true;
          actions.push(action);
          break;
        }
        case 'unknown-status':
        case 'no-status':
        case 'placeholder-status': {
          if (!adrContext(this.analyses, document)) break;
          for (const status of STATUS_FIXES) {
            const action = new vscode.CodeAction(`Set status to ${status}`, vscode.CodeActionKind.QuickFix);
            // A command, not a ready edit: the write rule is checked when the fix is chosen.
            action.command = { command: COMMAND_IDS.changeStatus, title: `Set status to ${status}`, arguments: [document.uri, status] };
            action.diagnostics = [diagnostic];
            actions.push(action);
          }
          break;
        }
        case 'braced-date': {
          const braced = document.getText(diagnostic.range);
          const action = new vscode.CodeAction(`Write the date as ${braced.replace(/[{}\s]/g, '')}`, vscode.CodeActionKind.QuickFix);
          action.command = { command: COMMAND_IDS.unbraceDate, title: 'Write the date plain', arguments: [document.uri, diagnostic.range.start.line + 1, braced] };
          action.diagnostics = [diagnostic];
          action.isPreferred = true;
          actions.push(action);
          break;
        }
        case 'unknown-person': {
          const written = document.getText(diagnostic.range);
          const action = new vscode.CodeAction(`Replace "${written}" with a person the repository knows…`, vscode.CodeActionKind.QuickFix);
          action.command = { command: COMMAND_IDS.replaceUnknownPerson, title: 'Pick a person', arguments: [document.uri, diagnostic.range.start.line + 1, written] };
          action.diagnostics = [diagnostic];
          actions.push(action);
          const root = adrContext(this.analyses, document)?.root;
          if (!root) break;
          const alias = new vscode.CodeAction(`Add "${written}" as an alias of a person in .decision-orbit.yml…`, vscode.CodeActionKind.QuickFix);
          alias.command = { command: COMMAND_IDS.addAlias, title: 'Add an alias', arguments: [root, written] };
          alias.diagnostics = [diagnostic];
          actions.push(alias);
          break;
        }
        case 'superseded-without-successor': {
          const action = new vscode.CodeAction('Link the record that supersedes this one…', vscode.CodeActionKind.QuickFix);
          action.command = { command: COMMAND_IDS.supersede, title: 'Supersede', arguments: [document.uri, 'successor'] };
          action.diagnostics = [diagnostic];
          actions.push(action);
          break;
        }
        default:
          break;
      }
    }
    return actions;
  }
}
