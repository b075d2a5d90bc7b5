// The GitHub reader and the incremental sync against a real HTTP server on
// loopback that answers GitHub's GraphQL shapes: pagination, a refresh that
// asks only for what changed, rate-limit waits, a 401, a dropped connection and
// the resume after it. Requests are counted at the server.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ForgeCache } from '../../src/core/forge/cache';
import { GitHubReader, type RateLimitWait } from '../../src/core/forge/github';
import { syncPullRequests } from '../../src/core/forge/sync';
import { ForgeError } from '../../src/core/forge/types';
import { pullRequestNode, startFakeGitHub, type FakeGitHub } from '../fixtures/github-server';

const OWNER = 'acme-orbit';
const NAME = 'platform';

function node(number: number, updatedAt: string) {
  return pullRequestNode({
    owner: OWNER, name: NAME, number, updatedAt, author: 'fosei', mergedBy: 'bobli', mergeCommit: `${String(number).padStart(2, '0')}`.padEnd(40, 'a'),
    approvedBy: ['apatel'], requested: ['dchen'], requestedTeams: ['platform'],
  });
}

describe('forge: the GitHub reader and its cache', function () {
  let server: FakeGitHub;
  let cacheDir: string;

  beforeEach(async () => {
    server = await startFakeGitHub({ owner: OWNER, name: NAME, pullRequests: [1, 2, 3, 4, 5].map((n) => node(n, `2026-09-0${n}T10:00:00Z`)) });
    cacheDir = await mkdtemp(path.join(tmpdir(), 'decision-orbit-forge-'));
  });
  afterEach(async () => {
    await server.close();
    await rm(cacheDir, { recursive: true, force: true });
  });

  const reader = (options: { pageSize?: number; maxWaitMs?: number; token?: string; onWait?: (wait: RateLimitWait) => void } = {}): GitHubReader => new GitHubReader({
    endpoint: `${server.url}/api/graphql`,
    remote: { host: server.host, owner: OWNER, name: NAME },
    token: options.token ?? server.token,
    pageSize: options.pageSize ?? 2,
    maxWaitMs: options.maxWaitMs,
    onWait: options.onWait,
  });
  const sync = (r: GitHubReader) => syncPullRequests(r, new ForgeCache(cacheDir, r.repository));

  it('pages through every merged PR with cursors, newest update first, in GitHub\'s shapes', async () => {
    const result = await sync(reader());
    assert.equal(result.error, null);
    assert.deepEqual(result.pullRequests.map((pr) => pr.number), [1, 2, 3, 4, 5]);
    assert.equal(server.requests.length, 3, 'five PRs, two per page');
    assert.deepEqual(server.requests.map((r) => r.variables.after === null), [true, false, false]);
    assert.ok(server.requests.every((r) => r.path === '/api/graphql' && r.variables.first === 2));
    const pr = result.pullRequests[0];
    assert.deepEqual(pr?.reviews.map((r) => [r.state, r.author?.login]), [['APPROVED', 'apatel']]);
    assert.deepEqual(pr?.reviewRequests, { users: [{ login: 'dchen', bot: false }], teams: ['platform'] });
    assert.equal(pr?.mergedBy?.login, 'bobli');
    assert.equal(pr?.url, `https://github.example.com/${OWNER}/${NAME}/pull/1`);
  });

  it('asks only for PRs updated since the last read: one request after one new PR, and the token is in no file', async () => {
    await sync(reader());
    server.requests.length = 0;
    server.pullRequests.push(node(6, '2026-09-10T10:00:00Z'));
    const second = await sync(reader());
    assert.equal(server.requests.length, 1, 'the first page reaches the PRs read before');
    assert.deepEqual(second.pullRequests.map((pr) => pr.number), [1, 2, 3, 4, 5, 6]);
    server.requests.length = 0;
    const third = await sync(reader());
    assert.equal(server.requests.length, 1);
    assert.equal(third.pullRequests.length, 6);
    for (const file of await readdir(cacheDir)) assert.ok(!(await readFile(path.join(cacheDir, file), 'utf8')).includes(server.token), `${file} holds the token`);
  });

  it('waits for the primary rate limit\'s reset the server names, says so, and resumes', async () => {
    server.failures.push(null, { kind: 'primary-rate-limit', resetInSeconds: 1 });
    const waits: RateLimitWait[] = [];
    const result = await sync(reader({ onWait: (wait) => waits.push(wait) }));
    assert.equal(result.error, null);
    assert.equal(result.pullRequests.length, 5);
    assert.equal(waits.length, 1);
    assert.equal(waits[0]?.kind, 'primary');
    assert.ok((waits[0]?.seconds ?? 0) >= 1 && (waits[0]?.seconds ?? 0) <= 2, `waited ${waits[0]?.seconds} s`);
    assert.equal(server.requests.length, 4, 'three pages and the one that was refused');
  });

  it('waits for a secondary rate limit\'s Retry-After', async () => {
    server.failures.push({ kind: 'secondary-rate-limit', retryAfterSeconds: 1 });
    const waits: RateLimitWait[] = [];
    const result = await sync(reader({ onWait: (wait) => waits.push(wait) }));
    assert.equal(result.error, null);
    assert.deepEqual(waits, [{ seconds: 1, kind: 'secondary' }]);
  });

  it('stops with what it has when the reset is further away than it waits', async () => {
    server.failures.push(null, { kind: 'primary-rate-limit', resetInSeconds: 3600 });
    const result = await sync(reader({ maxWaitMs: 1000 }));
    assert.equal(result.error?.code, 'RateLimited');
    assert.deepEqual(result.pullRequests.map((pr) => pr.number), [4, 5], 'the first page is kept');
  });

  it('turns a 401 into one clear error that does not hold the token', async () => {
    const token = 'ghp_theWrongTokenForThisServer';
    const result = await sync(reader({ token }));
    assert.ok(result.error instanceof ForgeError);
    assert.equal(result.error.code, 'Unauthorized');
    assert.match(result.error.message, /401/);
    assert.ok(!result.error.message.includes(token));
    assert.equal(server.requests[0]?.authorization, `bearer ${token}`);
  });

  it('never repeats the token, even when the server echoes it back', async () => {
    server.failures.push({ kind: 'echo' });
    const result = await sync(reader());
    assert.equal(result.error?.code, 'BadResponse');
    assert.match(result.error?.message ?? '', /bearer \[token\]/);
    assert.ok(!(result.error?.message ?? '').includes(server.token));
  });

  it('keeps the pages read before a dropped connection and resumes from the cursor after it', async () => {
    server.failures.push(null, { kind: 'drop' });
    const first = await sync(reader());
    assert.equal(first.error?.code, 'Network');
    assert.deepEqual(first.pullRequests.map((pr) => pr.number), [4, 5]);
    server.requests.length = 0;
    const second = await sync(reader());
    assert.equal(second.error, null);
    assert.deepEqual(second.pullRequests.map((pr) => pr.number), [1, 2, 3, 4, 5]);
    const after = server.requests.map((r) => r.variables.after);
    assert.notEqual(after[0], null, 'the resume starts at the cursor the dropped read stopped at');
    assert.equal(after[after.length - 1], null, 'then one look from the top for PRs updated meanwhile');
    assert.equal(server.requests.length, 3, 'two pages to finish, one from the top');
  });

  it('stops waiting when cancelled', async () => {
    server.failures.push({ kind: 'secondary-rate-limit', retryAfterSeconds: 30 });
    const controller = new AbortController();
    const r = reader({ onWait: () => controller.abort() });
    await assert.rejects(syncPullRequests(r, new ForgeCache(cacheDir, r.repository), { signal: controller.signal }), (error: unknown) => error instanceof ForgeError && error.code === 'Cancelled');
  });
});
