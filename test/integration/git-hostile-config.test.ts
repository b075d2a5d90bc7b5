// A handed-over repository can carry config that makes git run programs: an
// fsmonitor, hooks, a pager, an external diff, a textconv driver, clean and smudge
// filters. Each one here touches a marker file. Plain git (no safety flags) shows
// the traps are live; then every call the product makes, through both runners
// (the streaming spawn and simple-git), must leave no marker.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildLogArgs } from '../../src/core/git/log-format';
import { runGit, type GitRunner } from '../../src/core/git/run';
import { runShortGit } from '../../src/core/git/short-call';
import { showCommitArgs } from '../../src/core/git/show-commit';
import { createRepo, fixtureGitEnv } from '../fixtures/git';
import { suiteTempDir } from '../support/temp-dir';

const HOOKS = ['pre-commit', 'post-checkout', 'post-index-change', 'reference-transaction', 'pre-auto-gc'];
const AUTHOR = { name: 'Ann Lee', email: 'ann@example.org' };

describe('git: a hostile repository config runs nothing, through either runner', function () {
  this.timeout(60000);
  const dir = suiteTempDir('hostile-config');
  const marks = (): string => path.join(dir(), 'marks');
  const fired = (): string[] => readdirSync(marks()).sort();
  const clearMarks = (): void => {
    rmSync(marks(), { recursive: true, force: true });
    mkdirSync(marks());
  };
  let root = '';
  let head = '';

  before(async () => {
    const programs = path.join(dir(), 'programs');
    mkdirSync(path.join(programs, 'hooks'), { recursive: true });
    // Filters pass the content through, so git sees the files unchanged and a later status reads none again.
    const program = (name: string, body = 'cat >/dev/null 2>&1'): string => {
      const file = path.join(programs, `${name}.sh`);
      writeFileSync(file, `#!/bin/sh\ntouch '${path.join(dir(), 'marks', name)}'\n${body}\nexit 0\n`);
      chmodSync(file, 0o755);
      return file;
    };
    for (const hook of HOOKS) {
      writeFileSync(path.join(programs, 'hooks', hook), `#!/bin/sh\ntouch '${path.join(dir(), 'marks', 'hook')}'\n`);
      chmodSync(path.join(programs, 'hooks', hook), 0o755);
    }
    const repo = await createRepo(path.join(dir(), 'repo'));
    root = repo.root;
    await repo.commit({ author: AUTHOR, date: '2026-01-05T10:00:00Z', message: 'One', files: { 'notes.txt': 'a\n' } });
    head = await repo.commit({ author: AUTHOR, date: '2026-01-06T10:00:00Z', message: 'Two', files: { 'notes.txt': 'a\nb\n', '.gitattributes': '* diff=evil filter=evil\n' } });
    const config: Array<[string, string]> = [
      ['core.fsmonitor', program('fsmonitor')], ['core.hooksPath', path.join(programs, 'hooks')], ['core.pager', program('pager')],
      ['diff.external', program('extdiff')], ['diff.evil.textconv', program('textconv', 'cat "$1"')],
      ['filter.evil.clean', program('clean', 'cat')], ['filter.evil.smudge', program('smudge', 'cat')],
    ];
    for (const [key, value] of config) await repo.git(['config', key, value]);
    // Old modification times: once the first status has refreshed the index, no later one reads a file again (the
    // clean filter runs only on a file it reads; the product never runs status, the probe here is for the fsmonitor).
    for (const file of ['notes.txt', '.gitattributes']) utimesSync(path.join(root, file), new Date('2020-01-01'), new Date('2020-01-01'));
  });

  it('is hostile: plain git runs the fsmonitor, a hook and the clean filter on status, textconv and smudge on show', () => {
    clearMarks();
    const plain = (args: string[]): void => {
      execFileSync('git', args, { cwd: root, env: fixtureGitEnv(), stdio: 'ignore' });
    };
    plain(['status', '--porcelain']);
    plain(['show', head]);
    assert.deepEqual(fired(), ['clean', 'fsmonitor', 'hook', 'smudge', 'textconv']);
  });

  const calls: Array<[name: string, args: () => string[], ok?: number[]]> = [
    ['status (reads the index: fsmonitor, hooks)', () => ['status', '--porcelain']],
    ['update-ref (the reference-transaction hook)', () => ['update-ref', 'refs/probe', head]],
    ['rev-parse as repository discovery runs it', () => ['rev-parse', '--show-toplevel', '--is-shallow-repository', '--verify', '--quiet', '--end-of-options', 'HEAD^{commit}'], [1]],
    ['a config read', () => ['config', '--get', 'remote.origin.url'], [1]],
    ['show for a commit', () => showCommitArgs(head)],
  ];
  const runners: Array<[string, GitRunner<Parameters<typeof runShortGit>[1]>]> = [['the streaming spawn', runGit], ['simple-git', runShortGit]];

  for (const [runnerName, run] of runners) {
    it(`runs no program of the repository's config through ${runnerName}`, async () => {
      clearMarks();
      for (const [name, args, ok] of calls) {
        const result = await run(args(), { cwd: root, env: fixtureGitEnv(), okExitCodes: ok });
        assert.ok(result.exitCode === 0 || (ok ?? []).includes(result.exitCode), name);
      }
      assert.match((await run(showCommitArgs(head), { cwd: root, env: fixtureGitEnv() })).stdout, /notes\.txt +\| 1 \+/);
      assert.deepEqual(fired(), []);
    });
  }

  it('runs none in the history pass and the blob reads, which only the streaming spawn makes', async () => {
    clearMarks();
    let log = '';
    await runGit(buildLogArgs(), { cwd: root, env: fixtureGitEnv(), onStdout: (chunk) => { log += chunk.toString('utf8'); } });
    assert.match(log, /notes\.txt/);
    const { stdout } = await runGit(['cat-file', '--batch'], { cwd: root, env: fixtureGitEnv(), input: `${head}:notes.txt\n` });
    assert.match(stdout, /^\S+ blob 4\na\nb\n/);
    assert.deepEqual(fired(), []);
  });
});
