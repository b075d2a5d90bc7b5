import assert from 'node:assert/strict';
import { isPartialCloneConfig } from '../../../src/core/git/repository';

// Literal `git config --null --list` output (the safety flags' `-c` settings are always in it).
describe('partial clone detection from git config', () => {
  const cases: Array<[string, string, boolean]> = [
    ['no such keys: the -c settings and a clone\'s own', 'core.fsmonitor\n\0core.hookspath\n/dev/null\0core.bare\nfalse\0remote.origin.url\nhttps://example.com/r.git\0', false],
    ['a promisor-like key that is not a remote\'s promisor', 'core.fsmonitor\n\0remote.origin.promisorx\ntrue\0x.remote.promisor\ntrue\0', false],
    ['a promisor remote, as git 2.39 clone --filter writes it', 'core.fsmonitor\n\0remote.origin.url\nfile:///srv/r.git\0remote.origin.promisor\ntrue\0remote.origin.partialclonefilter\nblob:none\0', true],
    ['extensions.partialClone naming the remote', 'extensions.partialclone\norigin\0', true],
    ['both', 'extensions.partialclone\norigin\0remote.origin.promisor\ntrue\0', true],
    ['a promisor key without a value (git reads it as true)', 'remote.origin.promisor\0', true],
    ['promisor turned off', 'remote.origin.promisor\nfalse\0', false],
    ['promisor turned off as "no", in capitals', 'remote.upstream.promisor\nNO\0', false],
    ['one remote off, another on', 'remote.a.promisor\noff\0remote.b.promisor\nyes\0', true],
    ['an empty extensions.partialClone', 'extensions.partialclone\n\0', false],
  ];
  for (const [name, output, expected] of cases) {
    it(name, () => assert.equal(isPartialCloneConfig(output), expected));
  }
});
