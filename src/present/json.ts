// `--json`: the report as scripts read it, indented, one trailing newline.
import type { Report } from '../core/model/report';

export function formatJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
