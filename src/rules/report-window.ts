// The one period every surface shows: each source's window as the zone weighed
// it (the configured span up to HEAD, or widened to its last counted decisions).
// A decision is "in the window" when its date falls inside its own source's
// window, so a list counted here holds what the zone counted; present/describe.ts
// says the window in words.
import type { Decision, Report, Zone } from '../core/model/report';
import { inWindow, type SourceWindow } from './zone-window';

type Source = Decision['source'];

/** The window `zone` weighed `source` over; the report's header window when the zone carries none. */
export function sourceWindowOf(report: Report, source: Source, zone: Zone = report.zone.overall): SourceWindow {
  return zone.sources?.[source]?.window ?? report.zone.overall.sources?.[source]?.window ?? { ...report.repository.window, widened: false };
}

/** Inside its own source's window of `zone` (the roster's unless a leader's is given). */
export function inReportWindow(report: Report, decision: Pick<Decision, 'source' | 'date'>, zone?: Zone): boolean {
  return inWindow(decision.date, sourceWindowOf(report, decision.source, zone));
}
