import assert from 'node:assert/strict';
import type { PullRequest } from '../../../src/core/model/history';
import { indexHistory } from '../../../src/core/analysis/history-index';
import { commitUnitOf, commitUnits, distanceFromLeadership, isCounted, levelFor, notCountedReason, reusedPullRequestIds } from '../../../src/rules/decision-rules';

describe('decision rules', () => {
  it('counts a decision unless it is pending, automated or weighted 0, and says which', () => {
    assert.equal(notCountedReason({ involvement: 'around', weight: 0.5 }), null);
    assert.equal(notCountedReason({ involvement: 'decided', weight: 1 }), null);
    assert.equal(notCountedReason({ involvement: 'pending', weight: 1 }), 'pending');
    assert.equal(notCountedReason({ involvement: 'automated', weight: 0.5 }), 'automated');
    assert.equal(notCountedReason({ involvement: 'consulted', weight: 0 }), 'zero-weight');
    assert.equal(isCounted({ involvement: 'informed', weight: 1 }), true);
    assert.equal(isCounted({ involvement: 'pending', weight: 1 }), false);
  });

  it('gives the roster level, a leader\'s level, around for a leader the evidence leaves out, and pending or automated for everyone', () => {
    const decision = { involvement: 'consulted' as const, involvementByLeader: { dana: 'consulted' as const, arjun: 'around' as const } };
    assert.equal(levelFor(decision, null), 'consulted');
    assert.equal(levelFor(decision, 'dana'), 'consulted');
    assert.equal(levelFor(decision, 'arjun'), 'around');
    assert.equal(levelFor(decision, 'lee'), 'around');
    assert.equal(levelFor({ involvement: 'decided' }, 'dana'), 'around');
    assert.equal(levelFor({ involvement: 'pending', involvementByLeader: { dana: 'decided' } }, 'dana'), 'pending');
    assert.equal(levelFor({ involvement: 'automated' }, 'arjun'), 'automated');
  });

  it('puts leadership deciding at distance 0, routed around at 1, consulted and informed between, nothing counted at none', () => {
    assert.equal(distanceFromLeadership({ decided: 4, consulted: 0, informed: 0, around: 0 }), 0);
    assert.equal(distanceFromLeadership({ decided: 0, consulted: 0, informed: 0, around: 2 }), 1);
    assert.equal(distanceFromLeadership({ decided: 1, consulted: 1, informed: 1, around: 1 }), 0.5);
    assert.equal(distanceFromLeadership({ decided: 0, consulted: 3, informed: 0, around: 0 }), 1 / 3);
    assert.equal(distanceFromLeadership({ decided: 0, consulted: 0, informed: 0, around: 0 }), null);
  });

  it('makes a commit of a PR part of unit pr-N (GitHub # and GitLab ! alike), a lone commit its own unit', () => {
    const pr = (id: string, mergeCommit: string, commits: string[]): PullRequest => ({ id, mergeCommit, commits, viaMergeCommit: false });
    const unitOf = commitUnits({ pullRequests: [pr('#12', 'aaa', ['aaa']), pr('!7', 'bbb', ['bbb', 'bb1'])] });
    assert.deepEqual(unitOf('aaa'), { unit: 'pr-12', pr: '#12' });
    assert.deepEqual(unitOf('bb1'), { unit: 'pr-7', pr: '!7' });
    assert.deepEqual(unitOf('ccc'), { unit: 'ccc', pr: null });
  });

  it('keeps pr-N for the newest PR of a number named again (an imported history); an older one is its merge commit\'s unit', () => {
    const pr = (id: string, mergeCommit: string, commits: string[]): PullRequest => ({ id, mergeCommit, commits, viaMergeCommit: false });
    // Oldest first, as the history gives them.
    const history = { pullRequests: [pr('#5', 'old', ['old', 'old1']), pr('#6', 'six', ['six']), pr('#5', 'new', ['new'])] };
    const unitOf = commitUnits(history);
    assert.deepEqual(unitOf('old1'), { unit: 'old', pr: '#5' });
    assert.deepEqual(unitOf('new'), { unit: 'pr-5', pr: '#5' });
    assert.deepEqual(unitOf('six'), { unit: 'pr-6', pr: '#6' });
    assert.deepEqual(reusedPullRequestIds(history), ['#5']);
  });

  it("gives every commit the same unit through the history's index as from the PR list", () => {
    const pr = (id: string, mergeCommit: string, commits: string[]): PullRequest => ({ id, mergeCommit, commits, viaMergeCommit: true });
    const pullRequests = [pr('#5', 'old', ['old', 'old1']), pr('merge-top', 'top', ['top', 'top1']), pr('!6', 'six', ['six']), pr('#5', 'new', ['new', 'old1'])];
    const index = indexHistory({ head: 'new', commits: [], shallow: false, pullRequests, prOfCommit: new Map() });
    const unitOf = commitUnits({ pullRequests });
    const shas = ['old', 'old1', 'top', 'top1', 'six', 'new', 'lone'];
    assert.deepEqual(shas.map((sha) => commitUnitOf(sha, index)), shas.map(unitOf));
    assert.deepEqual(shas.map((sha) => commitUnitOf(sha, index).unit), ['old', 'pr-5', 'merge-top', 'merge-top', 'pr-6', 'pr-5', 'lone']);
  });
});
