// The history index kept between refreshes: extended when a refresh only put commits
// in front and PRs behind the same objects, made again for anything else.
import assert from 'node:assert/strict';
import { HistoryIndexMemo, indexHistory } from '../../../src/core/analysis/history-index';
import type { History, KeptCommit, PullRequest } from '../../../src/core/model/history';

const DANA = { name: 'Dana Chen', email: 'dana@acme.io' };

function commit(sha: string, subject: string): KeptCommit {
  return { sha, author: DANA, authorDate: '2026-01-08T10:00:00Z', committerDate: '2026-01-08T10:00:00Z', subject, trailers: [], files: [] };
}

function history(commits: KeptCommit[], pullRequests: PullRequest[]): History {
  return { head: commits[0]?.sha ?? null, commits, shallow: false, pullRequests, prOfCommit: new Map() };
}

/** What every lookup of the index gives, for the shas and ids asked. */
function lookups(index: ReturnType<typeof indexHistory>, shas: readonly string[], ids: readonly string[]): unknown {
  return { commits: shas.map((sha) => index.commit(sha)?.subject), prs: ids.map((id) => index.pullRequest(id)?.mergeCommit), of: shas.map((sha) => index.pullRequestOf(sha)?.id) };
}

describe('analysis: the history index kept between refreshes', () => {
  const a = commit('a'.repeat(40), 'first');
  const b = commit('b'.repeat(40), 'second');
  const c = commit('c'.repeat(40), 'third');
  const pr7: PullRequest = { id: '#7', mergeCommit: b.sha, commits: [a.sha, b.sha], viaMergeCommit: true };
  // The number 7 again (an imported history): the newer PR is the one found by number and for its commit.
  const pr7again: PullRequest = { id: '#7', mergeCommit: c.sha, commits: [c.sha], viaMergeCommit: false };
  const shas = [a.sha, b.sha, c.sha, 'd'.repeat(40)];

  it('gains a refresh\'s new commits and PRs, the newer PR winning, as an index made from scratch', () => {
    const memo = new HistoryIndexMemo();
    const before = history([b, a], [pr7]);
    assert.deepEqual(lookups(memo.of(before), shas, ['#7']), { commits: ['first', 'second', undefined, undefined], prs: [b.sha], of: ['#7', '#7', undefined, undefined] });
    const after = history([c, ...before.commits], [...before.pullRequests, pr7again]);
    const extended = lookups(memo.of(after), shas, ['#7']);
    assert.deepEqual(extended, { commits: ['first', 'second', 'third', undefined], prs: [c.sha], of: ['#7', '#7', '#7', undefined] });
    assert.deepEqual(extended, lookups(indexHistory(after), shas, ['#7']));
    assert.equal(memo.of(after).pullRequestOf(c.sha), pr7again);
  });

  it('indexes a rewritten history from scratch: a dropped commit is gone', () => {
    const memo = new HistoryIndexMemo();
    memo.of(history([c, b, a], [pr7]));
    const rewritten = history([commit(c.sha.replace(/c/g, 'e'), 'rewritten'), b, a], [pr7]);
    assert.equal(memo.of(rewritten).commit(c.sha), undefined);
    assert.equal(memo.of(history([a], [])).commit(b.sha), undefined, 'fewer commits than before');
  });
});
