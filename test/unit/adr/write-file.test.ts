import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync, chmodSync } from 'node:fs';
import path from 'node:path';
import { FileExistsError, writeFileAtomic } from '../../../src/core/adr/write-file';
import { tempTree, type TempTree } from './temp-repo';

describe('writeFileAtomic', () => {
  let tree: TempTree;
  afterEach(() => tree.remove());

  it('replaces a file keeping its mode and leaves no temporary file', async () => {
    tree = tempTree({ 'a.md': 'old' });
    const file = path.join(tree.root, 'a.md');
    chmodSync(file, 0o640);
    await writeFileAtomic(file, 'new');
    assert.equal(readFileSync(file, 'utf8'), 'new');
    assert.equal(statSync(file).mode & 0o777, 0o640);
    assert.deepEqual(readdirSync(tree.root), ['a.md']);
  });

  it('refuses to overwrite in exclusive mode', async () => {
    tree = tempTree({ 'a.md': 'old' });
    const file = path.join(tree.root, 'a.md');
    await assert.rejects(writeFileAtomic(file, 'new', { exclusive: true }), FileExistsError);
    assert.equal(readFileSync(file, 'utf8'), 'old');
    assert.deepEqual(readdirSync(tree.root), ['a.md']);
    await writeFileAtomic(path.join(tree.root, 'b.md'), 'b', { exclusive: true });
    assert.equal(readFileSync(path.join(tree.root, 'b.md'), 'utf8'), 'b');
  });
});
