// simple-git's guards on top of our own flags: a call that carries an option known
// to run a program is refused before git starts, as a typed GitError.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { GitError } from '../../../src/core/git/errors';
import { runShortGit } from '../../../src/core/git/short-call';
import { suiteTempDir } from '../../support/temp-dir';

describe('git: the short calls through simple-git', function () {
  this.timeout(20000);
  const dir = suiteTempDir('short-call');
  before(() => {
    execFileSync('git', ['init', '-q', dir()]);
  });

  it('refuses an option or a config key that would run a program, and runs nothing', async () => {
    const marker = path.join(dir(), 'pwned');
    const attempts = [
      ['-c', `core.sshCommand=touch ${marker}`, 'ls-remote', 'ssh://example.invalid/x'],
      ['ls-remote', `--upload-pack=touch ${marker}`, 'ssh://example.invalid/x'],
    ];
    for (const args of attempts) {
      await assert.rejects(runShortGit(args, { cwd: dir(), timeoutMs: 5000 }), (error: unknown) => error instanceof GitError && /not permitted|allowUnsafe/.test(error.message));
    }
    assert.equal(existsSync(marker), false);
  });

  it('gives the exit code of an answer that is not a failure, and the output', async () => {
    const missing = await runShortGit(['rev-parse', '--verify', '--quiet', '--end-of-options', 'refs/heads/none'], { cwd: dir(), okExitCodes: [1] });
    assert.deepEqual({ exitCode: missing.exitCode, stdout: missing.stdout }, { exitCode: 1, stdout: '' });
    assert.equal((await runShortGit(['rev-parse', '--show-toplevel'], { cwd: dir() })).stdout.trim(), path.resolve(dir()));
  });
});
