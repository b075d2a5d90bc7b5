// The one period every surface shows: each source's window as the zone weighed
// it (the configured span up to HEAD, or widened to its last counted decisions),
// said in words. A decision is "in the window" when its date falls inside its own
// source's window, so a list counted here holds what the zone counted.
import type { Decision, Report, Zone } from '../model/report';
import { inWindow, type SourceWindow } from './zone-window';

type Source = Decision['source'];

const DAY_MS = 86_400_000;
const SOURCE_NAMES: Record<Source, string> = { adr: 'ADRs', git: 'signals' };

/** The window `zone` weighed `source` over; the report's header window when the zone carries none. */
export function sourceWindowOf(report: Report, source: Source, zone: Zone = report.zone.overall): SourceWindow {
  return zone.sources?.[source]?.window ?? report.zone.overall.sources?.[source]?.window ?? { ...report.repository.window, widened: false };
}

/** Inside its own source's window of `zone` (the roster's unless a leader's is given). */
export function inReportWindow(report: Report, decision: Pick<Decision, 'source' | 'date'>, zone?: Zone): boolean {
  return inWindow(decision.date, sourceWindowOf(report, decision.source, zone));
}

function spanWords(window: SourceWindow): string {
  // A widened window starts at its oldest counted decision; the zone's tooltip says why.
  if (window.widened) return `since ${window.since}`;
  const days = Math.round((Date.parse(window.until) - Date.parse(window.since)) / DAY_MS);
  return `last ${days} days`;
}

/** "last 180 days", or per source when the two differ ("ADRs since 2022-07-30 · signals last 180 days"): short enough for a view's header. */
export function windowWords(report: Report, zone?: Zone): string {
  const adr = spanWords(sourceWindowOf(report, 'adr', zone));
  const git = spanWords(sourceWindowOf(report, 'git', zone));
  return adr === git ? adr : `${SOURCE_NAMES.adr} ${adr} · ${SOURCE_NAMES.git} ${git}`;
}

