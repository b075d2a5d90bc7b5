// Owner and name from a remote's URL, and the GraphQL endpoint for it.
import assert from 'node:assert/strict';
import { githubEndpoint, parseRemoteUrl } from '../../../src/core/forge/remote';

describe('forge: where the repository lives', () => {
  it('reads owner and name from https, scp-like and ssh remotes', () => {
    const expected = { host: 'github.com', owner: 'acme-orbit', name: 'platform' };
    for (const url of [
      'https://github.com/acme-orbit/platform.git',
      'https://github.com/acme-orbit/platform',
      'https://x-access-token:secret@github.com/acme-orbit/platform.git/',
      'git@github.com:acme-orbit/platform.git',
      'ssh://git@github.com:22/acme-orbit/platform.git',
      'git+ssh://git@GitHub.com/acme-orbit/platform',
    ]) assert.deepEqual(parseRemoteUrl(url), expected, url);
    assert.deepEqual(parseRemoteUrl('git@ghe.example.com:team/svc.git'), { host: 'ghe.example.com', owner: 'team', name: 'svc' });
  });

  it('gives up on what names no repository', () => {
    for (const url of ['', '/srv/git/platform.git', 'file:///srv/git/platform.git', 'https://github.com/only-owner', 'https://github.com/o/..', 'not a url']) {
      assert.equal(parseRemoteUrl(url), null, url);
    }
  });

  it('asks github.com\'s API, or <url>/api/graphql on an Enterprise Server, and never sends a token in clear text', () => {
    const remote = { host: 'github.com', owner: 'o', name: 'n' };
    assert.deepEqual(githubEndpoint(remote, undefined), { url: 'https://api.github.com/graphql', host: 'github.com' });
    assert.deepEqual(githubEndpoint(remote, 'https://ghe.example.com/'), { url: 'https://ghe.example.com/api/graphql', host: 'ghe.example.com' });
    assert.deepEqual(githubEndpoint({ ...remote, host: 'ghe.example.com' }, undefined), { url: 'https://ghe.example.com/api/graphql', host: 'ghe.example.com' });
    assert.deepEqual(githubEndpoint(remote, 'http://127.0.0.1:8080'), { url: 'http://127.0.0.1:8080/api/graphql', host: '127.0.0.1:8080' });
    assert.throws(() => githubEndpoint(remote, 'http://ghe.example.com'), /https/);
  });
});
