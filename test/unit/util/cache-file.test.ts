// Files kept in the cache folder for the next process: read back only when whole
// and of the expected shape, written without following what stands in the way.
import assert from 'node:assert/strict';
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import { loadRecordEdits, saveRecordEdits } from '../../../src/core/analysis/record-edit-file';
import { readCacheFile } from '../../../src/core/util/cache-file';
import { cacheFileFor, writeCacheFile } from '../../../src/core/util/cache-folder';
import { testTempDir } from '../../support/temp-dir';

describe('cache folder files', () => {
  const dir = testTempDir('cache-file');

  it('name one file of a kind per repository', () => {
    assert.notEqual(cacheFileFor(dir(), 'record-edits', '/a'), cacheFileFor(dir(), 'record-edits', '/b'));
    assert.notEqual(cacheFileFor(dir(), 'record-edits', '/a'), cacheFileFor(dir(), 'structure', '/a'));
    assert.match(cacheFileFor(dir(), 'history', '/a', 'delta.jsonl'), /history-[0-9a-f]{16}\.delta\.jsonl$/);
  });

  it('read nothing from a missing, cut or misshapen file', async () => {
    const file = join(dir(), 'x.json');
    const schema = z.object({ n: z.number() });
    assert.equal(await readCacheFile(file, schema), null);
    writeFileSync(file, '{"n": 1');
    assert.equal(await readCacheFile(file, schema), null);
    writeFileSync(file, '{"n": "1"}');
    assert.equal(await readCacheFile(file, schema), null);
    writeFileSync(file, '{"n": 1}');
    assert.deepEqual(await readCacheFile(file, schema), { n: 1 });
  });

  it('never write through a link left where the temporary file goes', async () => {
    const file = join(dir(), 'kept.json');
    const elsewhere = join(dir(), 'elsewhere.txt');
    writeFileSync(elsewhere, 'untouched');
    symlinkSync(elsewhere, `${file}.${process.pid}.tmp`);
    await writeCacheFile(file, '{"n": 2}');
    assert.equal(readFileSync(elsewhere, 'utf8'), 'untouched');
    assert.equal(readFileSync(file, 'utf8'), '{"n": 2}');
  });

  it('keep record edits for their repository and this build only', async () => {
    const edits = new Map([['docs/adr/1.md\u0000abc\u0000docs/adr/1.md\u0000docs/adr/1.md', 'accepted' as const], ['docs/adr/2.md\u0000def\u0000a.md\u0000docs/adr/2.md', 'decision' as const]]);
    await saveRecordEdits(dir(), '/repo', edits);
    assert.deepEqual(await loadRecordEdits(dir(), '/repo'), edits);
    assert.equal(await loadRecordEdits(dir(), '/other'), null);
    const file = cacheFileFor(dir(), 'record-edits', '/repo');
    writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), build: 'another build' }));
    assert.equal(await loadRecordEdits(dir(), '/repo'), null);
  });
});
