// The resolver kept between analyses: every answer is the one a fresh resolver
// gives the same askings in the same order, whether the log answers or not.
import assert from 'node:assert/strict';
import { ResolverMemo, type ReplayingResolver } from '../../../src/core/analysis/memo-resolver';
import { configSchema } from '../../../src/core/config/schema';
import type { IdentityResolver } from '../../../src/core/model/people';
import { createIdentityResolver, parseMailmap } from '../../../src/core/people';

type Ask = readonly [name: string, email: string] | string;

const fresh = (): IdentityResolver => createIdentityResolver({ mailmap: parseMailmap(''), config: configSchema.parse({}) });

/** Two people called Max (a first name and two addresses are two people) and one met by handle first. */
const MAX_A: Ask = ['Max', 'max@a.example'];
const MAX_B: Ask = ['Max', 'max@b.example'];
const MARK_HANDLE: Ask = '@markwallace-microsoft';
const MARK: Ask = ['Mark Wallace', '127216156+markwallace-microsoft@users.noreply.github.com'];

function askAll(resolver: IdentityResolver, asks: readonly Ask[]): string[] {
  return asks.map((ask) => (typeof ask === 'string' ? resolver.resolveText(ask) : resolver.resolveIdentity(ask[0], ask[1])).id);
}

function outcome(resolver: IdentityResolver, asks: readonly Ask[]): unknown {
  return { ids: askAll(resolver, asks), people: resolver.people() };
}

describe('analysis: the resolver kept between analyses', () => {
  const order = [MAX_A, MAX_B, MARK_HANDLE, MARK, MAX_A];

  it('answers askings in the logged order from the log, and gives what a fresh resolver gives', () => {
    const memo = new ResolverMemo();
    const expected = outcome(fresh(), order);
    assert.deepEqual(outcome(memo.session('config', fresh), order), expected);
    assert.deepEqual(memo.counts, { recalled: 0, resolved: 4, remade: 0, replayed: 0 });
    assert.deepEqual(outcome(memo.session('config', fresh), order), expected);
    assert.deepEqual(memo.counts, { recalled: 4, resolved: 0, remade: 0, replayed: 0 });
    assert.deepEqual((expected as { ids: string[] }).ids, ['max', 'max-2', 'markwallace-microsoft', 'markwallace-microsoft', 'max']);
  });

  it('makes the resolver again at the first asking out of order: the other Max is max now', () => {
    const memo = new ResolverMemo();
    askAll(memo.session('config', fresh), order);
    const swapped = [MAX_A, MARK_HANDLE, MAX_B, MARK];
    const reordered = outcome(memo.session('config', fresh), swapped);
    assert.deepEqual(reordered, outcome(fresh(), swapped));
    assert.deepEqual(memo.counts, { recalled: 1, resolved: 3, remade: 1, replayed: 0 });
    const otherFirst = [MAX_B, MAX_A];
    const bFirst = outcome(memo.session('config', fresh), otherFirst);
    assert.deepEqual(bFirst, outcome(fresh(), otherFirst));
    assert.deepEqual((bFirst as { ids: string[] }).ids, ['max', 'max-2'], 'max@b.example is max now');
  });

  it('lists the people met so far, not those the log met later', () => {
    const memo = new ResolverMemo();
    askAll(memo.session('config', fresh), order);
    const prefix = memo.session('config', fresh);
    assert.deepEqual(askAll(prefix, [MAX_A]), ['max']);
    assert.deepEqual(prefix.people().map((p) => p.id), ['max']);
    assert.equal(memo.counts.remade, 1);
  });

  it('forgets the log when what the resolver is made from changes', () => {
    const memo = new ResolverMemo();
    askAll(memo.session('config', fresh), order);
    askAll(memo.session('another config', fresh), order);
    assert.deepEqual(memo.counts, { recalled: 0, resolved: 4, remade: 0, replayed: 0 });
  });

  describe('a stretch of askings replayed', () => {
    /** Asks MAX_A, then the stretch MAX_B, MARK_HANDLE (both first askings), then MARK. */
    function logged(memo: ResolverMemo): ReturnType<ReplayingResolver['since']> {
      const resolver = memo.session('config', fresh);
      askAll(resolver, [MAX_A]);
      const mark = resolver.mark();
      askAll(resolver, [MAX_B, MARK_HANDLE, MAX_A]);
      const stretch = resolver.since(mark);
      askAll(resolver, [MARK]);
      return stretch;
    }

    it('stands for its askings where the analysis stands as it did, on the same log: the answers after it are a fresh resolver\'s', () => {
      const memo = new ResolverMemo();
      const stretch = logged(memo);
      assert.equal(stretch.steps.length, 2, 'the stretch holds its two first askings, not the repeat');
      const resolver = memo.session('config', fresh);
      askAll(resolver, [MAX_A]);
      assert.equal(resolver.replay(stretch), true);
      const after = outcome(resolver, [MARK_HANDLE, MAX_B, MARK]);
      // A fresh analysis' resolver: a new memo's, which answers repeats itself as the replay does.
      const reference = new ResolverMemo().session('config', fresh);
      askAll(reference, [MAX_A, MAX_B, MARK_HANDLE, MAX_A]);
      assert.deepEqual(after, outcome(reference, [MARK_HANDLE, MAX_B, MARK]));
      assert.deepEqual(memo.counts, { recalled: 4, resolved: 0, remade: 0, replayed: 1 });
    });

    it('is not replayed elsewhere in the log, nor after the log was made again before it', () => {
      const memo = new ResolverMemo();
      const stretch = logged(memo);
      const early = memo.session('config', fresh);
      assert.equal(early.replay(stretch), false, 'before MAX_A was asked');
      const memoAgain = new ResolverMemo();
      const again = logged(memoAgain);
      const swapped = memoAgain.session('config', fresh);
      askAll(swapped, [MAX_B]);
      assert.equal(swapped.replay(again), false, 'one asking in as well, but another one');
      // The log now starts with MAX_B: the same place after one asking is another log.
      const later = memoAgain.session('config', fresh);
      askAll(later, [MAX_A]);
      assert.equal(later.replay(again), false, 'the log was cut before the stretch');
      assert.equal(memoAgain.counts.replayed, 0);
    });
  });
});
