// Set Owners: from the CodeLens straight into the decision-makers pick (tick, OK: three
// actions), leadership first, then the people who decided beside this record, then
// everyone; consulted, informed and the status one button away. The ADR engine writes
// the names in the record's own dialect and list style.
import * as vscode from 'vscode';
import { planAdrEdit } from '../../core/adr';
import { checkNames } from '../../core/adr/edit-checks';
import type { AdrPeopleField } from '../../core/model/adr';
import type { Person } from '../../core/model/report';
import { ownerCandidates } from '../../core/people/owner-candidates';
import type { WorkspaceAnalyses } from '../analysis/workspace-analyses';
import { COMMAND_IDS } from '../commands/ids';
import { pickOne, runPick } from '../ui/inputs';
import { adrContext, workspaceEditOf, type AdrDocumentContext } from './adr-documents';
import { knownApartFrom, knownPerson } from './people-language';
import type { WriteGuard } from './write-guard';

const FIELD_LABELS: Record<AdrPeopleField, string> = { decisionMakers: 'Decision-makers', consulted: 'Consulted', informed: 'Informed' };
const FIELDS = Object.keys(FIELD_LABELS) as AdrPeopleField[];

type OwnerItem = vscode.QuickPickItem & { person?: Person; written?: string };
type SwitchButton = vscode.QuickInputButton & { to: AdrPeopleField | 'status' };
/** What the pick ended with: the ticked names, and where to go next (nowhere on OK). */
type Answer = { names: string[]; next?: AdrPeopleField | 'status' };

/** `names` answers the pick (other commands and tests pass it), for `presetField` (default: decision-makers). */
export async function setOwners(analyses: WorkspaceAnalyses, guard: WriteGuard, target?: vscode.Uri, presetField?: AdrPeopleField, names?: string[]): Promise<boolean> {
  const uri = target ?? vscode.window.activeTextEditor?.document.uri;
  if (!uri) {
    void vscode.window.showInformationMessage('Decision Orbit: open a decision record first.');
    return false;
  }
  // Before the record is even opened: a link is not read through either.
  if (!(await guard.check({ uri, kind: 'record' }))) return false;
  const document = await vscode.workspace.openTextDocument(uri);
  let field = presetField ?? 'decisionMakers';
  let context = adrContext(analyses, document);
  if (!context) return false;
  if (names) return applyOwners(guard, document, context, field, names);
  let wrote = false;
  for (;;) {
    const answer = await askOwners(context, field);
    if (!answer) return wrote;
    // Nothing ticked or unticked: the field keeps its bytes (a comment beside a name too).
    if (!sameNames(answer.names, context.record[field].map((ref) => ref.text))) {
      if (!(await applyOwners(guard, document, context, field, answer.names))) return wrote;
      wrote = true;
    }
    if (answer.next === undefined) return true;
    if (answer.next === 'status') return (await vscode.commands.executeCommand<boolean | undefined>(COMMAND_IDS.changeStatus, uri)) === true || wrote;
    field = answer.next;
    // The record as the buffer holds it after the write.
    context = adrContext(analyses, document);
    if (!context) return wrote;
  }
}

/**
 * The quick fix for a name that matches nobody: `written` (on the record's 1-based `line`)
 * becomes a person the user picks, likeliest first, written as the field writes names.
 */
export async function replaceUnknownPerson(analyses: WorkspaceAnalyses, guard: WriteGuard, uri: vscode.Uri, line: number, written: string, chosen?: string): Promise<boolean> {
  if (!(await guard.check({ uri, kind: 'record' }))) return false;
  const document = await vscode.workspace.openTextDocument(uri);
  const context = adrContext(analyses, document);
  const field = context && FIELDS.find((candidate) => context.record[candidate].some((ref) => ref.text === written && ref.line === line));
  if (!context || !field) return false;
  const { leadership, nearby, everyone } = ownerCandidates(context.report, context.decision);
  const offered = [...leadership, ...nearby, ...everyone].filter((person) => knownApartFrom(context.report, person, context.path));
  const name = chosen ?? (await pickOne(offered.map((person) => ({ label: person.name, description: person.emails[0] ?? '' })), `Who is "${written}"?`))?.label;
  if (name === undefined) return false;
  const names = context.record[field].map((ref) => (ref.text === written && ref.line === line ? name : ref.text));
  return applyOwners(guard, document, context, field, [...new Set(names)]);
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((name, index) => name === b[index]);
}

/** The names to write: those the record names and still ticked, as written and in their order, then the newly ticked. */
function namesAfterPick(written: readonly string[], ticked: readonly OwnerItem[], known: (text: string) => Person | undefined): string[] {
  const tickedIds = new Set(ticked.flatMap((item) => (item.person ? [item.person.id] : [])));
  const tickedWritten = new Set(ticked.flatMap((item) => (item.written !== undefined ? [item.written] : [])));
  const kept = written.filter((text) => {
    const person = known(text);
    return person ? tickedIds.has(person.id) : tickedWritten.has(text);
  });
  const keptIds = new Set(kept.flatMap((text) => known(text)?.id ?? []));
  const added = ticked.flatMap((item) => (item.person && !keptIds.has(item.person.id) ? [item.person.name] : []));
  return [...new Set([...kept, ...added])];
}

/** The person a name means, when the repository knows them apart from this record (as its diagnostics say). */
function knownIn(context: AdrDocumentContext): (text: string) => Person | undefined {
  return (text) => knownPerson(context.report, text, context.path);
}

function ownerItems(context: AdrDocumentContext, field: AdrPeopleField): OwnerItem[] {
  const known = knownIn(context);
  const written = context.record[field].map((ref) => ref.text);
  const named = new Set(written.flatMap((text) => known(text)?.id ?? []));
  const { leadership, nearby, everyone } = ownerCandidates(context.report, context.decision);
  const item = (person: Person, why: string): OwnerItem => ({
    label: person.name,
    description: [why, person.emails[0] ?? ''].filter(Boolean).join(' · '),
    picked: named.has(person.id),
    person,
  });
  const group = (label: string, candidates: readonly Person[], why: (person: Person) => string): OwnerItem[] => {
    // Someone only this record names is listed as written, below, not as a person.
    const members = candidates.filter((person) => knownApartFrom(context.report, person, context.path));
    return members.length === 0 ? [] : [{ label, kind: vscode.QuickPickItemKind.Separator }, ...members.map((person) => item(person, why(person)))];
  };
  const roles = new Map(context.report.leadership.map((leader) => [leader.person, leader.role]));
  const unknown = written.filter((text) => !known(text));
  return [
    ...group('leadership', leadership, (person) => roles.get(person.id) ?? 'leadership'),
    ...group('decided nearby or worked on this area', nearby, () => ''),
    ...group('everyone', everyone, () => ''),
    ...(unknown.length === 0 ? [] : [{ label: 'as written in the record', kind: vscode.QuickPickItemKind.Separator }, ...unknown.map((text) => ({ label: text, description: 'matches nobody the repository knows', picked: true, written: text }))]),
  ];
}

async function askOwners(context: AdrDocumentContext, field: AdrPeopleField): Promise<Answer | undefined> {
  const buttons: SwitchButton[] = [
    ...FIELDS.filter((other) => other !== field).map((other) => ({ to: other, iconPath: new vscode.ThemeIcon(other === 'decisionMakers' ? 'person' : 'organization'), tooltip: `${FIELD_LABELS[other]}…` })),
    { to: 'status', iconPath: new vscode.ThemeIcon('tag'), tooltip: 'Status…' },
  ];
  const answer = await runPick({
    title: `${FIELD_LABELS[field]} of "${context.decision.title}"`,
    placeholder: 'Tick who, then OK. The buttons above switch to the other owners or the status.',
    items: ownerItems(context, field),
    canSelectMany: true,
    buttons,
    matchOnDescription: true,
  });
  if (!answer) return undefined;
  const written = context.record[field].map((ref) => ref.text);
  return { names: namesAfterPick(written, answer.chosen, knownIn(context)), next: answer.button?.to };
}

async function applyOwners(guard: WriteGuard, document: vscode.TextDocument, context: AdrDocumentContext, field: AdrPeopleField, names: string[]): Promise<boolean> {
  const problem = checkNames(context.record.dialect, field, names);
  if (problem !== null) {
    void vscode.window.showWarningMessage(`Decision Orbit: ${problem}.`);
    return false;
  }
  const edits = planAdrEdit(document.getText(), context.path, { kind: 'people', field, names });
  if (edits.length === 0) return true;
  return guard.apply(workspaceEditOf(document, edits), [{ uri: document.uri, kind: 'record' }]);
}
