// V8's compiled code kept for the CLI's next start: V8 takes it on trust, so only a
// whole file of this user, made from this engine, writable by no one else, is read back.
import assert from 'node:assert/strict';
import { chmodSync, existsSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { codeCacheFile, readCodeCache, writeCodeCache } from '../../../src/cli/code-cache';
import { testTempDir } from '../../support/temp-dir';

const ENGINE = 'a'.repeat(64);
const OTHER_ENGINE = 'b'.repeat(64);
const CODE = Buffer.from('compiled code, as V8 would make it');

describe('cli: the kept code cache', () => {
  const dir = testTempDir('code-cache');

  it('reads back what it wrote for the same engine, in a file only its user may read', async () => {
    const file = codeCacheFile(dir(), ENGINE);
    assert.equal(readCodeCache(file, ENGINE), undefined);
    await writeCodeCache(file, ENGINE, CODE);
    assert.deepEqual(readCodeCache(file, ENGINE), CODE);
    assert.equal(statSync(file).mode & 0o777, 0o600);
  });

  it('names one file per engine and reads nothing made from another engine', async () => {
    assert.notEqual(codeCacheFile(dir(), ENGINE), codeCacheFile(dir(), OTHER_ENGINE));
    const file = codeCacheFile(dir(), ENGINE);
    await writeCodeCache(file, OTHER_ENGINE, CODE);
    assert.equal(readCodeCache(file, ENGINE), undefined);
  });

  it('reads nothing from a changed, cut or empty file', async () => {
    const file = codeCacheFile(dir(), ENGINE);
    await writeCodeCache(file, ENGINE, CODE);
    const whole = readFileSync(file);
    const changed = Buffer.from(whole);
    changed.writeUInt8(changed.readUInt8(changed.length - 1) ^ 1, changed.length - 1);
    for (const content of [changed, whole.subarray(0, whole.length - 1), Buffer.alloc(0)]) {
      writeFileSync(file, content, { mode: 0o600 });
      assert.equal(readCodeCache(file, ENGINE), undefined);
    }
  });

  it('reads nothing through a link, nor from a file others may write', async () => {
    const file = codeCacheFile(dir(), ENGINE);
    const elsewhere = join(dir(), 'elsewhere.bin');
    await writeCodeCache(elsewhere, ENGINE, CODE);
    symlinkSync(elsewhere, file);
    assert.equal(readCodeCache(file, ENGINE), undefined);
    rmSync(file);
    await writeCodeCache(file, ENGINE, CODE);
    chmodSync(file, 0o622);
    assert.equal(readCodeCache(file, ENGINE), undefined);
  });

  it('reads the build\'s code when anyone may read it and only its owner change it', async () => {
    const file = codeCacheFile(dir(), ENGINE);
    await writeCodeCache(file, ENGINE, CODE);
    chmodSync(file, 0o644);
    assert.deepEqual(readCodeCache(file, ENGINE, 'built'), CODE);
    chmodSync(file, 0o664);
    assert.equal(readCodeCache(file, ENGINE, 'built'), undefined);
    chmodSync(file, 0o646);
    assert.equal(readCodeCache(file, ENGINE, 'built'), undefined);
  });

  it('removes the code kept for other engines when it keeps new code', async () => {
    const old = codeCacheFile(dir(), OTHER_ENGINE);
    await writeCodeCache(old, OTHER_ENGINE, CODE);
    const unrelated = join(dir(), 'history-0123456789abcdef.json');
    writeFileSync(unrelated, '{}');
    await writeCodeCache(codeCacheFile(dir(), ENGINE), ENGINE, CODE);
    assert.equal(existsSync(old), false);
    assert.equal(existsSync(unrelated), true);
  });
});
