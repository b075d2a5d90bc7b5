import assert from 'node:assert/strict';
import { BULK_RECORD_LIMIT, bulkImportWarnings, bulkRecordCommits, type RecordDays } from '../../../src/core/analysis/bulk-commits';
import { parseAdr } from '../../../src/core/adr';
import { adrEvidence, signalWitnesses, witnessEvidence, witnessPeople, type EvidenceContext } from '../../../src/core/analysis/evidence';
import { indexHistory } from '../../../src/core/analysis/history-index';
import { decisionInvolvement, type InvolvementPeople } from '../../../src/core/analysis/involvement';
import { attributeToolWork, takeInBotCommits } from '../../../src/core/analysis/tool-work';
import { DEFAULT_CONFIG } from '../../../src/core/config/schema';
import type { FileHistory } from '../../../src/core/git/file-history';
import type { ParsedAdr } from '../../../src/core/model/adr';
import type { CommitRecord, FileChange, History, KeptCommit } from '../../../src/core/model/history';
import type { Evidence } from '../../../src/core/model/report';
import { createIdentityResolver, parseMailmap } from '../../../src/core/people';
import { decidersOf } from '../../../src/rules/zone';

function signalEvidence(commits: readonly string[], ctx: EvidenceContext): Evidence[] {
  const witnesses = signalWitnesses(commits, ctx);
  return witnessEvidence(witnesses, witnessPeople(witnesses, ctx.resolver));
}

const DANA = { name: 'Dana Chen', email: 'dana@acme.io' };
const ARJUN = { name: 'Arjun Patel', email: 'arjun@acme.io' };
const CAROL = { name: 'Carol Diaz', email: 'carol@acme.io' };
const BOB = { name: 'Bob Li', email: 'bob@acme.io' };
const BOT = { name: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com' };

type Who = { name: string; email: string };

function commit(sha: string, author: Who, trailers: Array<[string, string]> = [], parents: string[] = []): CommitRecord {
  return {
    sha, parents, author, committer: author, authorDate: '2026-05-01T10:00:00Z', committerDate: '2026-05-01T10:00:00Z',
    subject: `commit ${sha}`, body: '', trailers: trailers.map(([key, value]) => ({ key, value })), files: [],
  };
}

function context(commits: Array<CommitRecord & Pick<KeptCommit, 'updater'>>, prs: Array<{ id: string; merge: string; commits: string[]; viaMergeCommit?: boolean }> = []): EvidenceContext {
  const history: History = {
    head: commits[0]?.sha ?? null, commits, shallow: false,
    pullRequests: prs.map((p) => ({ id: p.id, mergeCommit: p.merge, commits: p.commits, viaMergeCommit: p.viaMergeCommit ?? true })),
    prOfCommit: new Map(prs.flatMap((p) => [...p.commits, p.merge].map((sha): [string, string] => [sha, p.id]))),
  };
  const config = {
    ...DEFAULT_CONFIG,
    leadership: [{ name: 'Dana Chen', role: 'CTO', aliases: ['@dchen'] }, { name: 'Arjun Patel', role: 'Architect', aliases: ['@apatel'] }],
  };
  const resolver = createIdentityResolver({ mailmap: parseMailmap('Dana Chen <dana@acme.io> dana <dana.chen@old.acme.io>\n'), config });
  for (const c of commits) resolver.resolveIdentity(c.author.name, c.author.email);
  return { index: indexHistory(history), resolver, reviewTrailers: DEFAULT_CONFIG.reviewTrailers };
}

function adr(fields: { decisionMakers?: string[]; consulted?: string[]; informed?: string[]; status?: ParsedAdr['status'] } = {}): ParsedAdr {
  const refs = (names: string[] = [], line: number): ParsedAdr['decisionMakers'] => names.map((text) => ({ text, line }));
  return {
    path: 'docs/adr/0001-x.md', dialect: 'madr4', title: 'X', titleLine: 8, number: 1, status: fields.status ?? 'accepted',
    statusText: fields.status ?? 'accepted', date: '2026-05-01',
    decisionMakers: refs(fields.decisionMakers, 3), consulted: refs(fields.consulted, 4), informed: refs(fields.informed, 5),
    tags: [], category: null, links: [], diagnostics: [],
  };
}

const LEADERS = ['dana-chen', 'arjun-patel'];
const people = (ctx: EvidenceContext): InvolvementPeople => ({
  leaders: LEADERS, isBot: (id) => ctx.resolver.isBot(id), isAssistant: (id) => ctx.resolver.isAssistant(id),
});

function involvementOf(evidence: Evidence[], ctx: EvidenceContext, status: ParsedAdr['status'] = 'accepted'): ReturnType<typeof decisionInvolvement> {
  return decisionInvolvement({ status, statusText: status, evidence }, people(ctx));
}

function rows(evidence: Evidence[]): string[] {
  return evidence.map((e) => `${e.person} ${e.role} ${e.source} ${e.ref} ${e.level ?? 'no level'}${e.inferred ? ' inferred' : ''}`);
}

describe('involvement: ADR that names decision-makers', () => {
  it('gives stated fields their level and git roles consulted', () => {
    const ctx = context([
      commit('m1', ARJUN, [], ['a0', 'c1']), commit('c2', BOB, [['Reviewed-by', 'Dana Chen <dana@acme.io>']]), commit('c1', CAROL), commit('a0', CAROL),
    ], [{ id: '#3', merge: 'm1', commits: ['c1'] }]);
    const result = adrEvidence({ adr: adr({ decisionMakers: ['Carol Diaz'], consulted: ['@apatel'], informed: ['Bob Li'] }), fileHistory: { added: 'c1', commits: ['c2', 'c1'], previousPaths: [], edits: [] }, joinedCommits: [] }, ctx);
    assert.deepEqual(result.decisionMakers, ['carol-diaz']);
    assert.deepEqual(result.consulted, ['arjun-patel']);
    assert.deepEqual(result.informed, ['bob-li']);
    assert.deepEqual(rows(result.evidence), [
      'carol-diaz decision-maker adr-field docs/adr/0001-x.md:3 decided',
      'arjun-patel consulted adr-field docs/adr/0001-x.md:4 consulted',
      'bob-li informed adr-field docs/adr/0001-x.md:5 informed',
      'carol-diaz author commit-author c1 consulted inferred',
      'bob-li author commit-author c2 consulted inferred',
      'dana-chen reviewer trailer c2 consulted',
      'arjun-patel merger merge-commit m1 consulted inferred',
    ]);
    assert.deepEqual(involvementOf(result.evidence, ctx), { involvement: 'consulted', involvementByLeader: { 'dana-chen': 'consulted', 'arjun-patel': 'consulted' } });
  });

  it('is decided when a leader is a stated decision-maker', () => {
    const ctx = context([commit('c1', CAROL)]);
    const result = adrEvidence({ adr: adr({ decisionMakers: ['@dchen'] }), fileHistory: { added: 'c1', commits: ['c1'], previousPaths: [], edits: [] }, joinedCommits: [] }, ctx);
    assert.deepEqual(involvementOf(result.evidence, ctx), { involvement: 'decided', involvementByLeader: { 'dana-chen': 'decided', 'arjun-patel': 'around' } });
  });

  it('reads deciders a MADR 2 record writes as links as the people the links show', () => {
    const text = '# Use rxjs\n\n- Status: accepted\n- Deciders: [Dana Chen](https://dana.example/profile/card#me), [apatel](https://github.com/apatel)\n\n## Context and Problem Statement\n\nWhy.\n';
    const record = parseAdr('docs/decisions/0015-use-rxjs.md', text);
    const ctx = context([commit('c1', CAROL)]);
    const result = adrEvidence({ adr: record, fileHistory: { added: 'c1', commits: ['c1'], previousPaths: [], edits: [] }, joinedCommits: [] }, ctx);
    assert.deepEqual(result.decisionMakers, ['dana-chen', 'arjun-patel']);
  });

  it('does not let a leader who only authored it count as decided', () => {
    const ctx = context([commit('c1', DANA)]);
    const result = adrEvidence({ adr: adr({ decisionMakers: ['Carol Diaz'] }), fileHistory: { added: 'c1', commits: ['c1'], previousPaths: [], edits: [] }, joinedCommits: [] }, ctx);
    assert.equal(involvementOf(result.evidence, ctx).involvement, 'consulted');
  });
});

describe('involvement: ADR that names no decision-makers', () => {
  it('makes the author and co-authors of the adding commit decided (inferred), through .mailmap', () => {
    const ctx = context([commit('c1', CAROL, [['Co-authored-by', 'dana <dana.chen@old.acme.io>']])]);
    const result = adrEvidence({ adr: adr(), fileHistory: { added: 'c1', commits: ['c1'], previousPaths: [], edits: [] }, joinedCommits: [] }, ctx);
    assert.deepEqual(rows(result.evidence), [
      'carol-diaz author commit-author c1 decided inferred',
      'dana-chen co-author trailer c1 decided inferred',
    ]);
    assert.deepEqual(involvementOf(result.evidence, ctx).involvementByLeader, { 'dana-chen': 'decided', 'arjun-patel': 'around' });
  });

  it('names an author once when their own Co-authored-by trailer names them under another address', () => {
    const ctx = context([commit('c1', CAROL, [['Co-authored-by', 'Carol Diaz <carol.diaz@old.acme.io>'], ['Co-authored-by', 'Bob Li <bob@acme.io>']])]);
    const record = adrEvidence({ adr: adr(), fileHistory: { added: 'c1', commits: ['c1'], previousPaths: [], edits: [] }, joinedCommits: [] }, ctx);
    assert.deepEqual(rows(record.evidence), ['carol-diaz author commit-author c1 decided inferred', 'bob-li co-author trailer c1 decided inferred']);
    assert.deepEqual(rows(signalEvidence(['c1'], ctx)), ['carol-diaz author commit-author c1 decided', 'bob-li co-author trailer c1 decided']);
  });

  it('gives later authors, reviewers and the merger consulted', () => {
    const ctx = context([
      commit('m1', DANA, [], ['a0', 'c1']), commit('c3', ARJUN), commit('c1', CAROL, [['Acked-by', 'Bob Li <bob@acme.io>']]),
    ], [{ id: '#5', merge: 'm1', commits: ['c1'] }]);
    const result = adrEvidence({ adr: adr(), fileHistory: { added: 'c1', commits: ['c3', 'c1'], previousPaths: [], edits: [] }, joinedCommits: [] }, ctx);
    assert.deepEqual(involvementOf(result.evidence, ctx), { involvement: 'consulted', involvementByLeader: { 'dana-chen': 'consulted', 'arjun-patel': 'consulted' } });
  });

  it('gives a later author consulted when the commit changed the status or decision, informed when it changed other text', () => {
    const ctx = context([commit('c5', BOB), commit('c4', DANA), commit('c3', ARJUN), commit('c1', CAROL)]);
    const changes = new Map([['c4', 'other' as const], ['c3', 'status' as const], ['c5', 'decision' as const]]);
    const result = adrEvidence({ adr: adr(), fileHistory: { added: 'c1', commits: ['c5', 'c4', 'c3', 'c1'], previousPaths: [], edits: [] }, joinedCommits: [], changes }, ctx);
    assert.deepEqual(result.evidence.map((e) => `${e.person} ${e.ref} ${e.level} ${e.change ?? '-'}`), [
      'carol-diaz c1 decided -', 'bob-li c5 consulted decision', 'dana-chen c4 informed other', 'arjun-patel c3 consulted status',
    ]);
    assert.deepEqual(involvementOf(result.evidence, ctx).involvementByLeader, { 'dana-chen': 'informed', 'arjun-patel': 'consulted' });
  });

  it('makes whoever committed the status change to accepted decided (inferred) when no decision-makers are named, consulted when they are', () => {
    const ctx = context([commit('c2', DANA), commit('c1', CAROL)]);
    const changes = new Map([['c2', 'accepted' as const]]);
    const history = { added: 'c1', commits: ['c2', 'c1'], previousPaths: [], edits: [] };
    const unnamed = adrEvidence({ adr: adr(), fileHistory: history, joinedCommits: [], changes }, ctx);
    assert.ok(rows(unnamed.evidence).includes('dana-chen author commit-author c2 decided inferred'));
    const named = adrEvidence({ adr: adr({ decisionMakers: ['Carol Diaz'] }), fileHistory: history, joinedCommits: [], changes }, ctx);
    assert.ok(rows(named.evidence).includes('dana-chen author commit-author c2 consulted inferred'));
  });

  it('is around when no leader appears anywhere', () => {
    const ctx = context([commit('m1', CAROL, [], ['a0', 'c1']), commit('c1', CAROL)], [{ id: '#6', merge: 'm1', commits: ['c1'] }]);
    const result = adrEvidence({ adr: adr(), fileHistory: { added: 'c1', commits: ['c1'], previousPaths: [], edits: [] }, joinedCommits: [] }, ctx);
    assert.equal(involvementOf(result.evidence, ctx).involvement, 'around');
  });

  it('is pending while proposed, whoever took part', () => {
    const ctx = context([commit('c1', DANA)]);
    const result = adrEvidence({ adr: adr({ status: 'proposed' }), fileHistory: { added: 'c1', commits: ['c1'], previousPaths: [], edits: [] }, joinedCommits: [] }, ctx);
    assert.deepEqual(involvementOf(result.evidence, ctx, 'proposed'), { involvement: 'pending', involvementByLeader: { 'dana-chen': 'pending', 'arjun-patel': 'pending' } });
  });

  it('lets signal commits of its PR join as consulted authors', () => {
    const ctx = context([commit('c2', ARJUN), commit('c1', CAROL)]);
    const result = adrEvidence({ adr: adr({ decisionMakers: ['Carol Diaz'] }), fileHistory: { added: 'c1', commits: ['c1'], previousPaths: [], edits: [] }, joinedCommits: ['c2'] }, ctx);
    assert.ok(rows(result.evidence).includes('arjun-patel author commit-author c2 consulted inferred'));
  });
});

describe('involvement: git signals', () => {
  it('makes authors decided, reviewers and mergers consulted', () => {
    const ctx = context([
      commit('m1', ARJUN, [], ['a0', 'c1']), commit('c1', CAROL, [['Acked-by', 'Dana Chen <dana@acme.io>']]),
    ], [{ id: '#8', merge: 'm1', commits: ['c1'] }]);
    const evidence = signalEvidence(['c1'], ctx);
    assert.deepEqual(rows(evidence), [
      'carol-diaz author commit-author c1 decided',
      'dana-chen reviewer trailer c1 consulted',
      'arjun-patel merger merge-commit m1 consulted',
    ]);
    assert.deepEqual(involvementOf(evidence, ctx).involvementByLeader, { 'dana-chen': 'consulted', 'arjun-patel': 'consulted' });
  });

  it('is decided when a leader authored it', () => {
    const ctx = context([commit('c1', ARJUN)]);
    assert.deepEqual(involvementOf(signalEvidence(['c1'], ctx), ctx), { involvement: 'decided', involvementByLeader: { 'dana-chen': 'around', 'arjun-patel': 'decided' } });
  });

  it('is automated when only bots took part; a squash has no merger', () => {
    const ctx = context([commit('s1', BOT, [['Signed-off-by', 'dependabot[bot] <support@github.com>']])], [{ id: '#13', merge: 's1', commits: ['s1'], viaMergeCommit: false }]);
    const evidence = signalEvidence(['s1'], ctx);
    assert.equal(evidence.length, 1);
    assert.equal(involvementOf(evidence, ctx).involvement, 'automated');
  });
});

describe('bulk record commits', () => {
  it('give nobody involvement: an import leaves a record without fields unattributed, a sweep leaves no trace', () => {
    const ctx = context([commit('s1', CAROL), commit('i1', DANA), commit('a1', BOB)]);
    const bulk = { records: new Map([['i1', 9], ['s1', 30]]), added: new Map([['i1', [adr().path]]]) };
    const imported = adrEvidence({ adr: adr(), fileHistory: { added: 'i1', commits: ['s1', 'i1'], previousPaths: [], edits: [] }, joinedCommits: [], bulk }, ctx);
    assert.deepEqual(imported.evidence, []);
    assert.equal(decisionInvolvement({ status: 'accepted', statusText: 'accepted', evidence: imported.evidence }, people(ctx)).involvement, 'unattributed');
    const written = adrEvidence({ adr: adr(), fileHistory: { added: 'a1', commits: ['s1', 'a1'], previousPaths: [], edits: [] }, joinedCommits: [], bulk }, ctx);
    assert.deepEqual(written.evidence.map((e) => [e.person, e.ref, e.level]), [['bob-li', 'a1', 'decided']]);
    const named = adrEvidence({ adr: adr({ decisionMakers: ['Dana Chen'] }), fileHistory: { added: 'i1', commits: ['i1'], previousPaths: [], edits: [] }, joinedCommits: [], bulk }, ctx);
    assert.equal(decisionInvolvement({ status: 'accepted', statusText: 'accepted', evidence: named.evidence }, people(ctx)).involvement, 'decided');
    // A sweep over thirty records that adds one of its own (`add the ADR-8`) wrote that one.
    const own = adrEvidence({ adr: adr(), fileHistory: { added: 's1', commits: ['s1'], previousPaths: [], edits: [] }, joinedCommits: [], bulk }, ctx);
    assert.deepEqual(own.evidence.map((e) => [e.person, e.ref, e.level]), [['carol-diaz', 's1', 'decided']]);
  });

  it('leave a record whose only evidence is later edits unattributed for every leader without any: nobody is known to have decided it', () => {
    const ctx = context([commit('t1', CAROL), commit('e1', DANA), commit('i1', BOB)]);
    const bulk = { records: new Map([['i1', 78]]), added: new Map([['i1', [adr().path]]]) };
    const changes = new Map([['t1', 'other' as const], ['e1', 'other' as const]]);
    const typo = adrEvidence({ adr: adr(), fileHistory: { added: 'i1', commits: ['t1', 'i1'], previousPaths: [], edits: [] }, joinedCommits: [], bulk, changes }, ctx);
    assert.deepEqual(typo.evidence.map((e) => [e.person, e.level]), [['carol-diaz', 'informed']]);
    assert.deepEqual(decisionInvolvement({ status: 'accepted', statusText: 'accepted', evidence: typo.evidence }, people(ctx)), {
      involvement: 'unattributed', involvementByLeader: { 'dana-chen': 'unattributed', 'arjun-patel': 'unattributed' },
    });
    const edited = adrEvidence({ adr: adr(), fileHistory: { added: 'i1', commits: ['e1', 't1', 'i1'], previousPaths: [], edits: [] }, joinedCommits: [], bulk, changes }, ctx);
    assert.deepEqual(decisionInvolvement({ status: 'accepted', statusText: 'accepted', evidence: edited.evidence }, people(ctx)), {
      involvement: 'informed', involvementByLeader: { 'dana-chen': 'informed', 'arjun-patel': 'unattributed' },
    });
    const written = adrEvidence({ adr: adr(), fileHistory: { added: 't1', commits: ['t1'], previousPaths: [], edits: [] }, joinedCommits: [], bulk }, ctx);
    assert.equal(decisionInvolvement({ status: 'accepted', statusText: 'accepted', evidence: written.evidence }, people(ctx)).involvement, 'around', 'Carol wrote it: positive evidence');
  });

  it('are the commits that touch more than five records, and say which added more than five, of unknown authorship', () => {
    const UNDATED: RecordDays = { stated: () => null, authored: () => null };
    const histories = new Map(Array.from({ length: BULK_RECORD_LIMIT + 1 }, (_, i): [string, FileHistory] => [`r${i}`, { added: i < 3 ? 'own' : 'import', commits: ['sweep', i < 3 ? 'own' : 'import'], previousPaths: [], edits: [] }]));
    histories.set('r9', { added: 'import', commits: ['import'], previousPaths: [], edits: [] });
    const noFiles = (): FileChange[] => [];
    const bulk = bulkRecordCommits(histories, noFiles, UNDATED);
    assert.deepEqual([...bulk.records.keys()].sort(), ['sweep']);
    const imported = new Map([...histories, ...Array.from({ length: 3 }, (_, i): [string, FileHistory] => [`x${i}`, { added: 'import', commits: ['import'], previousPaths: [], edits: [] }])]);
    const big = bulkRecordCommits(imported, noFiles, UNDATED);
    assert.deepEqual([...big.records.keys()].sort(), ['import', 'sweep']);
    assert.deepEqual(bulkImportWarnings(big).map((w) => w.code), ['adr-first-author-unknown']);
    assert.match(bulkImportWarnings(big)[0]?.message ?? '', /^commit import added 7 records at once/);
    assert.deepEqual([...big.added.keys()], ['import']);
    // A sweep that adds one record of its own: the sweep, not the adding, is bulk.
    histories.set('docs/adr/0003-include-in-adrtools.md', { added: 'sweep', commits: ['sweep'], previousPaths: [], edits: [] });
    histories.set('docs/adr/0004-new.md', { added: 'sweep', commits: ['sweep'], previousPaths: [], edits: [] });
    const sweep = bulkRecordCommits(histories, noFiles, UNDATED);
    assert.deepEqual([[...sweep.records.keys()], [...sweep.added.keys()], bulkImportWarnings(sweep)], [['sweep'], [], []]);
    // A sweep that also moves or deletes a record: an adding of the same number or name may be a move git could not follow
    // (`0003-include-in-adr-tools.md` → `0003-include-in-adrtools.md`, rewritten); the sweep's other adding is its own.
    // Deleting code beside it is no such sign.
    const deleting = (sha: string): FileChange[] => (sha === 'sweep' ? [{ status: 'D', path: 'docs/adr/0003-include-in-adr-tools.md' }] : []);
    assert.deepEqual([...bulkRecordCommits(histories, deleting, UNDATED).added], [['sweep', ['docs/adr/0003-include-in-adrtools.md']]]);
    const moving = (sha: string): FileChange[] => (sha === 'sweep' ? [{ status: 'R', path: 'docs/decisions/0002-b.md', oldPath: 'docs/adr/0004-new.md' }] : []);
    assert.deepEqual([...bulkRecordCommits(histories, moving, UNDATED).added], [['sweep', ['docs/adr/0004-new.md']]]);
    const restoring = new Map([...histories, ['docs/adr/0118-lanes.md', { added: 'sweep', restored: 'sweep', commits: ['sweep', 'drop', 'edit'], previousPaths: [], edits: [] }]]);
    assert.deepEqual([...bulkRecordCommits(restoring, moving, UNDATED).added], [['sweep', ['docs/adr/0004-new.md', 'docs/adr/0118-lanes.md']]], 'a record brought back beside the moves is no more its own');
    // Beside the moves, records brought from elsewhere state dates of another time; one written for the move is dated near it.
    const dated: RecordDays = { stated: (file) => ({ 'docs/adr/0004-new.md': '2023-01-17', 'docs/adr/0003-include-in-adrtools.md': '2022-04-08' })[file] ?? null, authored: () => '2023-01-23' };
    const moveElsewhere = (sha: string): FileChange[] => (sha === 'sweep' ? [{ status: 'R', path: 'docs/adr/0001-a.md', oldPath: 'doc/adr/0001-a.md' }] : []);
    assert.deepEqual([...bulkRecordCommits(histories, moveElsewhere, dated).added], [['sweep', ['docs/adr/0003-include-in-adrtools.md']]]);
    const code = (sha: string): FileChange[] => (sha === 'sweep' ? [{ status: 'D', path: 'src/old.ts' }] : []);
    assert.deepEqual([...bulkRecordCommits(histories, code, UNDATED).added], []);
    // A page deleted outside the records' folders, named like no record, is no move.
    const summary = (sha: string): FileChange[] => (sha === 'sweep' ? [{ status: 'D', path: 'notes/RELIABILITY-SUMMARY.md' }] : []);
    assert.deepEqual([...bulkRecordCommits(histories, summary, UNDATED).added], []);
    const moved = new Map([...imported, ...Array.from({ length: 4 }, (_, i): [string, FileHistory] => [`m${i}`, { added: 'import', commits: ['import'], previousPaths: [], edits: [] }])]);
    moved.set('x9', { added: 'own', commits: ['import', 'own'], previousPaths: [], edits: [] });
    assert.deepEqual(bulkImportWarnings(bulkRecordCommits(moved, noFiles, UNDATED)).map((w) => w.message), [
      'commit import changed 12 records at once and added 11 of them (an import, or a move git could not follow): who first wrote them is unknown, and the commit gives nobody involvement in them',
    ]);
  });

  it('records added more than five at once, each dated in the months up to the commit, were written for it', () => {
    const paths = Array.from({ length: BULK_RECORD_LIMIT + 1 }, (_, i) => `docs/adr/00${10 + i}-x.md`);
    const histories = new Map(paths.map((path): [string, FileHistory] => [path, { added: 'batch', commits: ['batch'], previousPaths: [], edits: [] }]));
    const unknownWith = (stated: (path: string) => string | null): string[] =>
      [...bulkRecordCommits(histories, () => [], { stated, authored: (sha) => (sha === 'batch' ? '2024-09-22' : null) }).added.keys()];
    const julyBut = (odd: string | null): ((path: string) => string | null) => (path) => (path === paths[0] ? odd : '2024-07-12');
    assert.deepEqual(unknownWith(julyBut('2024-07-20')), [], 'six records dated July, committed in September: their committer wrote them');
    assert.deepEqual(unknownWith(julyBut('2021-03-01')), ['batch'], 'one dated years before: brought from elsewhere');
    assert.deepEqual(unknownWith(julyBut('2024-10-01')), [], 'one dated after the commit: dated when accepted, after its draft');
    assert.deepEqual(unknownWith(julyBut(null)), ['batch'], 'one undated');
  });
});

describe('involvement: bots and AI assistants', () => {
  const COPILOT = { name: 'Copilot', email: '198982749+Copilot@users.noreply.github.com' };
  const TALBOT = { name: 'Jane Talbot', email: 'talbot@acme.io' };

  function attributed(commits: string[], ctx: EvidenceContext, maintenance?: boolean): { evidence: Evidence[]; involvement: ReturnType<typeof decisionInvolvement> } {
    const evidence = attributeToolWork(signalEvidence(commits, ctx), people(ctx), { git: true, maintenance });
    return { evidence, involvement: decisionInvolvement({ status: 'accepted', statusText: 'merged', evidence, maintenance }, people(ctx)) };
  }

  it('makes the person who merged a bot\'s change that decided something its decider (inferred)', () => {
    const ctx = context([commit('m1', DANA, [], ['a0', 'b1']), commit('b1', BOT)], [{ id: '#20', merge: 'm1', commits: ['b1'] }]);
    const { evidence, involvement } = attributed(['b1'], ctx, false);
    assert.deepEqual(rows(evidence), [
      'dependabot-bot author commit-author b1 no level',
      'dana-chen merger merge-commit m1 decided inferred',
    ]);
    assert.deepEqual(involvement, { involvement: 'decided', involvementByLeader: { 'dana-chen': 'decided', 'arjun-patel': 'around' } });
  });

  it('keeps a bot\'s maintenance automated though a person merged it', () => {
    const ctx = context([commit('m1', DANA, [], ['a0', 'b1']), commit('b1', BOT)], [{ id: '#21', merge: 'm1', commits: ['b1'] }]);
    const { evidence, involvement } = attributed(['b1'], ctx, true);
    assert.deepEqual(rows(evidence), ['dependabot-bot author commit-author b1 no level', 'dana-chen merger merge-commit m1 consulted']);
    assert.equal(involvement.involvement, 'automated');
    assert.deepEqual(involvement.involvementByLeader, { 'dana-chen': 'automated', 'arjun-patel': 'automated' });
  });

  it('leaves a person\'s maintenance and a person\'s change to their own levels: merging it is consulting', () => {
    const ctx = context([commit('m1', DANA, [], ['a0', 'c1']), commit('c1', CAROL)], [{ id: '#22', merge: 'm1', commits: ['c1'] }]);
    for (const maintenance of [true, false]) {
      const { evidence, involvement } = attributed(['c1'], ctx, maintenance);
      assert.deepEqual(rows(evidence), ['carol-diaz author commit-author c1 decided', 'dana-chen merger merge-commit m1 consulted']);
      assert.equal(involvement.involvement, 'consulted');
    }
  });

  it('takes a bot\'s PR a person also committed to as that person\'s work', () => {
    const ctx = context([commit('m1', DANA, [], ['a0', 'c2']), commit('c2', CAROL, [], ['b1']), commit('b1', BOT)], [{ id: '#28', merge: 'm1', commits: ['b1', 'c2'] }]);
    const { evidence, involvement } = attributed(['b1', 'c2'], ctx, true);
    assert.deepEqual(rows(evidence), ['dependabot-bot author commit-author b1 no level', 'carol-diaz author commit-author c2 decided', 'dana-chen merger merge-commit m1 consulted']);
    assert.equal(involvement.involvement, 'consulted');
  });

  it('gives an assistant\'s commit to its human co-author; the assistant leaves no evidence', () => {
    const ctx = context([commit('m1', ARJUN, [], ['a0', 'c1']), commit('c1', COPILOT, [['Co-authored-by', 'Dana Chen <dana@acme.io>']])], [{ id: '#23', merge: 'm1', commits: ['c1'] }]);
    const { evidence, involvement } = attributed(['c1'], ctx);
    assert.deepEqual(rows(evidence), ['dana-chen co-author trailer c1 decided', 'arjun-patel merger merge-commit m1 consulted']);
    assert.deepEqual(involvement.involvementByLeader, { 'dana-chen': 'decided', 'arjun-patel': 'consulted' });
  });

  it('gives an assistant\'s commit with no human co-author to the person who merged it, at the author\'s level', () => {
    const ctx = context([commit('m1', ARJUN, [], ['a0', 'c1']), commit('c1', COPILOT)], [{ id: '#24', merge: 'm1', commits: ['c1'] }]);
    const { evidence, involvement } = attributed(['c1'], ctx, true);
    assert.deepEqual(rows(evidence), ['arjun-patel merger merge-commit m1 decided inferred']);
    assert.equal(involvement.involvement, 'decided', 'an assistant is no bot: its work is never automated');
  });

  it('drops an assistant co-author and keeps the human author\'s level', () => {
    const ctx = context([commit('c1', BOB, [['Co-authored-by', 'Claude <noreply@anthropic.com>']])]);
    const { evidence } = attributed(['c1'], ctx);
    assert.deepEqual(rows(evidence), ['bob-li author commit-author c1 decided']);
  });

  it('gives a record an assistant wrote to the person who merged it; a bot-written record\'s merger stays consulted', () => {
    const ctx = context([commit('m1', DANA, [], ['a0', 'c1']), commit('c1', COPILOT)], [{ id: '#26', merge: 'm1', commits: ['c1'] }]);
    const written = adrEvidence({ adr: adr(), fileHistory: { added: 'c1', commits: ['c1'], previousPaths: [], edits: [] }, joinedCommits: [] }, ctx);
    assert.deepEqual(rows(attributeToolWork(written.evidence, people(ctx), { git: false })), ['dana-chen merger merge-commit m1 decided inferred']);
    const botCtx = context([commit('m1', DANA, [], ['a0', 'c1']), commit('c1', BOT)], [{ id: '#27', merge: 'm1', commits: ['c1'] }]);
    const botWritten = adrEvidence({ adr: adr(), fileHistory: { added: 'c1', commits: ['c1'], previousPaths: [], edits: [] }, joinedCommits: [] }, botCtx);
    assert.deepEqual(rows(attributeToolWork(botWritten.evidence, people(botCtx), { git: false })), [
      'dependabot-bot author commit-author c1 no level inferred',
      'dana-chen merger merge-commit m1 consulted inferred',
    ]);
  });

  it('takes a person\'s Co-authored-by trailer on a bot\'s commit as a merger\'s part: the bot\'s maintenance stays automated', () => {
    const ctx = context([commit('b1', BOT, [['Co-authored-by', 'Dana Chen <dana@acme.io>']])], [{ id: '#29', merge: 'b1', commits: ['b1'], viaMergeCommit: false }]);
    const routine = attributed(['b1'], ctx, true);
    assert.deepEqual(rows(routine.evidence), ['dependabot-bot author commit-author b1 no level', 'dana-chen co-author trailer b1 consulted inferred']);
    assert.equal(routine.involvement.involvement, 'automated');
    const decisive = attributed(['b1'], ctx, false);
    assert.deepEqual(rows(decisive.evidence), ['dependabot-bot author commit-author b1 no level', 'dana-chen co-author trailer b1 decided inferred']);
    assert.equal(decisive.involvement.involvement, 'decided');
  });

  it('gives a bot no level where a person also wrote the change: the bot is never one of its deciders', () => {
    const MERGIFY = '<37929162+mergify[bot]@users.noreply.github.com>';
    const ctx = context([commit('m1', DANA, [], ['a0', 'c1']), commit('c1', CAROL, [['Co-authored-by', `mergify[bot] ${MERGIFY}`]])], [{ id: '#30', merge: 'm1', commits: ['c1'] }]);
    const { evidence, involvement } = attributed(['c1'], ctx, false);
    assert.deepEqual(rows(evidence), ['carol-diaz author commit-author c1 decided', 'mergify-bot co-author trailer c1 no level', 'dana-chen merger merge-commit m1 consulted']);
    assert.deepEqual(decidersOf({ decisionMakers: [], evidence }), ['carol-diaz']);
    assert.equal(involvement.involvement, 'consulted');
  });

  describe('a bot\'s update squash-merged under a person\'s name', () => {
    const BOT_TEXT = 'dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>';
    const squash = (author: Who, subject: string, extra: Partial<CommitRecord & Pick<KeptCommit, 'updater'>>): CommitRecord & Pick<KeptCommit, 'updater'> => ({ ...commit('s1', author), subject, ...extra });

    /** As decisions.ts builds a git unit's evidence. */
    function takenIn(ctx: EvidenceContext, maintenance: boolean): { evidence: Evidence[]; involvement: ReturnType<typeof decisionInvolvement> } {
      const evidence = attributeToolWork(takeInBotCommits(signalEvidence(['s1'], ctx), people(ctx)), people(ctx), { git: true, maintenance });
      return { evidence, involvement: decisionInvolvement({ status: 'accepted', statusText: 'merged', evidence, maintenance }, people(ctx)) };
    }

    it('takes the person\'s authorship as a merger\'s part when the bot is in a trailer: its routine bump stays automated, its major move is theirs', () => {
      const ctx = context([squash(DANA, 'build(deps): bump tiny-queue from 0.4.1 to 0.5.0 (#30)', { trailers: [{ key: 'Co-authored-by', value: BOT_TEXT }] })]);
      const routine = takenIn(ctx, true);
      assert.deepEqual(rows(routine.evidence), [
        'dana-chen merger commit-author s1 consulted inferred', 'dependabot-bot author commit-author s1 no level inferred', 'dependabot-bot co-author trailer s1 no level',
      ]);
      assert.equal(routine.involvement.involvement, 'automated');
      const decisive = takenIn(ctx, false);
      assert.equal(rows(decisive.evidence)[0], 'dana-chen merger commit-author s1 decided inferred');
      assert.equal(decisive.involvement.involvement, 'decided');
      const signed = context([squash(DANA, 'Bump tiny-queue from 0.4.1 to 0.5.0 (#30)', { trailers: [{ key: 'Signed-off-by', value: 'dependabot[bot] <support@github.com>' }] })]);
      assert.deepEqual(rows(takenIn(signed, true).evidence), ['dana-chen merger commit-author s1 consulted inferred', 'dependabot-bot author commit-author s1 no level inferred']);
    });

    it('takes it so when only the bot\'s PR text in the message names the bot', () => {
      const ctx = context([squash(CAROL, 'chore(deps): update tiny-queue to v0.5 (#31)', { updater: 'renovate' })]);
      const routine = takenIn(ctx, true);
      assert.deepEqual(rows(routine.evidence), ['carol-diaz merger commit-author s1 consulted inferred', 'renovate-bot author commit-author s1 no level inferred']);
      assert.equal(routine.involvement.involvement, 'automated');
    });

    it('leaves the person\'s work theirs: not titled as an update, another bot\'s trailer, or a person named like a bot', () => {
      const feature = context([squash(CAROL, 'Queue jobs in memory (#32)', { updater: 'dependabot', trailers: [{ key: 'Co-authored-by', value: BOT_TEXT }] })]);
      assert.deepEqual(rows(takenIn(feature, true).evidence), ['carol-diaz author commit-author s1 decided', 'dependabot-bot co-author trailer s1 no level']);
      assert.equal(takenIn(feature, true).involvement.involvement, 'around');
      const backport = context([squash(CAROL, 'Update btcec to v2.3.4 (#33)', { trailers: [{ key: 'Co-authored-by', value: 'mergify[bot] <37929162+mergify[bot]@users.noreply.github.com>' }] })]);
      assert.deepEqual(rows(takenIn(backport, true).evidence), ['carol-diaz author commit-author s1 decided', 'mergify-bot co-author trailer s1 no level']);
      const talbot = context([squash(CAROL, 'Bump tiny-queue from 0.6.0 to 0.7.0 (#34)', { trailers: [{ key: 'Co-authored-by', value: 'Dependabot Fan <talbot@acme.io>' }] })]);
      assert.deepEqual(rows(takenIn(talbot, false).evidence), ['carol-diaz author commit-author s1 decided', 'dependabot-fan co-author trailer s1 decided']);
    });

  });

  it('keeps a person named like a bot a person', () => {
    const ctx = context([commit('m1', DANA, [], ['a0', 'c1']), commit('c1', TALBOT)], [{ id: '#25', merge: 'm1', commits: ['c1'] }]);
    const { evidence, involvement } = attributed(['c1'], ctx, true);
    assert.deepEqual(rows(evidence), ['jane-talbot author commit-author c1 decided', 'dana-chen merger merge-commit m1 consulted']);
    assert.equal(involvement.involvement, 'consulted');
  });
});
