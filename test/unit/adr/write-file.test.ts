// The confined writer: a swap between the check and the write (a link or another file put
// in the record's place, a folder on the way turned into a link) is refused, nothing written.
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, statSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { confineExisting, confineNew, type WriteRefusal } from '../../../src/core/adr/confine';
import { readConfined, writeConfined } from '../../../src/core/adr/write-file';
import { tempTree, type TempTree } from './temp-repo';

const anyFile = (): boolean => true;

async function refusal(promise: Promise<unknown>): Promise<WriteRefusal> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  assert.ok(error instanceof Error && error.name === 'WriteRefusedError', `expected a refusal, got ${String(error)}`);
  return (error as Error & { reason: WriteRefusal }).reason;
}

describe('writeConfined', () => {
  let tree: TempTree;
  afterEach(() => tree.remove());

  it('replaces a record keeping its mode and leaves no temporary file', async () => {
    tree = tempTree({ 'repo/a.md': 'old' });
    const file = path.join(tree.root, 'repo/a.md');
    chmodSync(file, 0o640);
    const target = await confineExisting(path.join(tree.root, 'repo'), file, { allowed: anyFile });
    assert.equal((await readConfined(target)).toString(), 'old');
    await writeConfined(target, 'new');
    assert.equal(readFileSync(file, 'utf8'), 'new');
    assert.equal(statSync(file).mode & 0o777, 0o640);
    assert.deepEqual(readdirSync(path.join(tree.root, 'repo')), ['a.md']);
  });

  it('creates a new record but never over a file or a link that took its name since the check', async () => {
    tree = tempTree({ 'repo/keep.md': 'keep', 'outside.md': 'outside' });
    const repo = path.join(tree.root, 'repo');
    const fresh = await confineNew(repo, 'b.md');
    await writeConfined(fresh, 'b');
    assert.equal(readFileSync(path.join(repo, 'b.md'), 'utf8'), 'b');
    assert.equal(await refusal(confineNew(repo, 'keep.md')), 'exists');

    const raced = await confineNew(repo, 'c.md');
    symlinkSync(path.join(tree.root, 'outside.md'), path.join(repo, 'c.md'));
    assert.equal(await refusal(writeConfined(raced, 'c')), 'symlink');
    assert.equal(readFileSync(path.join(tree.root, 'outside.md'), 'utf8'), 'outside');
    assert.deepEqual(readdirSync(repo).sort(), ['b.md', 'c.md', 'keep.md']);
  });

  it('refuses when a link replaced the record after the check: neither the link nor its target changes', async () => {
    tree = tempTree({ 'repo/a.md': 'record', 'secret': 'secret' });
    const file = path.join(tree.root, 'repo/a.md');
    const target = await confineExisting(path.join(tree.root, 'repo'), file, { allowed: anyFile });
    unlinkSync(file);
    symlinkSync(path.join(tree.root, 'secret'), file);
    assert.equal(await refusal(readConfined(target)), 'symlink');
    assert.equal(await refusal(writeConfined(target, 'x')), 'symlink');
    assert.equal(readlinkSync(file), path.join(tree.root, 'secret'));
    assert.equal(readFileSync(path.join(tree.root, 'secret'), 'utf8'), 'secret');
  });

  it('refuses when another file took the record\'s name after the check', async () => {
    tree = tempTree({ 'repo/a.md': 'record', 'repo/b.md': 'other' });
    const file = path.join(tree.root, 'repo/a.md');
    const target = await confineExisting(path.join(tree.root, 'repo'), file, { allowed: anyFile });
    renameSync(path.join(tree.root, 'repo/b.md'), file);
    assert.equal(await refusal(readConfined(target)), 'changed');
    assert.equal(await refusal(writeConfined(target, 'x')), 'changed');
    assert.equal(readFileSync(file, 'utf8'), 'other');
  });

  it('refuses when the record\'s folder became a link leading outside after the check, leaving nothing there', async () => {
    tree = tempTree({ 'repo/docs/adr/a.md': 'record', 'outside/adr/a.md': 'outside' });
    const folder = path.join(tree.root, 'repo/docs/adr');
    const target = await confineExisting(path.join(tree.root, 'repo'), path.join(folder, 'a.md'), { allowed: anyFile });
    rmSync(folder, { recursive: true });
    symlinkSync(path.join(tree.root, 'outside/adr'), folder);
    assert.equal(await refusal(writeConfined(target, 'x')), 'outside');
    assert.deepEqual(readdirSync(path.join(tree.root, 'outside/adr')), ['a.md']);
    assert.equal(readFileSync(path.join(tree.root, 'outside/adr/a.md'), 'utf8'), 'outside');
  });

  it('refuses a record the rule no longer allows when it writes', async () => {
    tree = tempTree({ 'repo/a.md': 'record' });
    mkdirSync(path.join(tree.root, 'repo/x'));
    writeFileSync(path.join(tree.root, 'repo/x/b.md'), 'b');
    let allowed = true;
    const target = await confineExisting(path.join(tree.root, 'repo'), path.join(tree.root, 'repo/a.md'), { allowed: () => allowed });
    allowed = false;
    assert.equal(await refusal(writeConfined(target, 'x', () => allowed)), 'not-record');
    assert.equal(readFileSync(path.join(tree.root, 'repo/a.md'), 'utf8'), 'record');
  });
});
