// The report in the three export formats, the same ones the CLI writes.
import type * as vscode from 'vscode';
import { renderHtmlReport } from '../present/html';
import { formatJson } from '../present/json';
import { formatMarkdown } from '../present/markdown';
import type { Report } from '../core/model/report';

export async function renderExport(_extensionUri: vscode.Uri, report: Report, format: 'html' | 'json' | 'md'): Promise<string> {
  if (format === 'json') return formatJson(report);
  if (format === 'md') return formatMarkdown(report);
  return renderHtmlReport(report);
}
