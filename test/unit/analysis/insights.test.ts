import assert from 'node:assert/strict';
import { indexHistory } from '../../../src/core/analysis/history-index';
import { computeInsights } from '../../../src/core/analysis/insights';
import { isDay } from '../../../src/rules/zone-window';
import { analysisWindow } from '../../../src/core/analyze';
import { DEFAULT_CONFIG } from '../../../src/core/config/schema';
import type { CommitRecord } from '../../../src/core/model/history';
import type { Decision, Evidence, Person } from '../../../src/core/model/report';
import { aDecision } from '../../support/builders';
import { createIdentityResolver, parseMailmap } from '../../../src/core/people';

const NOW = new Date('2026-10-01T00:00:00Z');

function person(id: string, lastActive: string | null, isBot = false): Person {
  return { id, name: id, emails: [], aliases: [], isLeader: id === 'dana', isBot, lastActive };
}

function decided(...people: string[]): Evidence[] {
  return people.map((p) => ({ person: p, role: 'author', source: 'commit-author', ref: 'x', inferred: false, level: 'decided' }));
}

function decision(id: string, source: 'adr' | 'git', date: string, evidence: Evidence[], extra: Partial<Decision> = {}): Decision {
  return aDecision({ id, source, kind: source === 'adr' ? 'adr' : 'data', date, evidence, ...extra });
}

function commit(sha: string, name: string, email: string, files: string[], trailers: Array<[string, string]> = []): CommitRecord {
  return {
    sha, parents: [], author: { name, email }, committer: { name, email }, authorDate: '2026-05-01T00:00:00Z', committerDate: '2026-05-01T00:00:00Z',
    subject: 's', body: '', trailers: trailers.map(([key, value]) => ({ key, value })), files: files.map((path) => ({ status: 'M', path })),
  };
}

describe('insights', () => {
  const people = [person('dana', '2026-09-01'), person('carol', '2026-09-01'), person('eve', '2025-12-10'), person('bot', '2026-09-01', true)];
  const resolver = createIdentityResolver({ mailmap: parseMailmap(''), config: DEFAULT_CONFIG });
  const history = { head: 'c2', commits: [commit('c2', 'Carol', 'carol@acme.io', ['services/payments/a.ts'], [['Reviewed-by', 'Bob <bob@acme.io>']]), commit('c1', 'Bob', 'bob@acme.io', ['services/payments/b.ts'])], shallow: false, pullRequests: [], prOfCommit: new Map<string, string>() };
  const decisions = [
    decision('a', 'adr', '2026-01-05', decided('carol', 'dana')),
    decision('b', 'git', '2025-12-10', decided('eve')),
    decision('c', 'adr', '2026-02-01', decided('carol')),
    decision('d', 'adr', '2026-02-02', decided('carol'), { supersededBy: ['adr:x'] }),
    decision('e', 'git', '2026-05-01', decided('bot'), { involvement: 'automated' }),
    decision('f', 'git', '2026-05-02', decided('carol')),
  ];

  it('counts distinct non-leader deciders per quarter, and finds bus factors', () => {
    const insights = computeInsights({
      decisions, people, leaders: ['dana'], now: NOW, index: indexHistory(history), resolver, reviewTrailers: DEFAULT_CONFIG.reviewTrailers,
      codeowners: { file: '.github/CODEOWNERS', rules: [{ pattern: 'services/payments/', owners: ['bob@acme.io'], line: 2 }] },
    });
    assert.deepEqual(insights.breadthByQuarter, { '2025-Q4': 1, '2026-Q1': 1, '2026-Q2': 1 });
    assert.deepEqual(insights.busFactor, [
      { decision: 'b', people: ['eve'], reason: 'all-inactive' },
      { decision: 'c', people: ['carol'], reason: 'single-owner' },
    ]);
    const bob = resolver.resolveText('bob@acme.io').id;
    const carol = resolver.resolveIdentity('Carol', 'carol@acme.io').id;
    assert.deepEqual(insights.drift, [{ path: 'services/payments/', declared: [bob], actual: [bob, carol].sort(), source: '.github/CODEOWNERS:2' }]);
    assert.deepEqual(insights.suggestedLeaders, []);
  });

  it('gives each CODEOWNERS rule the people of exactly the commits touching its paths, a broad rule and overlapping ones among them', () => {
    const commits = [
      commit('c4', 'Dana', 'dana@acme.io', ['web/a.ts', 'web/b.ts', 'README.md']),
      commit('c3', 'Carol', 'carol@acme.io', ['api/x.go'], [['Reviewed-by', 'Eve <eve@acme.io>']]),
      commit('c2', 'Bob', 'bob@acme.io', ['web/a.ts']),
      commit('c1', 'Frank', 'frank@acme.io', ['docs/guide.md']),
    ];
    const rules = [
      { pattern: '*', owners: ['dana@acme.io'], line: 1 },
      { pattern: 'web/', owners: ['bob@acme.io'], line: 2 },
      { pattern: '*.go', owners: ['carol@acme.io', 'eve@acme.io'], line: 3 },
      { pattern: 'ops/', owners: ['gus@acme.io'], line: 4 },
      { pattern: 'web/a.ts', owners: ['bob@acme.io'], line: 5 },
    ];
    const fresh = createIdentityResolver({ mailmap: parseMailmap(''), config: DEFAULT_CONFIG });
    const insights = computeInsights({
      decisions: [], people, leaders: ['dana'], now: NOW, index: indexHistory({ ...history, head: 'c4', commits }), resolver: fresh, reviewTrailers: DEFAULT_CONFIG.reviewTrailers,
      codeowners: { file: 'CODEOWNERS', rules },
    });
    const id = (email: string): string => fresh.resolveText(email).id;
    assert.deepEqual(insights.drift, [
      { path: '*', declared: [id('dana@acme.io')], actual: ['bob@acme.io', 'carol@acme.io', 'dana@acme.io', 'eve@acme.io', 'frank@acme.io'].map(id).sort(), source: 'CODEOWNERS:1' },
      { path: 'web/', declared: [id('bob@acme.io')], actual: [id('bob@acme.io'), id('dana@acme.io')].sort(), source: 'CODEOWNERS:2' },
      { path: 'web/a.ts', declared: [id('bob@acme.io')], actual: [id('bob@acme.io'), id('dana@acme.io')].sort(), source: 'CODEOWNERS:5' },
    ]);
  });

  it('finds drift where someone other than a named decision-maker committed a record\'s acceptance', () => {
    const accepted = (p: string, change: Evidence['change']): Evidence => ({ person: p, role: 'author', source: 'commit-author', ref: 'y', inferred: true, level: 'consulted', change });
    const field: Evidence = { person: 'carol', role: 'decision-maker', source: 'adr-field', ref: 'docs/adr/0001-a.md:3', inferred: false, level: 'decided' };
    const records = [
      decision('n1', 'adr', '2026-03-01', [field, accepted('dana', 'accepted')], { path: 'docs/adr/0001-a.md', decisionMakers: ['carol'] }),
      decision('n2', 'adr', '2026-03-02', [field, accepted('carol', 'accepted'), accepted('eve', 'decision')], { path: 'docs/adr/0002-b.md', decisionMakers: ['carol'] }),
    ];
    const insights = computeInsights({ decisions: records, people, leaders: ['dana'], now: NOW, index: indexHistory(history), resolver, reviewTrailers: DEFAULT_CONFIG.reviewTrailers, codeowners: null });
    assert.deepEqual(insights.drift, [{ path: 'docs/adr/0001-a.md', declared: ['carol'], actual: ['dana'], source: 'status-change' }]);
  });

  it('suggests as likeliest leaders who decide in records and review and merge others\' work, not who commits most', () => {
    const copilot = resolver.resolveIdentity('Copilot', '198982749+Copilot@users.noreply.github.com').id;
    const role = (person: string, r: Evidence['role'], source: Evidence['source'], level: Evidence['level']): Evidence => ({ person, role: r, source, ref: 'x', inferred: false, level });
    const field = (p: string): Evidence => role(p, 'decision-maker', 'adr-field', 'decided');
    const ranked = [
      decision('r1', 'adr', '2026-03-01', [field('dana'), role('carol', 'author', 'commit-author', 'consulted')], { path: 'docs/adr/0001-a.md' }),
      decision('r2', 'adr', '2026-03-02', [field('dana'), role('gus', 'merger', 'merge-commit', 'consulted')], { path: 'docs/adr/0002-b.md' }),
      decision('r3', 'adr', '2026-03-03', [field('ivy')], { path: 'test/fixtures/adr/0001-sample.md' }),
      decision('g1', 'git', '2026-03-04', [...decided('carol'), role('hal', 'reviewer', 'trailer', 'consulted'), role('gus', 'merger', 'merge-commit', 'consulted')], { files: ['package.json'] }),
      decision('g2', 'git', '2026-03-05', [...decided('carol'), role('carol', 'merger', 'merge-commit', 'consulted')], { files: ['Dockerfile'] }),
      decision('g3', 'git', '2026-03-06', [...decided('carol'), role('bot', 'merger', 'merge-commit', 'consulted'), role(copilot, 'reviewer', 'trailer', 'consulted')], { files: ['go.mod'] }),
      decision('g4', 'git', '2026-03-07', [...decided('carol'), role('ivy', 'reviewer', 'trailer', 'consulted')], { files: ['examples/demo/package.json'] }),
    ];
    const insights = computeInsights({ decisions: ranked, people, leaders: [], now: NOW, index: indexHistory(history), resolver, reviewTrailers: [], codeowners: null });
    assert.deepEqual(insights.suggestedLeaders.map((s) => [s.person, s.score, s.reason]), [
      ['dana', 4, "decided 2 in records, reviewed 0, merged 0 of others'; last 2026-03-02"],
      ['gus', 2, "decided 0 in records, reviewed 0, merged 2 of others'; last 2026-03-04"],
      ['hal', 1, "decided 0 in records, reviewed 1, merged 0 of others'; last 2026-03-04"],
    ]);
  });

  it('counts writing a record that names no deciders toward a leader, below being named a decider, and a signal\'s authorship not at all', () => {
    const wrote = (p: string, r: Evidence['role'] = 'author'): Evidence => ({ person: p, role: r, source: r === 'author' ? 'commit-author' : 'trailer', ref: 'w', inferred: true, level: 'decided' });
    const field: Evidence = { person: 'dana', role: 'decision-maker', source: 'adr-field', ref: 'docs/adr/0004-d.md:3', inferred: false, level: 'decided' };
    const records = [
      decision('w1', 'adr', '2026-03-01', [wrote('eve'), wrote('frank', 'co-author')], { path: 'docs/adr/0001-a.md' }),
      decision('w2', 'adr', '2026-03-02', [wrote('eve')], { path: 'docs/adr/0002-b.md' }),
      decision('w3', 'adr', '2026-03-03', [wrote('ivy')], { path: 'packages/cli/__fixtures__/docs/adr/0001-sample.md' }),
      decision('w4', 'adr', '2026-03-04', [field, { ...wrote('gus'), level: 'consulted' }], { path: 'docs/adr/0004-d.md', decisionMakers: ['dana'] }),
      decision('g1', 'git', '2026-03-05', decided('hal'), { files: ['package.json'] }),
    ];
    const insights = computeInsights({ decisions: records, people, leaders: [], now: NOW, index: indexHistory(history), resolver, reviewTrailers: [], codeowners: null });
    assert.deepEqual(insights.suggestedLeaders.map((s) => [s.person, s.score, s.reason]), [
      ['dana', 2, "decided 1 in records, reviewed 0, merged 0 of others'; last 2026-03-04"],
      ['eve', 2, "decided 0 in records, wrote 2 naming no deciders, reviewed 0, merged 0 of others'; last 2026-03-02"],
      ['frank', 1, "decided 0 in records, wrote 1 naming no deciders, reviewed 0, merged 0 of others'; last 2026-03-01"],
    ]);
  });

  it('puts the one who did as much more lately first, not the first in the alphabet', () => {
    const field = (p: string): Evidence => ({ person: p, role: 'decision-maker', source: 'adr-field', ref: 'f', inferred: false, level: 'decided' });
    const records = [
      decision('t1', 'adr', '2019-06-11', [field('ann')], { path: 'docs/adr/0001-a.md' }),
      decision('t2', 'adr', '2026-03-01', [field('zed')], { path: 'docs/adr/0002-b.md' }),
    ];
    const insights = computeInsights({ decisions: records, people, leaders: [], now: NOW, index: indexHistory(history), resolver, reviewTrailers: [], codeowners: null });
    assert.deepEqual(insights.suggestedLeaders.map((s) => s.person), ['zed', 'ann']);
  });

  it('never suggests someone known by a first name alone that begins another person\'s full name, but suggests a first name no one else has', () => {
    const named = (id: string, name: string): Person => ({ ...person(id, '2026-09-01'), name });
    const team = [named('anna', 'Anna'), named('anna-leach', 'Anna Leach'), named('cristina', 'Cristina')];
    const merged = (id: string, by: string): Decision => decision(id, 'git', '2026-03-01', [...decided('zed'), { person: by, role: 'merger', source: 'merge-commit', ref: id, inferred: false, level: 'consulted' }], { files: ['package.json'] });
    const insights = computeInsights({
      decisions: [merged('m1', 'anna'), merged('m2', 'anna'), merged('m3', 'anna-leach'), merged('m4', 'cristina')],
      people: team, leaders: [], now: NOW, index: indexHistory(history), resolver, reviewTrailers: [], codeowners: null,
    });
    assert.deepEqual(insights.suggestedLeaders.map((s) => [s.person, s.score]), [['anna-leach', 1], ['cristina', 1]]);
  });

  it('leaves a decision of a kind weighted 0 out, as the zone does', () => {
    const unweighed = decision('z', 'git', '2026-07-01', decided('frank'), { weight: 0, counted: false, notCountedReason: 'zero-weight' });
    const insights = computeInsights({ decisions: [unweighed], people: [...people, person('frank', '2026-09-01')], leaders: [], now: NOW, index: indexHistory(history), resolver, reviewTrailers: [], codeowners: null });
    assert.deepEqual(insights.breadthByQuarter, {});
    assert.deepEqual(insights.busFactor, []);
    assert.deepEqual(insights.suggestedLeaders, []);
  });
});

describe('the analysis window', () => {
  it('ends on HEAD\'s committer day and spans the config window unless --since/--until say otherwise', () => {
    // A repository whose last commit is a year before "now": the window ends there, not today.
    assert.deepEqual(analysisWindow({}, '180d', '2025-10-01T23:30:00+05:30', NOW), { since: '2025-04-04', until: '2025-10-01' });
    assert.deepEqual(analysisWindow({}, '180d', null, NOW), { since: '2026-04-04', until: '2026-10-01' });
    assert.deepEqual(analysisWindow({ until: '2026-06-30' }, '90d', '2026-09-01T00:00:00Z', NOW), { since: '2026-04-01', until: '2026-06-30' });
    assert.deepEqual(analysisWindow({ since: '2026-01-01', until: '2026-03-31' }, '180d', null, NOW), { since: '2026-01-01', until: '2026-03-31' });
    assert.throws(() => analysisWindow({ since: '2026-02-30' }, '180d', null, NOW), /--since must be a date/);
    assert.throws(() => analysisWindow({ since: '2026-05-01', until: '2026-04-01' }, '180d', null, NOW), /starts/);
  });

  it('knows a real day', () => {
    assert.ok(isDay('2026-02-28'));
    assert.ok(!isDay('2026-02-30'));
    assert.ok(!isDay('26-02-01'));
  });
});
