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

function days(window: SourceWindow): number {
  return Math.round((Date.parse(window.until) - Date.parse(window.since)) / DAY_MS);
}

function spanWords(window: SourceWindow): string {
  // A widened window starts at its oldest counted decision; the zone's tooltip says why.
  return window.widened ? `since ${window.since}` : `last ${days(window)} days`;
}

/** One source's window in words: "last 180 days", or "since 2022-07-30" when widened. */
export function sourceWindowWords(report: Report, source: Source, zone?: Zone): string {
  return spanWords(sourceWindowOf(report, source, zone));
}

/** "last 180 days", or per source when the two differ ("ADRs since 2022-07-30 · signals last 180 days"): the full sentence under a short header. */
export function windowWords(report: Report, zone?: Zone): string {
  const adr = sourceWindowWords(report, 'adr', zone);
  const git = sourceWindowWords(report, 'git', zone);
  return adr === git ? adr : `${SOURCE_NAMES.adr} ${adr} · ${SOURCE_NAMES.git} ${git}`;
}

/**
 * The window as a view's header says it, whole at a normal sidebar width (about 22
 * characters beside "Routed around"): `windowWords` when the sources agree, else each
 * source's span in days ("ADRs 315 d · git 180 d"); the full sentence is said below it.
 */
export function windowBrief(report: Report, zone?: Zone): string {
  const adr = sourceWindowOf(report, 'adr', zone);
  const git = sourceWindowOf(report, 'git', zone);
  return spanWords(adr) === spanWords(git) ? spanWords(adr) : `${SOURCE_NAMES.adr} ${days(adr)} d · git ${days(git)} d`;
}

