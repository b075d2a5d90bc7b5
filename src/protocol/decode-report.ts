// The map's way in for a report: the compact form of compact-report.ts (zod
// checks its shape: flat arrays, cheap) read back into the `Report` the app
// renders, through the same field tables that wrote it. The reading is total: an
// index out of its table, a length past the end of its stream, a stream cut short
// or left over, all give `undefined`, never a throw, since the data comes from a
// file anyone can edit.
import type { Report } from '../core/model/report';
import { BUS_FACTOR_RISK, DECISION, PERSON, readAll } from './compact-fields';
import { compactReportSchema, type CompactReport } from './compact-report';
import { Malformed, Reader, TableReader } from './compact-streams';

export const INVALID_EMBEDDED_REPORT = 'The embedded report is not a valid decision-orbit/v2 report.';

/** The report a zod-checked compact form stands for, or undefined when its streams do not read as one. */
export function decodeReport(compact: CompactReport): Report | undefined {
  try {
    const strings = new TableReader(compact.strings);
    const numbers = new TableReader(compact.numbers);
    const people = readAll(new Reader(compact.people, strings, numbers), PERSON);
    const decisions = readAll(new Reader(compact.decisions, strings, numbers), DECISION);
    const busFactor = readAll(new Reader(compact.busFactor, strings, numbers), BUS_FACTOR_RISK);
    if (!strings.finished || !numbers.finished || (!compact.insights && busFactor.length > 0)) return undefined;
    const { schema, repository, leadership, zone, warnings } = compact.report;
    const insights = compact.insights && { breadthByQuarter: compact.insights.breadthByQuarter, busFactor, drift: compact.insights.drift, suggestedLeaders: compact.insights.suggestedLeaders };
    return { schema, repository, leadership, people, decisions, zone, ...(insights ? { insights } : {}), warnings };
  } catch (error) {
    if (error instanceof Malformed) return undefined;
    // Nothing in a zod-checked compact form can make the reader throw anything else: that would be a bug here.
    throw error;
  }
}

/** The report in a page's JSON block (text as the page holds it), or undefined for anything else. */
export function readEmbeddedReport(text: string): Report | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  const compact = compactReportSchema.safeParse(data);
  return compact.success ? decodeReport(compact.data) : undefined;
}
