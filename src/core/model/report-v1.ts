// `--schema v1`, for one release: the v2 report in the shape v1 consumers read.
// v1 had one git decision per unit and kind, no `counted`, and four verdicts; what
// v1 cannot say is mapped to what v1 meant (no roster: around; a verdict inside
// the interval: goldilocks; ADRs and signals disagreeing: no-data) or left out
// (maintenance and unreadable changes, which v1 would have counted).
import type { Decision, Report, Zone, Zones } from './report';

export const REPORT_SCHEMA_V1 = 'decision-orbit/v1';

type V1Verdict = 'too-close' | 'goldilocks' | 'too-far' | 'no-data';

function v1Verdict(verdict: string): V1Verdict {
  if (verdict === 'too-close' || verdict === 'goldilocks' || verdict === 'too-far') return verdict;
  return verdict.startsWith('leaning') ? 'goldilocks' : 'no-data';
}

function v1Zone(zone: Zone): Record<string, unknown> {
  return { verdict: v1Verdict(zone.verdict), decided: zone.decided, consulted: zone.consulted, informed: zone.informed, around: zone.around, count: zone.count, weight: zone.weight };
}

function v1Zones(zones: Zones): Record<string, unknown> {
  const each = (record: Record<string, Zone>): Record<string, unknown> => Object.fromEntries(Object.entries(record).map(([key, zone]) => [key, v1Zone(zone)]));
  return { overall: v1Zone(zones.overall), byLeader: each(zones.byLeader), byArea: each(zones.byArea), byQuarter: each(zones.byQuarter), ...(zones.thresholds ? { thresholds: zones.thresholds } : {}) };
}

function v1Decisions(decision: Decision): Record<string, unknown>[] {
  if (decision.notCountedReason === 'maintenance' || decision.notCountedReason === 'unknown') return [];
  const { counted: _counted, notCountedReason: _reason, kinds, findings: _findings, ...rest } = decision;
  const involvement = decision.involvement === 'unknown' ? 'around' : decision.involvement;
  if (decision.source === 'adr') return [{ ...rest, involvement }];
  // v1 had no platform kind: a runtime target came from a manifest, a dependency change then.
  const v1Kinds = new Set((kinds.length > 0 ? kinds : [decision.kind]).map((kind) => (kind === 'platform' ? 'dependency' : kind)));
  return [...v1Kinds].map((kind) => ({ ...rest, id: `${decision.id}:${kind}`, kind, involvement }));
}

export function toReportV1(report: Report): Record<string, unknown> {
  return { ...report, schema: REPORT_SCHEMA_V1, decisions: report.decisions.flatMap(v1Decisions), zone: v1Zones(report.zone) };
}
