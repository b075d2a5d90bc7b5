// Set Owners: pick who decided, was consulted or informed, from the people the
// analysis knows; the ADR engine writes it in the record's own dialect.
import * as vscode from 'vscode';
import { planAdrEdit } from '../../core/adr';
import { checkNames } from '../../core/adr/edit-checks';
import type { AdrDialect, AdrPeopleField } from '../../core/model/adr';
import type { WorkspaceAnalyses } from '../analysis/workspace-analyses';
import { adrContext, workspaceEditOf } from './adr-documents';
import type { WriteGuard } from './write-guard';

const FIELDS: ReadonlyArray<{ field: AdrPeopleField; label: string }> = [
  { field: 'decisionMakers', label: 'Decision-makers' },
  { field: 'consulted', label: 'Consulted' },
  { field: 'informed', label: 'Informed' },
];

/** `names` answers the quick pick (other commands and tests pass it). */
export async function setOwners(analyses: WorkspaceAnalyses, guard: WriteGuard, target?: vscode.Uri, presetField?: AdrPeopleField, names?: string[]): Promise<boolean> {
  const uri = target ?? vscode.window.activeTextEditor?.document.uri;
  if (!uri) {
    void vscode.window.showInformationMessage('Decision Orbit: open a decision record first.');
    return false;
  }
  // Before the record is even opened: a link is not read through either.
  if (!(await guard.check({ uri, kind: 'record' }))) return false;
  const document = await vscode.workspace.openTextDocument(uri);
  const context = adrContext(analyses, document);
  if (!context) return false;
  const field =
    presetField ??
    (await vscode.window.showQuickPick(FIELDS.map((entry) => ({ label: entry.label, field: entry.field })), { placeHolder: 'Which owners do you want to set?' }))?.field;
  if (!field) return false;
  if (names) return applyOwners(guard, document, context, field, names);
  const current = context.record[field].map((ref) => ref.text);
  const people = context.report.people.filter((person) => !person.isBot);
  const currentIds = new Set(context.decision[field]);
  const items: Array<vscode.QuickPickItem & { name: string }> = people.map((person) => ({
    label: person.name,
    description: [person.isLeader ? 'leadership' : '', person.emails[0] ?? ''].filter(Boolean).join(' · '),
    picked: currentIds.has(person.id),
    name: person.name,
  }));
  for (const text of current) {
    if (!items.some((item) => item.name === text) && !people.some((person) => currentIds.has(person.id) && person.aliases.includes(text))) {
      items.push({ label: text, description: 'as written in the record', picked: true, name: text });
    }
  }
  const label = FIELDS.find((entry) => entry.field === field)?.label ?? field;
  const picked = await vscode.window.showQuickPick(items, { canPickMany: true, placeHolder: `${label} of "${context.decision.title}"` });
  if (!picked) return false;
  return applyOwners(guard, document, context, field, picked.map((item) => item.name));
}

async function applyOwners(guard: WriteGuard, document: vscode.TextDocument, context: { path: string; record: { dialect: AdrDialect } }, field: AdrPeopleField, names: string[]): Promise<boolean> {
  const problem = checkNames(context.record.dialect, field, names);
  if (problem !== null) {
    void vscode.window.showWarningMessage(`Decision Orbit: ${problem}.`);
    return false;
  }
  const edits = planAdrEdit(document.getText(), context.path, { kind: 'people', field, names });
  if (edits.length === 0) return true;
  return guard.apply(workspaceEditOf(document, edits), [{ uri: document.uri, kind: 'record' }]);
}
