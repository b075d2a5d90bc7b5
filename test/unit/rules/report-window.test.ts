import assert from 'node:assert/strict';
import { spanBrief, windowBrief, windowWords } from '../../../src/present/describe';
import { inReportWindow, sourceWindowOf } from '../../../src/rules/report-window';
import { computeZones } from '../../../src/rules/zone';
import type { Decision, Report } from '../../../src/core/model/report';

const RULES = { tooClose: 0.5, tooFar: 0.5, minDecisions: 10 };

/** A counted decision of `source`, around leadership, on `date`. */
function decision(source: 'adr' | 'git', date: string, index: number): Decision {
  return {
    id: `${source}-${index}`, source, kind: source === 'adr' ? 'adr' : 'dependency', title: `${source} ${index}`, path: null, number: null,
    status: 'accepted', statusText: 'accepted', date, area: 'general', decisionMakers: [], consulted: [], informed: [], involvement: 'around',
    involvementByLeader: { dana: 'around' }, evidence: [], commits: [], pr: null, supersedes: [], supersededBy: [], weight: source === 'adr' ? 1 : 0.5,
    counted: true, notCountedReason: null, kinds: source === 'adr' ? [] : ['dependency'],
  };
}

function reportOf(decisions: Decision[], widenTo: number | null): Report {
  const zone = computeZones(decisions, ['dana'], { window: { since: '2026-04-04', until: '2026-10-01' }, widenTo, rules: RULES });
  return {
    schema: 'decision-orbit/v2', repository: { root: '/r', head: null, analyzedAt: '2026-10-01T00:00:00Z', window: { since: '2026-04-04', until: '2026-10-01' } },
    leadership: [{ person: 'dana', role: 'CTO' }], people: [], decisions, zone, warnings: [],
  };
}

// 25 git signals a week apart up to the end (most inside 180 days), 5 ADRs a month apart from 2024 (none inside).
const SIGNALS = Array.from({ length: 25 }, (_, i) => decision('git', new Date(Date.parse('2026-10-01') - i * 7 * 86_400_000).toISOString().slice(0, 10), i));
const RECORDS = Array.from({ length: 5 }, (_, i) => decision('adr', `2024-0${i + 1}-15`, i));

describe('report window: one period for every surface', () => {
  it('holds, per source, exactly the decisions the zone counted', () => {
    const report = reportOf([...SIGNALS, ...RECORDS], 20);
    for (const source of ['adr', 'git'] as const) {
      const inside = report.decisions.filter((d) => d.source === source && d.counted && inReportWindow(report, d));
      assert.equal(inside.length, report.zone.overall.sources?.[source].count, source);
    }
  });

  it('says the span, and each source apart when one was widened', () => {
    const report = reportOf([...SIGNALS, ...RECORDS], 20);
    assert.equal(sourceWindowOf(report, 'adr').widened, true);
    assert.equal(windowWords(report), 'ADRs since 2024-01-15 · signals last 180 days');
    // A view's header: each source's span, short enough for a sidebar; 990 days read as years.
    assert.equal(windowBrief(report), 'ADRs 2.7 y · git 180 d');
    const narrow = reportOf(SIGNALS, null);
    assert.equal(windowWords(narrow), 'last 180 days');
    assert.equal(windowBrief(narrow), 'last 180 days');
    assert.equal(inReportWindow(narrow, { source: 'adr', date: '2024-01-15' }), false);
  });

  it('says a span past two years in years, to a tenth, and up to two years in days', () => {
    assert.equal(spanBrief(180), '180 d');
    assert.equal(spanBrief(730), '730 d');
    assert.equal(spanBrief(731), '2.0 y');
    assert.equal(spanBrief(1718), '4.7 y');
    // A record from 2022 widens the ADRs' window to 1,720 days: the header says years.
    const old = reportOf([...SIGNALS, decision('adr', '2022-01-15', 0), ...RECORDS.slice(1)], 20);
    assert.equal(windowBrief(old), 'ADRs 4.7 y · git 180 d');
  });
});
