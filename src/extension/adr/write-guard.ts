// Every write the extension makes (Set Owners, Change Status, Supersede, quick fixes,
// CodeLens actions, New Decision Record, Configure Leadership) passes the core's rule
// (src/core/adr/confine.ts) twice: when the WorkspaceEdit is applied and again when VS
// Code is about to save the document it changed. What remains (ADR 0009): VS Code's own
// save writes the buffer to the path, following a link, and an extension cannot stop a
// save; a file turned into a link between our edit and the save is reported, and VS
// Code itself refuses to save over a file whose size or time changed since it was read.
import { lstat } from 'node:fs/promises';
import * as vscode from 'vscode';
import { confineExisting, confineNew, recheckConfined, WriteRefusedError, type ConfinedFile } from '../../core/adr';
import { CONFIG_FILE_NAME } from '../../core/config/load';
import type { WorkspaceAnalyses } from '../analysis/workspace-analyses';
import { relativePath } from './adr-documents';

/** A file a command writes: a record discovery found, the config file at the root, or a new record. */
export interface WriteTarget {
  uri: vscode.Uri;
  kind: 'record' | 'config' | 'new';
}

interface Checked {
  file: ConfinedFile;
  allowed: (relative: string) => boolean;
}

export class WriteGuard implements vscode.Disposable {
  /** Documents our edits changed, until they are saved or closed. */
  private readonly unsaved = new Map<string, Checked>();
  private readonly subscriptions: vscode.Disposable[];
  /** The last refusal, for the extension-host tests. */
  lastRefusal: string | undefined;

  constructor(
    private readonly analyses: WorkspaceAnalyses,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.subscriptions = [
      vscode.workspace.onWillSaveTextDocument((event) => {
        const checked = this.unsaved.get(event.document.uri.toString());
        if (checked) event.waitUntil(this.checkOnSave(checked).then(() => []));
      }),
      vscode.workspace.onDidSaveTextDocument((document) => this.unsaved.delete(document.uri.toString())),
      vscode.workspace.onDidCloseTextDocument((document) => this.unsaved.delete(document.uri.toString())),
    ];
  }

  /** Checks one target; says why not (a warning and the log) and returns undefined when refused. */
  async check(target: WriteTarget): Promise<Checked | undefined> {
    try {
      return await this.confine(target);
    } catch (error) {
      this.refuse(error);
      return undefined;
    }
  }

  /** The config file at `uri` as a target: the file to edit when anything is there (a link too, which the rule refuses), else a new one. */
  async configTarget(uri: vscode.Uri): Promise<WriteTarget> {
    const present = await lstat(uri.fsPath).then(() => true, () => false);
    return { uri, kind: present ? 'config' : 'new' };
  }

  /** Applies `edit` when every file it writes passes the rule; otherwise writes nothing. */
  async apply(edit: vscode.WorkspaceEdit, targets: readonly WriteTarget[]): Promise<boolean> {
    const checked: Array<[WriteTarget, Checked]> = [];
    for (const target of targets) {
      const passed = await this.check(target);
      if (!passed) return false;
      checked.push([target, passed]);
    }
    if (!(await vscode.workspace.applyEdit(edit))) return false;
    for (const [target, { file, allowed }] of checked) {
      // A new record exists once the edit created it: its identity is taken now.
      const kept = target.kind === 'new' ? await confineExisting(file.root, file.absolute, { shown: file.shown, allowed }).catch(() => undefined) : file;
      if (kept) this.unsaved.set(target.uri.toString(), { file: kept, allowed });
    }
    return true;
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.unsaved.clear();
  }

  private async confine(target: WriteTarget): Promise<Checked> {
    const shown = vscode.workspace.asRelativePath(target.uri);
    if (!vscode.workspace.isTrusted) throw new Error(`${shown} is not written: the workspace is not trusted`);
    const analysis = target.uri.scheme === 'file' ? this.analyses.all.find((candidate) => relativePath(candidate.root, target.uri) !== undefined) : undefined;
    if (!analysis) throw new WriteRefusedError('outside', shown);
    const root = analysis.root.fsPath;
    if (target.kind === 'new') {
      const file = await confineNew(root, target.uri.fsPath, { shown });
      return { file, allowed: (relative) => relative === file.relative };
    }
    if (target.kind === 'record' && !analysis.report) throw new Error(`${shown} is not written yet: the repository's records are still being found`);
    const records = new Set((analysis.report?.decisions ?? []).flatMap((decision) => (decision.source === 'adr' && decision.path ? [decision.path] : [])));
    const allowed = target.kind === 'config' ? (relative: string): boolean => relative === CONFIG_FILE_NAME : (relative: string): boolean => records.has(relative);
    return { file: await confineExisting(root, target.uri.fsPath, { shown, allowed }), allowed };
  }

  private async checkOnSave({ file, allowed }: Checked): Promise<void> {
    try {
      await recheckConfined(file, allowed);
    } catch (error) {
      this.refuse(error, ' VS Code saves it anyway: check the file, and undo if it is not the record.');
    }
  }

  private refuse(error: unknown, after = ''): void {
    const message = error instanceof Error ? error.message : String(error);
    this.lastRefusal = message;
    this.log.warn(`Write refused: ${message}`);
    void vscode.window.showWarningMessage(`Decision Orbit: ${message}.${after}`);
  }
}
