import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { classifyGitFailure, GitError, shellQuote, type GitErrorCode } from '../../../src/core/git/errors';
import { runGit as runStreaming, type GitRunner } from '../../../src/core/git/run';
import { runShortGit, type ShortCallOptions } from '../../../src/core/git/short-call';
import { suiteTempDir } from '../../support/temp-dir';

const CWD = '/work/repo';

/** stderr exactly as git prints it (LC_ALL=C), and the code it must give. */
const CASES: ReadonlyArray<[name: string, stderr: string, code: GitErrorCode]> = [
  ['not a repository', 'fatal: not a git repository (or any of the parent directories): .git\n', 'NotAGitRepository'],
  ['not a repository, at a mount point', 'fatal: not a git repository (or any parent up to mount point /work)\nStopping at filesystem boundary (GIT_DISCOVERY_ACROSS_FILESYSTEM not set).\n', 'NotAGitRepository'],
  [
    'dubious ownership (git ≥ 2.36)',
    "fatal: detected dubious ownership in repository at '/work/repo'\nTo add an exception for this directory, call:\n\n\tgit config --global --add safe.directory /work/repo\n",
    'DubiousOwnership',
  ],
  [
    'unsafe repository (git 2.35.2)',
    "fatal: unsafe repository ('/work/repo' is owned by someone else)\nTo add an exception for this directory, call:\n\n\tgit config --global --add safe.directory /work/repo\n",
    'DubiousOwnership',
  ],
  ['bare repository, or inside .git', 'fatal: this operation must be run in a work tree\n', 'BareRepository'],
  ['empty repository', "fatal: your current branch 'main' does not have any commits yet\n", 'EmptyRepository'],
  [
    'empty repository, HEAD unknown',
    "fatal: ambiguous argument 'HEAD': unknown revision or path not in the working tree.\nUse '--' to separate paths from revisions, like this:\n'git <command> [<revision>...] -- [<file>...]'\n",
    'EmptyRepository',
  ],
  ['shallow file changed under us', 'fatal: shallow file has changed since we read it\n', 'ShallowClone'],
  ['fetching from a shallow repository', 'fatal: attempt to fetch/clone from a shallow repository\n', 'ShallowClone'],
  ['missing blob in a partial clone', 'fatal: could not fetch 5e1c309dae7f45e0f39b1bf3ac3cd9db12e7d689 from promisor remote\n', 'MissingObjects'],
  [
    'missing parent commit',
    'error: Could not read 3a1f2b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a\nfatal: Failed to traverse parents of commit 9b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c\n',
    'MissingObjects',
  ],
  ['bad object', 'fatal: bad object HEAD\n', 'MissingObjects'],
  [
    'corrupt loose object',
    'error: object file .git/objects/12/34abcd is empty\nfatal: loose object 1234abcd5678ef901234abcd5678ef901234abcd (stored in .git/objects/12/34abcd) is corrupt\n',
    'MissingObjects',
  ],
  [
    'another unknown revision is no empty repository',
    "fatal: ambiguous argument 'v9.9': unknown revision or path not in the working tree.\nUse '--' to separate paths from revisions, like this:\n'git <command> [<revision>...] -- [<file>...]'\n",
    'Unknown',
  ],
];

describe('git errors: typed codes from literal stderr', () => {
  const dir = suiteTempDir('git-quoting');

  for (const [name, stderr, code] of CASES) {
    it(`${name} → ${code}`, () => {
      assert.equal(classifyGitFailure(stderr, CWD).code, code);
    });
  }

  it('tells the user how to allow a dubious folder, for the folder git names, without doing it for them', () => {
    const stderr = "fatal: detected dubious ownership in repository at '/work/repo'\nTo add an exception for this directory, call:\n\n\tgit config --global --add safe.directory /work/repo\n";
    const failure = classifyGitFailure(stderr, '/work/repo/services/api');
    assert.equal(failure.remedy, "git config --global --add safe.directory '/work/repo'");
    assert.equal(failure.message, `git refuses to read /work/repo: the folder is owned by another user. If you trust it, run: ${failure.remedy}`);
    const old = classifyGitFailure("fatal: unsafe repository ('/srv/it's here' is owned by someone else)\n", CWD);
    assert.equal(old.remedy, "git config --global --add safe.directory '/srv/it'\\''s here'");
    assert.equal(classifyGitFailure('fatal: detected dubious ownership\n', CWD).remedy, "git config --global --add safe.directory '/work/repo'");
  });

  it('quotes a path so that a shell gives it back unchanged and runs nothing in it', () => {
    const paths = fc.sample(fc.string({ unit: fc.constantFrom('a', ' ', "'", '"', '$', '`', '\\', '(', ')', ';', '\n', '*', '!', 'é') }), { numRuns: 200, seed: 7 });
    paths.push('$(touch pwned)', "'; touch pwned; '", '`touch pwned`');
    const script = `printf '%s\\0' ${paths.map(shellQuote).join(' ')}`;
    const echoed = execFileSync('sh', ['-c', script], { encoding: 'utf8', cwd: dir() });
    assert.deepEqual(echoed.split('\0').slice(0, -1), paths);
    assert.equal(existsSync(path.join(dir(), 'pwned')), false);
  });

  it('says what to do about a bare repository and missing objects, in one line', () => {
    const bare = classifyGitFailure('fatal: this operation must be run in a work tree\n', '/srv/app.git');
    assert.equal(bare.message, "/srv/app.git is a bare repository (or a .git folder) with no working tree to read records from: clone it and analyse the clone (git clone '/srv/app.git')");
    const missing = classifyGitFailure('fatal: bad object HEAD\n', CWD);
    assert.equal(missing.message, 'the repository at /work/repo is missing objects (a partial clone or a damaged repository): run git fsck there to see what is missing, and fetch or clone it again');
  });

  it('passes an unknown failure on as its first line, without the fatal: prefix', () => {
    assert.deepEqual(classifyGitFailure('\nfatal: something new\nmore\n', CWD), { code: 'Unknown', message: 'something new' });
  });
});

/** Both ways git runs: each must give the same typed errors. */
const RUNNERS: ReadonlyArray<[string, GitRunner<ShortCallOptions>]> = [['the streaming spawn', runStreaming], ['simple-git', runShortGit]];

for (const [runnerName, runGit] of RUNNERS) describe(`git errors: from ${runnerName}`, function () {
  this.timeout(20000);
  const dir = suiteTempDir(`git-errors-${runnerName.replace(/\W+/g, '-')}`);

  const rejectsWith = (code: GitErrorCode) => (error: unknown): boolean => error instanceof GitError && error.code === code;

  it('GitMissing when the git executable is not there', async () => {
    await assert.rejects(runGit(['version'], { cwd: dir(), gitPath: path.join(dir(), 'no-such-git') }), rejectsWith('GitMissing'));
  });

  it('NotAGitRepository when the folder does not exist, and from git itself outside a repository', async () => {
    await assert.rejects(runGit(['status'], { cwd: path.join(dir(), 'gone') }), rejectsWith('NotAGitRepository'));
    const failure = await runGit(['rev-parse', '--show-toplevel'], { cwd: dir() }).catch((e: unknown) => e);
    assert.ok(failure instanceof GitError && failure.code === 'NotAGitRepository' && failure.exitCode === 128 && /not a git repository/.test(failure.stderr));
    assert.ok(failure.args.includes('core.hooksPath=/dev/null'), 'the safety flags were passed');
  });

  it('runs git in the environment the host gives, not the process\'s own', async () => {
    const env = { PATH: process.env.PATH, HOME: dir(), GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'Given Env', GIT_AUTHOR_EMAIL: 'given@example.org' };
    const { stdout } = await runGit(['var', 'GIT_AUTHOR_IDENT'], { cwd: dir(), env });
    assert.match(stdout, /^Given Env <given@example\.org> /);
  });

  it('Timeout and Cancelled stop a git that hangs', async () => {
    const slow = path.join(dir(), 'slow-git');
    await writeFile(slow, '#!/bin/sh\nsleep 10\n');
    await chmod(slow, 0o755);
    await assert.rejects(runGit(['log'], { cwd: dir(), gitPath: slow, timeoutMs: 100 }), rejectsWith('Timeout'));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    await assert.rejects(runGit(['log'], { cwd: dir(), gitPath: slow, signal: controller.signal }), rejectsWith('Cancelled'));
  });
});
