// The standalone HTML report carries its report as a JSON block (the compact
// form the app decodes): find it and read it as the app does, and the CSP and the
// scripts around it.
import assert from 'node:assert/strict';
import type { Report } from '../../src/core/model/report';
import { readEmbeddedReport } from '../../src/protocol/decode-report';

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
  const report = readEmbeddedReport(dataBlock);
  assert.ok(report, 'the report-data block decodes to a decision-orbit/v2 report');
  return { csp, dataBlock, report, scripts };
}
