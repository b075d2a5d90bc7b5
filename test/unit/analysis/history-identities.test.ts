// The history's trailer identities kept between refreshes: after new commits in
// front of the same commit objects only those are read, and the list is the one a
// full walk gives, in the same order.
import assert from 'node:assert/strict';
import { HistoryIdentitiesMemo, historyIdentities } from '../../../src/core/analysis/history-identities';
import type { AuthorActivity, KeptCommit } from '../../../src/core/model/history';

const DANA = { name: 'Dana Chen', email: 'dana@acme.io' };
const AUTHORS: AuthorActivity[] = [{ identity: DANA, lastDay: '2026-01-08' }];

function commit(sha: string, trailers: Array<[string, string]>): KeptCommit {
  return {
    sha: sha.repeat(40), author: DANA, authorDate: '2026-01-08T10:00:00Z', committerDate: '2026-01-08T10:00:00Z', subject: sha,
    trailers: trailers.map(([key, value]) => ({ key, value })), files: [],
  };
}

describe('analysis: the history identities kept between refreshes', () => {
  const older = commit('a', [['Co-authored-by', 'Yan Other <yan@acme.io>'], ['Reviewed-by', 'Bob Stone <bob@acme.io>'], ['Signed-off-by', 'Sam <sam@acme.io>']]);
  const old = commit('b', [['Acked-by', 'Cleo <cleo@acme.io>'], ['Co-authored-by', 'no address at all']]);

  it('puts what new commits name first, then the kept ones they did not name, as a full walk does', () => {
    const memo = new HistoryIdentitiesMemo();
    const keys = ['Reviewed-by', 'Acked-by'];
    const first = memo.of(AUTHORS, [old, older], keys);
    assert.deepEqual(first, historyIdentities(AUTHORS, [old, older], keys));
    assert.deepEqual(first.trailers.map((t) => t.email), ['cleo@acme.io', 'yan@acme.io', 'bob@acme.io']);

    const newer = commit('c', [['reviewed-by', 'Bob Stone <bob@acme.io>'], ['Co-authored-by', 'Zed <zed@acme.io>']]);
    const refreshed = memo.of(AUTHORS, [newer, old, older], keys);
    assert.deepEqual(refreshed, historyIdentities(AUTHORS, [newer, old, older], keys));
    assert.deepEqual(refreshed.trailers.map((t) => t.email), ['bob@acme.io', 'zed@acme.io', 'cleo@acme.io', 'yan@acme.io']);
  });

  it('reads only the new commits after a refresh', () => {
    const memo = new HistoryIdentitiesMemo();
    const oldCopy = { ...old };
    memo.of(AUTHORS, [oldCopy], ['Acked-by']);
    // The same object, now unreadable: the memo must not walk it again.
    Object.defineProperty(oldCopy, 'trailers', { get: (): never => { throw new Error('the kept commit was read again'); } });
    const newer = commit('c', [['Acked-by', 'Cleo <cleo@acme.io>']]);
    assert.deepEqual(memo.of(AUTHORS, [newer, oldCopy], ['Acked-by']).trailers, [{ name: 'Cleo', email: 'cleo@acme.io' }]);
  });

  it('walks everything again when the review keys or the commits behind the new ones changed', () => {
    const memo = new HistoryIdentitiesMemo();
    memo.of(AUTHORS, [old, older], ['Reviewed-by']);
    assert.deepEqual(memo.of(AUTHORS, [old, older], ['Signed-off-by']), historyIdentities(AUTHORS, [old, older], ['Signed-off-by']));
    assert.deepEqual(memo.of(AUTHORS, [older], ['Signed-off-by']), historyIdentities(AUTHORS, [older], ['Signed-off-by']), 'a rewritten history');
    assert.deepEqual(memo.of(AUTHORS, [{ ...old }, older], ['Signed-off-by']), historyIdentities(AUTHORS, [old, older], ['Signed-off-by']), 'other commit objects');
  });
});
