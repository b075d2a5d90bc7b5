// The forge's pull requests kept in the cache folder: a journal that is read back
// page by page and folded into one line, never written through a link.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ForgeCache } from '../../../src/core/forge/cache';
import type { ForgePullRequest } from '../../../src/core/forge/types';
import { testTempDir } from '../../support/temp-dir';

function pullRequest(number: number): ForgePullRequest {
  return {
    number, url: `https://github.com/o/r/pull/${number}`, author: null, mergedBy: null, mergeCommit: null,
    reviews: [], reviewRequests: { users: [], teams: [] }, commits: [], updatedAt: '2026-01-01T00:00:00Z',
  };
}

describe('forge cache', () => {
  const dir = testTempDir('forge-cache');

  it('reads back every page appended, and one line after folding', async () => {
    const cache = new ForgeCache(dir(), 'github.com/o/r');
    await cache.load();
    await cache.append([pullRequest(1)], { watermark: null, pending: { cursor: 'c1', stopAt: null, newest: null } });
    await cache.append([pullRequest(2)], { watermark: '2026-01-01T00:00:00Z', pending: null });
    const again = new ForgeCache(dir(), 'github.com/o/r');
    const content = await again.load();
    assert.deepEqual([...content.pullRequests.keys()], [1, 2]);
    assert.equal(content.state.watermark, '2026-01-01T00:00:00Z');
    await again.compact(content);
    const [file] = readdirSync(dir());
    assert.match(file ?? '', /^forge-[0-9a-f]{16}\.jsonl$/);
    assert.equal(readFileSync(join(dir(), file ?? ''), 'utf8').trimEnd().split('\n').length, 2, 'a header and one line');
    assert.equal((await new ForgeCache(dir(), 'github.com/o/other').load()).pullRequests.size, 0, "another repository's cache is not read");
  });

  it('never writes through a link left where the temporary file goes', async () => {
    const cache = new ForgeCache(dir(), 'github.com/o/r');
    await cache.load();
    await cache.append([pullRequest(1)], { watermark: null, pending: null });
    const [file] = readdirSync(dir());
    const elsewhere = join(dir(), 'elsewhere.txt');
    writeFileSync(elsewhere, 'untouched');
    symlinkSync(elsewhere, join(dir(), `${file ?? ''}.${process.pid}.tmp`));
    const fresh = new ForgeCache(dir(), 'github.com/o/r');
    await fresh.append([pullRequest(3)], { watermark: null, pending: null });
    assert.equal(fresh.writeError, null);
    assert.equal(readFileSync(elsewhere, 'utf8'), 'untouched');
    assert.deepEqual([...(await new ForgeCache(dir(), 'github.com/o/r').load()).pullRequests.keys()], [3]);
  });
});
