// The confinement rule: one reason per refusal, in one line that names the path as given.
import assert from 'node:assert/strict';
import { linkSync, mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { confineExisting, confineNew, WriteRefusedError } from '../../../src/core/adr/confine';
import { tempTree, type TempTree } from './temp-repo';

describe('confineExisting / confineNew', () => {
  let tree: TempTree;
  let repo: string;
  const records = new Set(['docs/adr/0001-a.md', 'docs/adr/0002-linked.md', 'docs/adr/0003-hard.md', 'inner/adr/0001-b.md', 'docs/adr/sub']);
  const allowed = (relative: string): boolean => records.has(relative);

  beforeEach(() => {
    tree = tempTree({ 'repo/docs/adr/0001-a.md': '# A\n', 'repo/notes.md': '# Notes\n', 'repo/docs/adr/sub/x.md': 'x', 'outside/secret.md': 'secret', 'outside/adr/0001-b.md': 'b' });
    repo = path.join(tree.root, 'repo');
    symlinkSync(path.join(tree.root, 'outside/secret.md'), path.join(repo, 'docs/adr/0002-linked.md'));
    linkSync(path.join(tree.root, 'outside/secret.md'), path.join(repo, 'docs/adr/0003-hard.md'));
    mkdirSync(path.join(repo, 'inner'));
    symlinkSync(path.join(tree.root, 'outside/adr'), path.join(repo, 'inner/adr'));
  });
  afterEach(() => tree.remove());

  async function refused(promise: Promise<unknown>): Promise<string> {
    const error = await promise.then(() => undefined, (caught: unknown) => caught);
    assert.ok(error instanceof WriteRefusedError, `expected a refusal, got ${String(error)}`);
    return `${error.reason}: ${error.message}`;
  }

  it('allows a regular record inside the repository and says where it is', async () => {
    const file = await confineExisting(repo, 'docs/adr/0001-a.md', { allowed });
    assert.equal(file.relative, 'docs/adr/0001-a.md');
    assert.ok(file.identity);
  });

  it('refuses with one reason each', async () => {
    assert.equal(await refused(confineExisting(repo, '/etc/passwd', { allowed })), 'outside: /etc/passwd is outside the repository; Decision Orbit writes only inside the repository it works on');
    assert.equal(await refused(confineExisting(repo, '../outside/secret.md', { allowed, shown: '../outside/secret.md' })), 'outside: ../outside/secret.md is outside the repository; Decision Orbit writes only inside the repository it works on');
    assert.equal(await refused(confineExisting(repo, 'docs/adr/0002-linked.md', { allowed })), 'symlink: docs/adr/0002-linked.md is a symbolic link; Decision Orbit never writes through or over a link');
    assert.equal(await refused(confineExisting(repo, 'inner/adr/0001-b.md', { allowed, shown: 'inner/adr/0001-b.md' })), 'outside: inner/adr/0001-b.md is outside the repository; Decision Orbit writes only inside the repository it works on');
    assert.equal(await refused(confineExisting(repo, 'notes.md', { allowed })), 'not-record: notes.md is not a decision record that discovery found; Decision Orbit edits only records (and .decision-orbit.yml)');
    assert.match(await refused(confineExisting(repo, 'docs/adr/0003-hard.md', { allowed })), /^not-regular: docs\/adr\/0003-hard.md is not a regular file of its own/);
    assert.match(await refused(confineExisting(repo, 'docs/adr/sub', { allowed })), /^not-regular: /);
    assert.equal(await refused(confineExisting(repo, 'docs/adr/0009-none.md', { allowed })), 'missing: docs/adr/0009-none.md does not exist');
    assert.match(await refused(confineExisting(repo, '.', { allowed, shown: '.' })), /^outside: /);
  });

  it('places a new record in a folder still to be created, never over a link or outside', async () => {
    assert.equal((await confineNew(repo, 'docs/decisions/new/0001-x.md')).relative, 'docs/decisions/new/0001-x.md');
    assert.match(await refused(confineNew(repo, 'docs/adr/0002-linked.md')), /^symlink: /);
    assert.match(await refused(confineNew(repo, 'docs/adr/0001-a.md')), /^exists: docs\/adr\/0001-a.md already exists/);
    assert.match(await refused(confineNew(repo, 'inner/adr/0002-c.md')), /^outside: /);
    assert.match(await refused(confineNew(repo, 'inner/adr/deeper/0002-c.md')), /^outside: /);
  });
});
