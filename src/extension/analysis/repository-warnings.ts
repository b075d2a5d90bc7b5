// The warnings about a repository as a whole: they have no file to sit on as
// diagnostics, so the Decisions view sums them up in one row and the Output
// channel lists them.
import type { Report, Warning } from '../../core/model/report';

/** The missing roster has its own welcome view and status-bar text. */
const SHOWN_ELSEWHERE = new Set(['no-roster']);

export function repositoryWarnings(report: Report | undefined): Warning[] {
  return (report?.warnings ?? []).filter((warning) => warning.path === null && !SHOWN_ELSEWHERE.has(warning.code));
}
