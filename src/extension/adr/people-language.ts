// Hovers on people names (who they resolve to) and completion of names inside
// the people fields of a record.
import * as vscode from 'vscode';
import { opensPeopleField } from '../../core/adr/header-fields';
import { normalizeEmail, normalizeHandle, normalizeName, parseIdentityText } from '../../core/people/normalize';
import { markdownText } from '../../present/markdown';
import type { Person, Report } from '../../core/model/report';
import type { WorkspaceAnalyses } from '../analysis/workspace-analyses';
import { adrContext } from './adr-documents';

export function findPerson(people: readonly Person[], text: string): Person | undefined {
  // A name written as a link (`[Ann Lee](https://ann.example)`) is the name it shows.
  const shown = parseIdentityText(text).name ?? text;
  const name = normalizeName(shown);
  const email = normalizeEmail(text);
  const handle = text.trim().startsWith('@') ? normalizeHandle(text) : undefined;
  return people.find(
    (person) =>
      normalizeName(person.name) === name ||
      person.emails.includes(email) ||
      person.aliases.some((alias) => alias === text.trim() || (handle !== undefined && normalizeHandle(alias) === handle)),
  );
}

/**
 * The person `text` names when the repository knows them apart from the record at `path`:
 * from commits, the config or another record. An analysis makes a person of every name a
 * record gives, so a misspelt name would count as known once its record is saved.
 */
export function knownPerson(report: Report, text: string, path: string): Person | undefined {
  const person = findPerson(report.people, text);
  return person && knownApartFrom(report, person, path) ? person : undefined;
}

/** Whether the repository knows `person` from commits, the config or a record other than the one at `path`. */
export function knownApartFrom(report: Report, person: Person, path: string): boolean {
  if (person.emails.length > 0 || person.aliases.length > 0 || person.isLeader) return true;
  return report.decisions.some((decision) => decision.path !== path && [decision.decisionMakers, decision.consulted, decision.informed].some((ids) => ids.includes(person.id)));
}

export class PeopleHoverProvider implements vscode.HoverProvider {
  constructor(private readonly analyses: WorkspaceAnalyses) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const context = adrContext(this.analyses, document);
    if (!context) return undefined;
    const refs = [...context.record.decisionMakers, ...context.record.consulted, ...context.record.informed];
    const lineText = document.lineAt(position.line).text;
    for (const ref of refs) {
      if (ref.line !== position.line + 1) continue;
      const start = lineText.indexOf(ref.text);
      if (start < 0 || position.character < start || position.character > start + ref.text.length) continue;
      const person = knownPerson(context.report, ref.text, context.path);
      // Names and addresses escaped by markdownText: appendText would leave e-mail addresses and URLs to be linked.
      const markdown = new vscode.MarkdownString();
      const list = (items: readonly string[]): string => items.map(markdownText).join(', ');
      if (person) {
        markdown.appendMarkdown(`${markdownText(ref.text)} → ${markdownText(person.name)}${person.isLeader ? ' (leadership)' : ''}${person.isBot ? ' (bot)' : ''}\n\n`);
        if (person.emails.length) markdown.appendMarkdown(`Emails: ${list(person.emails)}\n\n`);
        if (person.aliases.length) markdown.appendMarkdown(`Aliases: ${list(person.aliases)}`);
      } else {
        markdown.appendMarkdown(`${markdownText(ref.text)} resolves to nobody the repository knows: no commit author, alias or mailmap entry matches.`);
      }
      return new vscode.Hover(markdown, new vscode.Range(position.line, start, position.line, start + ref.text.length));
    }
    return undefined;
  }
}

export class PeopleCompletionProvider implements vscode.CompletionItemProvider {
  constructor(private readonly analyses: WorkspaceAnalyses) {}

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] {
    const context = adrContext(this.analyses, document);
    if (!context) return [];
    const line = document.lineAt(position.line).text;
    const inField = opensPeopleField(line) || (/^\s*-\s/.test(line) && this.fieldAbove(document, position.line));
    if (!inField) return [];
    return context.report.people
      .filter((person) => !person.isBot)
      .map((person) => {
        const item = new vscode.CompletionItem(person.name, vscode.CompletionItemKind.User);
        item.detail = [person.isLeader ? 'leadership' : '', person.emails[0] ?? ''].filter(Boolean).join(' · ');
        item.sortText = `${person.isLeader ? 0 : 1}${person.name}`;
        return item;
      });
  }

  private fieldAbove(document: vscode.TextDocument, line: number): boolean {
    for (let index = line - 1; index >= 0; index -= 1) {
      const text = document.lineAt(index).text;
      if (opensPeopleField(text)) return true;
      if (!/^\s*-\s/.test(text)) return false;
    }
    return false;
  }
}
