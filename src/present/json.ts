// `--json`: the report as scripts read it, indented, one trailing newline; in
// the v1 shape for `--schema v1` (kept for one release).
import type { Report } from '../core/model/report';
import { toReportV1 } from '../core/model/report-v1';

/** The schemas `--schema` accepts, by the name a user writes. */
export const JSON_SCHEMAS = ['v2', 'v1'] as const;
export type JsonSchema = (typeof JSON_SCHEMAS)[number];

export function isJsonSchema(name: string): name is JsonSchema {
  return (JSON_SCHEMAS as readonly string[]).includes(name);
}

export function formatJson(report: Report, schema: JsonSchema = 'v2'): string {
  return `${JSON.stringify(schema === 'v1' ? toReportV1(report) : report, null, 2)}\n`;
}
