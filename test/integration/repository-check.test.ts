// The repository check a refresh starts with: a host that keeps a RepositoryMemo
// runs `git config` only when the repository's config file changed since it last
// asked, from the repository's root, a subfolder or a linked worktree alike.
import assert from 'node:assert/strict';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readRepositoryInfo, RepositoryMemo } from '../../src/core/git/repository';
import { createRepo, fixtureGitEnv, runGit, type FixtureRepo } from '../fixtures/git';
import { recordingGit } from '../fixtures/recording-git';
import { suiteTempDir } from '../support/temp-dir';

const GIT_ENV = fixtureGitEnv();

describe('repository check: the partial-clone answer kept by config file', function () {
  const tmp = suiteTempDir('repository-check');
  let repo: FixtureRepo;

  before(async function () {
    repo = await createRepo(path.join(tmp(), 'repo'));
    await repo.commit({ author: { name: 'Ada Abe', email: 'ada@example.com' }, date: '2026-01-05T10:00:00Z', message: 'Start', files: { 'src/a.txt': 'a\n' } });
  });

  it('asks git config once while the config file is unchanged, and again after it changed', async function () {
    const git = await recordingGit(tmp());
    const configCalls = (): number => git.commands().filter((line) => line.split(' ').includes('config')).length;
    const memo = new RepositoryMemo();
    const check = (folder: string): ReturnType<typeof readRepositoryInfo> => readRepositoryInfo(folder, { gitPath: git.gitPath, env: GIT_ENV }, memo);

    const first = await check(repo.root);
    assert.equal(first.partialClone, false);
    assert.equal(first.head, await repo.head());
    assert.equal(configCalls(), 1);
    const subfolder = await check(path.join(repo.root, 'src'));
    assert.deepEqual(subfolder, first, 'the same facts from a subfolder');
    assert.equal(configCalls(), 1, 'a subfolder names the same config file');
    assert.equal(git.commands().length, 3, 'one rev-parse per check besides the one config');

    await runGit(repo.root, ['config', 'remote.origin.promisor', 'true']);
    assert.equal((await check(repo.root)).partialClone, true, 'a promisor remote set since');
    assert.equal(configCalls(), 2);
    assert.equal((await check(repo.root)).partialClone, true);
    assert.equal(configCalls(), 2);

    const worktree = path.join(tmp(), 'linked');
    await runGit(repo.root, ['worktree', 'add', '--quiet', '--detach', worktree]);
    assert.equal((await check(worktree)).partialClone, true, "a linked worktree shares its repository's config file");
    assert.equal(configCalls(), 2);
    await runGit(repo.root, ['config', '--unset', 'remote.origin.promisor']);
    assert.equal((await check(worktree)).partialClone, false);
    assert.equal(configCalls(), 3);
  });

  it('gives what a check without a memo gives, also before the first commit', async function () {
    const empty = await createRepo(path.join(tmp(), 'empty'));
    await mkdir(path.join(empty.root, 'docs'));
    for (const folder of [repo.root, empty.root, path.join(empty.root, 'docs')]) {
      const memo = new RepositoryMemo();
      const plain = await readRepositoryInfo(folder, { env: GIT_ENV });
      assert.deepEqual(await readRepositoryInfo(folder, { env: GIT_ENV }, memo), plain, folder);
      assert.deepEqual(await readRepositoryInfo(folder, { env: GIT_ENV }, memo), plain, `${folder}, kept`);
    }
  });

  it('takes a copy with promisor packs for a partial clone, even when its config names no promisor', async function () {
    const copy = await createRepo(path.join(tmp(), 'promisor-packs'));
    await copy.commit({ author: { name: 'Ada Abe', email: 'ada@example.com' }, date: '2026-01-05T10:00:00Z', message: 'Start', files: { 'a.txt': 'a\n' } });
    await runGit(copy.root, ['repack', '-a', '-d', '-q']);
    const packs = path.join(copy.root, '.git', 'objects', 'pack');
    const pack = (await readdir(packs)).find((name) => name.endsWith('.pack'));
    assert.ok(pack, 'the repository is packed');
    const memo = new RepositoryMemo();
    const check = async (): Promise<boolean[]> => [
      (await readRepositoryInfo(copy.root, { env: GIT_ENV })).partialClone,
      (await readRepositoryInfo(copy.root, { env: GIT_ENV }, memo)).partialClone,
    ];
    assert.deepEqual(await check(), [false, false]);
    const marker = path.join(packs, pack.replace(/\.pack$/, '.promisor'));
    await writeFile(marker, '');
    assert.deepEqual(await check(), [true, true], 'a promisor pack, the config unchanged');
    await rm(marker);
    assert.deepEqual(await check(), [false, false]);
  });
});
