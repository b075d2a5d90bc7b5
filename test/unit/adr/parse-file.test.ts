// Parsed records kept in the cache folder: a record whose text is unchanged is
// taken from the file (not parsed again), a changed one is parsed, and a file of
// another build or a damaged one is no file.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { KeptRecordParses } from '../../../src/core/adr/parse-file';
import { parseAdr } from '../../../src/core/adr/parse';
import { engineBuild } from '../../../src/core/util/cache-file';
import { cacheFileFor } from '../../../src/core/util/cache-folder';
import { testTempDir } from '../../support/temp-dir';

const PATH = 'docs/adr/0001-use-postgres.md';
const TEXT = '# 1. Use PostgreSQL\n\nDate: 2024-03-01\n\n## Status\n\nAccepted\n\n## Decision\n\nWe use PostgreSQL.\n';

describe('parsed records kept in the cache folder', () => {
  const dir = testTempDir('parse-file');

  /** Rewrites the kept file's title of PATH, so a test sees whether the file or the parser answered. */
  function markKept(edit: (file: { build: string; records: Array<[string, string, { title: string }]> }) => void): void {
    const file = cacheFileFor(dir(), 'records', '/repo');
    const content = JSON.parse(readFileSync(file, 'utf8')) as { build: string; records: Array<[string, string, { title: string }]> };
    edit(content);
    writeFileSync(file, JSON.stringify(content));
  }

  it('give what parseAdr gives, from the file while the text is the same', async () => {
    const first = await KeptRecordParses.load(dir(), '/repo');
    assert.deepEqual(first.parse(PATH, TEXT), parseAdr(PATH, TEXT));
    await first.save();
    const again = await KeptRecordParses.load(dir(), '/repo');
    assert.deepEqual(again.parse(PATH, TEXT), parseAdr(PATH, TEXT), 'a round trip through the file changes nothing');

    markKept((file) => { file.records.forEach((entry) => { entry[2].title = 'from the file'; }); });
    assert.equal((await KeptRecordParses.load(dir(), '/repo')).parse(PATH, TEXT).title, 'from the file');
    const changed = TEXT.replace('Use PostgreSQL', 'Use MySQL');
    assert.equal((await KeptRecordParses.load(dir(), '/repo')).parse(PATH, changed).title, parseAdr(PATH, changed).title);
    assert.equal((await KeptRecordParses.load(dir(), '/other')).parse(PATH, TEXT).title, parseAdr(PATH, TEXT).title);
  });

  it('ignore a file of another build or of the wrong shape', async () => {
    const first = await KeptRecordParses.load(dir(), '/repo');
    first.parse(PATH, TEXT);
    await first.save();
    markKept((file) => { file.records.forEach((entry) => { entry[2].title = 'from the file'; }); file.build = 'another build'; });
    assert.equal((await KeptRecordParses.load(dir(), '/repo')).parse(PATH, TEXT).title, parseAdr(PATH, TEXT).title);
    markKept((file) => { file.build = engineBuild(); file.records = [[PATH, 'hash', { title: 'no other field' }]]; });
    assert.equal((await KeptRecordParses.load(dir(), '/repo')).parse(PATH, TEXT).title, parseAdr(PATH, TEXT).title);
  });
});
