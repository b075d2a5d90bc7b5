// What the output channel says about a failed analysis, and which failures are one
// for notifications: pure helpers of the extension, tested without VS Code.
import assert from 'node:assert/strict';
import { ConfigError } from '../../../../src/core/config/problems';
import { GitError } from '../../../../src/core/git/errors';
import { failureDetails, failureKind } from '../../../../src/extension/analysis/failure-text';

describe('extension: the words of a failed analysis', () => {
  const config = new ConfigError('/r/.decision-orbit.yml', '.decision-orbit.yml', [{ line: 3, message: 'leadership: expected a list' }, { message: 'zone.window: not a duration' }]);
  const git = new GitError('DubiousOwnership', 'git refuses to read /r', ['-c', 'core.fsmonitor=', 'log'], 128, "fatal: detected dubious ownership\nTo add an exception…\n");

  it('gives the output channel our line, then each config problem or the git call and git\'s own words, indented', () => {
    assert.equal(failureDetails(config), [
      '.decision-orbit.yml:3: leadership: expected a list (and 1 more problem)',
      '  .decision-orbit.yml:3: leadership: expected a list',
      '  .decision-orbit.yml: zone.window: not a duration',
    ].join('\n'));
    assert.equal(failureDetails(git), 'git refuses to read /r\n  git -c core.fsmonitor= log\n  fatal: detected dubious ownership\n  To add an exception…');
    assert.equal(failureDetails(new GitError('Timeout', 'git did not finish within 1 s')), 'git did not finish within 1 s');
    assert.equal(failureDetails('plain'), 'plain');
  });

  it('counts failures of one config file, one git code or one message as one kind', () => {
    assert.equal(failureKind(config), 'config:/r/.decision-orbit.yml');
    assert.equal(failureKind(git), 'git:DubiousOwnership');
    assert.equal(failureKind(new GitError('DubiousOwnership', 'another folder')), failureKind(git));
    assert.equal(failureKind(new Error('boom')), 'error:boom');
  });
});
