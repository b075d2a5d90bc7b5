// Commands on the repository as a whole: a new record, the leadership roster,
// exporting the report.
import * as vscode from 'vscode';
import { Document, isMap, isSeq, parseDocument, type YAMLMap } from 'yaml';
import { createAdr } from '../../core/adr';
import { CONFIG_FILE_NAME } from '../../core/config/load';
import { DEFAULT_CONFIG } from '../../core/config/schema';
import type { Person, Report } from '../../core/model/report';
import type { WorkspaceAnalyses } from '../analysis/workspace-analyses';
import type { WriteGuard } from '../adr/write-guard';
import { SETTINGS_SECTION } from '../settings';
import { askText, pickOne, runPick } from '../ui/inputs';

/** A `presetTitle` and `root` stand for the answers to the input box and the repository pick. */
export async function newRecord(analyses: WorkspaceAnalyses, guard: WriteGuard, presetTitle?: string, root?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const analysis = await analyses.pick('Which repository gets the new record?', root);
  if (!analysis) {
    void vscode.window.showInformationMessage('Decision Orbit: open a folder with a git repository first.');
    return undefined;
  }
  const title = presetTitle ?? (await askText({ prompt: 'Title of the new decision record', placeHolder: 'Use PostgreSQL for the ledger', validateInput: (value) => (value.trim() ? undefined : 'A title is needed') }));
  if (!title?.trim()) return undefined;
  const created = await createAdr({ root: analysis.root.fsPath, title: title.trim(), date: new Date().toISOString().slice(0, 10), config: DEFAULT_CONFIG });
  const uri = vscode.Uri.joinPath(analysis.root, created.path);
  // One file operation that carries the text: undo deletes a file whose buffer was never
  // edited, so its editor closes with it (a created-then-filled file could still be dirty
  // when the delete arrived, and its editor stayed open).
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(uri, { ignoreIfExists: false, contents: new TextEncoder().encode(created.text) });
  if (!(await guard.apply(edit, [{ uri, kind: 'new' }]))) return undefined;
  const editor = await vscode.window.showTextDocument(uri);
  // The writer starts in the first field: a placeholder selected, so typing replaces it.
  const start = editor.document.positionAt(created.cursor.start);
  editor.selection = new vscode.Selection(start, editor.document.positionAt(created.cursor.end));
  editor.revealRange(editor.selection);
  return uri;
}

export interface LeaderChoice {
  name: string;
  role: string;
}

export type RosterTarget = 'file' | 'settings';

/**
 * Writes the roster into `.decision-orbit.yml` or the user's settings. `root`, `leaders`
 * and `target` stand for the answers to the repository pick, the people pick with their
 * roles, and the where-to-keep-it pick.
 */
export async function configureLeadership(analyses: WorkspaceAnalyses, guard: WriteGuard, root?: vscode.Uri, leaders?: readonly LeaderChoice[], target?: RosterTarget): Promise<boolean> {
  const analysis = await analyses.pick('Configure leadership for which repository?', root);
  const report = analysis?.report;
  if (!analysis || !report) {
    void vscode.window.showInformationMessage('Decision Orbit: the repository has not been analysed yet.');
    return false;
  }
  const roles = leaders
    ? leaders.map((leader) => rosterEntry(leader.name, leader.role, report.people.find((person) => person.name === leader.name)))
    : await askRoster(report);
  if (!roles || roles.length === 0) return false;
  const where =
    target ??
    (
      await pickOne(
        [
          { label: '.decision-orbit.yml', description: 'in the repository: the team shares it', target: 'file' as const },
          { label: 'My settings', description: 'only for me (decisionOrbit.leadership)', target: 'settings' as const },
        ],
        'Where should the roster be kept?',
      )
    )?.target;
  if (!where) return false;
  if (where === 'settings') {
    await vscode.workspace.getConfiguration(SETTINGS_SECTION, analysis.root).update('leadership', roles, vscode.ConfigurationTarget.Global);
    return true;
  }
  const written = await writeConfig(guard, analysis.root, (document) => {
    const current = document.get('leadership', true);
    if (isSeq(current) || current === undefined) document.set('leadership', document.createNode(roles));
  });
  if (written) await vscode.window.showTextDocument(vscode.Uri.joinPath(analysis.root, CONFIG_FILE_NAME));
  return written;
}

/**
 * The quick fix for a name in a record that matches nobody: it becomes an alias of a person
 * the user picks (`person` answers the pick), in the roster entry of a leader or under `people`.
 */
export async function addAlias(analyses: WorkspaceAnalyses, guard: WriteGuard, root: vscode.Uri, alias: string, person?: string): Promise<boolean> {
  const report = (await analyses.pick('Add the alias in which repository?', root))?.report;
  if (!report) return false;
  const people = report.people.filter((candidate) => !candidate.isBot);
  const name = person ?? (await pickOne(people.map((candidate) => ({ label: candidate.name, description: candidate.isLeader ? 'leadership' : candidate.emails[0] ?? '' })), `Whose name is "${alias}"?`))?.label;
  const chosen = people.find((candidate) => candidate.name === name);
  if (!chosen) return false;
  return writeConfig(guard, root, (document) => {
    const entryIn = (list: unknown): YAMLMap | undefined => (isSeq(list) ? list.items.find((item): item is YAMLMap => isMap(item) && item.get('name') === chosen.name) : undefined);
    // A leader the file lists gets the alias there; anyone else (a leader from the settings too) under `people`,
    // which merges identities without making a roster in the file.
    const section = entryIn(document.get('leadership', true)) ? 'leadership' : 'people';
    const list = document.get(section, true) ?? document.createNode([]);
    if (!isSeq(list)) return;
    const entry = entryIn(list);
    const aliases = entry?.get('aliases', true);
    if (!entry) list.add(document.createNode({ name: chosen.name, aliases: [alias] }));
    else if (isSeq(aliases)) aliases.add(document.createNode(alias));
    else entry.set('aliases', document.createNode([alias]));
    document.set(section, list);
  });
}

/**
 * `.decision-orbit.yml` changed by `change`: an existing file through an undoable edit of its
 * buffer (the keys not changed keep their bytes), a new one created with its text on disk,
 * so the analysis sees it at once and there is nothing to save.
 */
async function writeConfig(guard: WriteGuard, root: vscode.Uri, change: (document: Document) => void): Promise<boolean> {
  const uri = vscode.Uri.joinPath(root, CONFIG_FILE_NAME);
  const target = await guard.configTarget(uri);
  // Flow sequences as people write them (`[a, b]`).
  const text = (document: Document): string => {
    change(document);
    return document.toString({ flowCollectionPadding: false });
  };
  if (target.kind === 'new') {
    // One file operation that carries the text, through the workbench's file service: its
    // buffer is the file from the start (a created-then-filled file raced a save after it).
    const create = new vscode.WorkspaceEdit();
    create.createFile(uri, { ignoreIfExists: false, contents: new TextEncoder().encode(text(new Document({}))) });
    return guard.apply(create, [target]);
  }
  // Checked before it is read: a link in its place is neither read through nor written.
  if (!(await guard.check(target))) return false;
  const existing = await vscode.workspace.openTextDocument(uri);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(uri, new vscode.Range(0, 0, existing.lineCount, 0), text(parseDocument(existing.getText())));
  return guard.apply(edit, [target]);
}

/** The people pick (likeliest leaders first) and a role for each; undefined when dismissed. */
type RosterEntry = { name: string; role: string; aliases: string[] };

/**
 * A leader's line of the roster: configured aliases (`@dchen`) stay, and every e-mail, other
 * spelling of the name and `@handle` the analysis met them under joins, so records that name
 * them any of those ways count for them.
 */
function rosterEntry(name: string, role: string, person: Person | undefined): RosterEntry {
  const aliases = [...(person?.aliases ?? []), ...(person?.emails ?? []), ...(person?.seenAs ?? [])].filter((alias) => alias !== name);
  return { name, role: role || 'Leadership', aliases: [...new Set(aliases)] };
}

async function askRoster(report: Report): Promise<RosterEntry[] | undefined> {
  const suggested = new Map((report.insights?.suggestedLeaders ?? []).map((entry, index) => [entry.person, { index, reason: entry.reason }]));
  const candidates = report.people
    .filter((person) => !person.isBot)
    .sort((a, b) => (suggested.get(a.id)?.index ?? 1e9) - (suggested.get(b.id)?.index ?? 1e9) || a.name.localeCompare(b.name))
    .map((person) => ({ label: person.name, description: suggested.get(person.id)?.reason ?? person.emails[0] ?? '', picked: person.isLeader, person }));
  const picked = (await runPick({ placeholder: 'Who is technical leadership? (likeliest first)', items: candidates, canSelectMany: true, matchOnDescription: true }))?.chosen;
  if (!picked) return undefined;
  const roles: RosterEntry[] = [];
  for (const item of picked) {
    const role = await askText({ prompt: `Role of ${item.person.name}`, value: report.leadership.find((leader) => leader.person === item.person.id)?.role ?? 'Leadership' });
    if (role === undefined) return undefined;
    roles.push(rosterEntry(item.person.name, role, item.person));
  }
  return roles;
}

export type ExportFormat = 'html' | 'json' | 'md';

export async function exportReport(
  analyses: WorkspaceAnalyses,
  render: (report: Report, format: ExportFormat) => Promise<string>,
  target?: { format: ExportFormat; uri: vscode.Uri },
): Promise<vscode.Uri | undefined> {
  const analysis = await analyses.pick('Export the report of which repository?');
  const report = analysis?.report;
  if (!analysis || !report) {
    void vscode.window.showInformationMessage('Decision Orbit: the repository has not been analysed yet.');
    return undefined;
  }
  const format =
    target?.format ??
    (
      await vscode.window.showQuickPick(
        [
          { label: 'HTML', description: 'the interactive map, one self-contained file to share', format: 'html' as const },
          { label: 'JSON', description: 'schema decision-orbit/v2, for scripts and CI gates', format: 'json' as const },
          { label: 'Markdown', description: 'a readable summary', format: 'md' as const },
        ],
        { placeHolder: 'Export format' },
      )
    )?.format;
  if (!format) return undefined;
  const uri =
    target?.uri ??
    (await vscode.window.showSaveDialog({ defaultUri: vscode.Uri.joinPath(analysis.root, `decision-orbit-report.${format}`), filters: { Report: [format] } }));
  if (!uri) return undefined;
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(await render(report, format)));
  void vscode.window.showInformationMessage(`Decision Orbit: report written to ${vscode.workspace.asRelativePath(uri)}.`);
  return uri;
}
