// Forge evidence on literal decisions and PRs: who gets what, and who nothing.
import assert from 'node:assert/strict';
import { indexHistory } from '../../../src/core/analysis/history-index';
import { DEFAULT_CONFIG } from '../../../src/core/config/schema';
import { joinForgeEvidence } from '../../../src/core/forge/evidence';
import type { ForgePullRequest } from '../../../src/core/forge/types';
import type { History } from '../../../src/core/model/history';
import type { Decision, Evidence } from '../../../src/core/model/report';
import { createIdentityResolver, parseMailmap } from '../../../src/core/people';

const SQUASH = 'a'.repeat(40);
const MERGE = 'b'.repeat(40);
const BRANCH_COMMIT = 'c'.repeat(40);

function setup() {
  const config = { ...DEFAULT_CONFIG, leadership: [{ name: 'Dana Chen', role: 'CTO', aliases: ['@dchen'] }] };
  const resolver = createIdentityResolver({ mailmap: parseMailmap(''), config });
  const dana = resolver.resolveText('Dana Chen').id;
  const history: History = {
    head: MERGE, commits: [], shallow: false,
    pullRequests: [{ id: '#7', mergeCommit: MERGE, commits: [MERGE, BRANCH_COMMIT], viaMergeCommit: true }],
    prOfCommit: new Map([[MERGE, '#7'], [BRANCH_COMMIT, '#7']]),
  };
  const people = { leaders: [dana], isBot: (id: string) => resolver.isBot(id), isAssistant: (id: string) => resolver.isAssistant(id) };
  return { resolver, dana, ctx: { index: indexHistory(history), resolver, people } };
}

function signal(id: string, pr: string | null, commits: string[], evidence: Evidence[] = []): Decision {
  return {
    id, source: 'git', kind: 'dependency', title: id, path: 'package.json', number: null, status: 'accepted', statusText: 'merged',
    date: '2026-09-01', area: 'general', decisionMakers: [], consulted: [], informed: [], involvement: 'around', evidence, commits, pr,
    supersedes: [], supersededBy: [], weight: 0.5, counted: true, notCountedReason: null, kinds: ['dependency'],
  };
}

function pr(number: number, spec: Partial<ForgePullRequest>): ForgePullRequest {
  return {
    number, url: `https://github.com/o/n/pull/${number}`, author: { login: 'fosei', bot: false }, mergedBy: null, mergeCommit: null,
    reviews: [], reviewRequests: { users: [], teams: [] }, commits: [], updatedAt: '2026-09-01T00:00:00Z', ...spec,
  };
}

describe('forge evidence', () => {
  it('joins a squash-merged PR by its commit and gives an approving leader consulted, with the link', () => {
    const { dana, ctx } = setup();
    const { decisions } = joinForgeEvidence([signal('s', null, [SQUASH])], [pr(3, {
      mergeCommit: SQUASH, reviews: [{ state: 'APPROVED', author: { login: 'DChen', bot: false }, submittedAt: null }],
    })], ctx);
    assert.equal(decisions[0]?.involvementByLeader?.[dana], 'consulted');
    assert.deepEqual(decisions[0]?.evidence, [{ person: dana, role: 'reviewer', source: 'forge-review', ref: 'https://github.com/o/n/pull/3', inferred: false, level: 'consulted', action: 'approved' }]);
  });

  it('keeps each person\'s strongest act and gives bots, the author\'s own comments, team requests and self-merges nothing', () => {
    const { dana, ctx } = setup();
    const { decisions } = joinForgeEvidence([signal('s', '#9', [])], [pr(9, {
      mergedBy: { login: 'fosei', bot: false },
      reviews: [
        { state: 'COMMENTED', author: { login: 'dchen', bot: false }, submittedAt: null },
        { state: 'CHANGES_REQUESTED', author: { login: 'dchen', bot: false }, submittedAt: null },
        { state: 'APPROVED', author: { login: 'copilot', bot: true }, submittedAt: null },
        { state: 'COMMENTED', author: { login: 'fosei', bot: false }, submittedAt: null },
      ],
      reviewRequests: { users: [{ login: 'renovate', bot: true }], teams: ['platform'] },
    })], ctx);
    assert.deepEqual(decisions[0]?.evidence.map((e) => [e.person, e.action, e.level]), [[dana, 'changes-requested', 'consulted']]);
  });

  it('does not name a merger again that the merge commit already names, and leaves decisions no PR touches as they were', () => {
    const { resolver, ctx } = setup();
    const bob = resolver.resolveText('@bobli').id;
    const merged = signal('m', '#7', [BRANCH_COMMIT], [{ person: bob, role: 'merger', source: 'merge-commit', ref: MERGE, inferred: false, level: 'consulted' }]);
    const untouched = signal('u', null, ['d'.repeat(40)]);
    const { decisions } = joinForgeEvidence([merged, untouched], [pr(7, { mergeCommit: MERGE, mergedBy: { login: 'bobli', bot: false } })], ctx);
    assert.equal(decisions[0], merged, 'nothing new, the same object');
    assert.equal(decisions[1], untouched);
  });
});
