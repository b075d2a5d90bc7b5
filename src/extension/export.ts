// The report in the three export formats, the same ones the CLI writes.
import type * as vscode from 'vscode';
import { renderHtmlReport } from '../present/html';
import { formatMarkdown } from '../present/markdown';
import type { Report } from '../core/model/report';

export async function renderExport(_extensionUri: vscode.Uri, report: Report, format: 'html' | 'json' | 'md'): Promise<string> {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  if (format === 'md') return formatMarkdown(report);
  return renderHtmlReport(report);
}
