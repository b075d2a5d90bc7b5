import assert from 'node:assert/strict';
import { analysisLogLines, PhaseClock } from '../../../../src/extension/analysis/analysis-log';
import type { Decision, Report } from '../../../../src/core/model/report';

function decision(source: 'adr' | 'git', counted: boolean, index: number): Decision {
  return {
    id: `${source}-${index}`, source, kind: source === 'adr' ? 'adr' : 'dependency', title: `${source} ${index}`, path: null, number: null,
    status: 'accepted', statusText: 'accepted', date: '2026-05-01', area: 'general', decisionMakers: [], consulted: [], informed: [], involvement: 'around',
    evidence: [], commits: [], pr: null, supersedes: [], supersededBy: [], weight: 1, counted, notCountedReason: counted ? null : 'automated', kinds: [],
  };
}

const WINDOW = { since: '2026-03-01', until: '2026-08-28', widened: false };
const ZONE = { verdict: 'no-data', decided: 0, consulted: 0, informed: 0, around: 0, count: 0, weight: 0 } as const;

const REPORT: Report = {
  schema: 'decision-orbit/v2',
  repository: { root: '/repos/acme', head: '0123456789abcdef0123', analyzedAt: '2026-08-28T00:00:00Z', window: { since: WINDOW.since, until: WINDOW.until } },
  leadership: [{ person: 'dana', role: 'CTO' }],
  people: [],
  decisions: [decision('adr', true, 1), decision('adr', false, 2), decision('git', true, 3), decision('git', false, 4), decision('git', false, 5)],
  zone: { overall: { ...ZONE, sources: { adr: { ...ZONE, window: WINDOW }, git: { ...ZONE, window: WINDOW } } }, byLeader: {}, byArea: {}, byQuarter: {} },
  warnings: [{ code: 'shallow-clone', message: 'shallow', path: null }, { code: 'adr-unknown-status', message: 'x', path: 'a.md' }, { code: 'adr-unknown-status', message: 'y', path: 'b.md' }],
};

describe('the Output channel line of an analysis', () => {
  it('times each phase from its message to the next, counting messages inside the phase they report on', () => {
    let now = 0;
    const clock = new PhaseClock(() => now);
    clock.take({ message: 'Reading configuration' });
    now = 5;
    clock.take({ message: 'Reading history' });
    now = 100;
    clock.take({ message: 'Reading history: 5,000 commits' });
    now = 250;
    clock.take({ message: 'Read 5,000 new commits', history: { read: 5000, kept: 900 } });
    now = 260;
    clock.stop();
    assert.equal(clock.summary, 'Reading configuration 5 ms, Reading history 245 ms, Read 5,000 new commits 10 ms');
    assert.deepEqual(clock.history, { read: 5000, kept: 900 });
  });

  it('names the repository, the window, the decisions per source, the warnings and the cache', () => {
    const missed = new PhaseClock(() => 0);
    missed.take({ message: 'Read 12 new commits', history: { read: 12, kept: 40 } });
    const lines = analysisLogLines('acme', REPORT, 812, missed);
    assert.equal(lines[0], 'Analysed acme (/repos/acme) at 0123456789ab in 812 ms');
    assert.equal(lines[1], '  window: last 180 days up to 2026-08-28; roster: 1 leader');
    assert.equal(lines[2], '  decisions: 2 ADRs (1 counted), 3 git signals (1 counted)');
    assert.equal(lines[3], '  warnings: 3 (shallow-clone, adr-unknown-status); history cache: miss or partial (12 commits read from git, 40 kept)');
    // In full, each warning about the repository as a whole (the Decisions view's warnings row opens this); a record's sit on it.
    assert.deepEqual(lines.slice(5), ['  warning (shallow-clone): shallow']);
    const hit = new PhaseClock(() => 0);
    hit.take({ message: 'Read 0 new commits', history: { read: 0, kept: 40 } });
    assert.match(analysisLogLines('acme', REPORT, 5, hit)[3] ?? '', /history cache: hit \(no new commits\)$/);
  });
});
