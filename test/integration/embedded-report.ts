// The standalone HTML report carries its report as a JSON block: find it, and
// the CSP and the scripts around it.
import assert from 'node:assert/strict';
import { reportSchema, type Report } from '../../src/core/model/report';

export interface ReportPage {
  csp: string;
  dataBlock: string;
  report: Report;
  scripts: string[];
}

export function readReportPage(html: string): ReportPage {
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
  assert.ok(csp, 'a CSP meta tag');
  const dataBlock = /<script type="application\/json" id="report-data">([\s\S]*?)<\/script>/.exec(html)?.[1];
  assert.ok(dataBlock !== undefined, 'a report-data JSON block');
  const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((match) => match[1] ?? '');
  return { csp, dataBlock, report: reportSchema.parse(JSON.parse(dataBlock)), scripts };
}
