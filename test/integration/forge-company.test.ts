// The fixture company with squash-merged PRs whose reviews exist only on the
// forge, analysed with and without forge data from a GitHub GraphQL server on
// loopback: a leader's approval gives them `consulted` with a link to the PR,
// and without forge data the same decision went around them. No request leaves
// unless the forge is turned on; offline or signed out the analysis completes
// from git alone with one warning.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { analyzeRepository } from '../../src/core/analyze';
import type { AnalysisContext } from '../../src/core/context';
import { reportSchema, type Decision, type Report } from '../../src/core/model/report';
import { formatMarkdown } from '../../src/present/markdown';
import { runCli } from '../../src/cli/main';
import { DECISION_ORBIT_YML } from '../fixtures/company-files';
import { buildForgeCompanyRepo, FORGE_PRS, type ForgeCompanyRepo } from '../fixtures/forge';
import { fixtureGitEnv } from '../fixtures/git';
import { startFakeGitHub, type FakeGitHub } from '../fixtures/github-server';
import { FORGE_NAME, FORGE_OWNER } from '../fixtures/forge';

const GIT_ISOLATION = ['HOME', 'XDG_CONFIG_HOME', 'GIT_CONFIG_NOSYSTEM', 'GIT_CONFIG_GLOBAL'] as const;
const REDIS = `git:pr-${FORGE_PRS.redisCache}`;
const WEBHOOK_ADR = 'adr:docs/adr/0007-deliver-webhooks-through-an-outbox.md';
const RATE_LIMITER_ADR = 'adr:docs/adr/0008-rate-limit-the-public-api.md';

function decision(report: Report, id: string): Decision {
  const found = report.decisions.find((d) => d.id === id);
  assert.ok(found, `no decision ${id}; have ${report.decisions.map((d) => d.id).join(', ')}`);
  return found;
}

function personId(report: Report, name: string): string {
  const found = report.people.find((p) => p.name === name);
  assert.ok(found, `nobody named ${name}`);
  return found.id;
}

describe('forge: the fixture company with reviews on GitHub', function () {
  const savedEnv = GIT_ISOLATION.map((key) => [key, process.env[key]] as const);
  let dir: string;
  let company: ForgeCompanyRepo;
  let server: FakeGitHub;
  let cacheDir: string;

  before(async function () {
    for (const key of GIT_ISOLATION) process.env[key] = fixtureGitEnv()[key];
    dir = await mkdtemp(path.join(tmpdir(), 'decision-orbit-forge-company-'));
    company = await buildForgeCompanyRepo(path.join(dir, 'repo'));
    server = await startFakeGitHub({ owner: FORGE_OWNER, name: FORGE_NAME, pullRequests: company.forgePullRequests });
  });
  after(async () => {
    for (const [key, value] of savedEnv) if (value === undefined) delete process.env[key]; else process.env[key] = value;
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    cacheDir = await mkdtemp(path.join(dir, 'cache-'));
    server.requests.length = 0;
    server.failures.length = 0;
  });

  const access = (): NonNullable<AnalysisContext['forge']> => ({ token: (host) => (host === server.host ? server.token : undefined), maxWaitMs: 5000 });
  const withForge = (extra: Partial<AnalysisContext> = {}): Promise<Report> => analyzeRepository({
    root: company.root, now: company.now, cacheDir,
    hostConfig: { forge: { provider: 'github', url: server.url, remote: 'origin' } },
    forge: access(),
    ...extra,
  });

  it('gives a leader who approved a squash-merged PR `consulted`, with forge evidence and the PR\'s link; without forge data it went around them', async () => {
    const report = await withForge();
    reportSchema.parse(report);
    const arjun = personId(report, 'Arjun Patel');
    const dana = personId(report, 'Dana Chen');
    const redis = decision(report, REDIS);
    assert.equal(redis.involvementByLeader?.[arjun], 'consulted');
    const url = `https://github.example.com/${FORGE_OWNER}/${FORGE_NAME}/pull/${FORGE_PRS.redisCache}`;
    assert.deepEqual(
      redis.evidence.filter((e) => e.person === arjun),
      [{ person: arjun, role: 'reviewer', source: 'forge-review', ref: url, inferred: false, level: 'consulted', action: 'approved' }],
    );
    // Asked by name, no review: informed. The team request gives nobody anything.
    assert.equal(redis.involvementByLeader?.[dana], 'informed');
    assert.ok(redis.evidence.some((e) => e.person === dana && e.role === 'review-requested' && e.level === 'informed'));
    assert.ok(!report.people.some((p) => p.name.includes('platform')));
    assert.match(formatMarkdown(report), new RegExp(`Arjun Patel \\[approved in #${FORGE_PRS.redisCache}\\]\\(${url.replace(/[./]/g, '\\$&')}\\)`));

    const gitOnly = await analyzeRepository({ root: company.root, now: company.now, cacheDir: await mkdtemp(path.join(dir, 'cache-')) });
    const redisGitOnly = decision(gitOnly, REDIS);
    assert.equal(redisGitOnly.involvementByLeader?.[arjun], 'around');
    assert.equal(redisGitOnly.involvement, 'around');
    assert.ok(!redisGitOnly.evidence.some((e) => e.source === 'forge-review'));
  });

  it('follows the table for records: an approval decides one that names nobody (inferred), is consulted and drift for one that names someone, a comment informs', async () => {
    const report = await withForge();
    const arjun = personId(report, 'Arjun Patel');
    const dana = personId(report, 'Dana Chen');
    const webhook = decision(report, WEBHOOK_ADR);
    assert.equal(webhook.involvementByLeader?.[dana], 'decided');
    assert.ok(webhook.evidence.some((e) => e.person === dana && e.action === 'approved' && e.level === 'decided' && e.inferred));
    assert.equal(webhook.involvementByLeader?.[arjun], 'informed');
    const limiter = decision(report, RATE_LIMITER_ADR);
    assert.equal(limiter.involvementByLeader?.[dana], 'consulted');
    assert.equal(limiter.involvementByLeader?.[arjun], 'consulted', 'changes requested');
    assert.deepEqual(report.insights?.drift.filter((d) => d.source === 'forge-review'), [
      { path: 'docs/adr/0008-rate-limit-the-public-api.md', declared: [personId(report, 'Carol Diaz')], actual: [dana], source: 'forge-review' },
    ]);
    assert.ok(!report.warnings.some((w) => w.code === 'forge-unavailable'), JSON.stringify(report.warnings));
  });

  it('makes one request round on a second run after one new PR', async () => {
    await withForge();
    assert.equal(server.requests.length, 1, 'three PRs fit one page');
    server.requests.length = 0;
    const extra = { ...company.forgePullRequests[0]!, number: 20, url: `https://github.example.com/${FORGE_OWNER}/${FORGE_NAME}/pull/20`, updatedAt: '2026-09-28T10:00:00Z' };
    server.pullRequests = [...company.forgePullRequests, extra];
    await withForge();
    assert.equal(server.requests.length, 1);
  });

  it('sends nothing unless the forge is turned on, even with a token at hand', async () => {
    server.failures.push(...Array.from({ length: 5 }, () => ({ kind: 'status' as const, status: 500 })));
    const report = await analyzeRepository({ root: company.root, now: company.now, cacheDir, forge: access() });
    assert.equal(server.requests.length, 0);
    assert.ok(!report.warnings.some((w) => w.code === 'forge-unavailable'));
  });

  it('completes from git alone with ONE warning when the forge is offline, refuses the token, or no token is at hand', async () => {
    const arjun = (report: Report): string => personId(report, 'Arjun Patel');
    server.failures.push({ kind: 'drop' });
    const offline = await withForge();
    assert.equal(decision(offline, REDIS).involvementByLeader?.[arjun(offline)], 'around');
    assert.deepEqual(offline.warnings.filter((w) => w.code === 'forge-unavailable').length, 1);

    const refused = await withForge({ forge: { token: () => 'ghp_refusedToken' } });
    const warnings = refused.warnings.filter((w) => w.code === 'forge-unavailable');
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]?.message ?? '', /401/);
    assert.ok(!JSON.stringify(refused).includes('ghp_refusedToken'), 'the token is nowhere in the report');

    const signedOut = await withForge({ forge: { token: () => undefined } });
    assert.deepEqual(signedOut.warnings.filter((w) => w.code === 'forge-unavailable').map((w) => /no token/.test(w.message)), [true]);
  });

  describe('through the CLI', () => {
    const cli = async (argv: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> => {
      let stdout = '';
      let stderr = '';
      const code = await runCli(argv, {
        cwd: company.root, stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; }, stderrIsTty: false, stdoutIsTty: false,
        env: { ...fixtureGitEnv(), XDG_CACHE_HOME: cacheDir, ...env },
      });
      return { code, stdout, stderr };
    };
    const tokens = (): NodeJS.ProcessEnv => ({ GH_HOST: server.host, GH_ENTERPRISE_TOKEN: server.token, GITHUB_TOKEN: 'ghp_forGithubComOnly' });
    const configWith = async (forge: string): Promise<string> => {
      // Untracked, beside the repository's own config (a --config file must be inside the repository).
      const file = path.join(company.root, 'forge-test.decision-orbit.yml');
      await writeFile(file, `${DECISION_ORBIT_YML}${forge}`);
      return file;
    };

    it('reads reviews with --forge github and the Enterprise token for GH_HOST, never writing the token', async () => {
      const config = await configWith(`forge: { provider: github, url: "${server.url}" }\n`);
      const { code, stdout, stderr } = await cli(['--json', '--forge', 'github', '--config', config], tokens());
      assert.equal(code, 0, stderr);
      const report = reportSchema.parse(JSON.parse(stdout));
      assert.equal(decision(report, REDIS).involvementByLeader?.[personId(report, 'Arjun Patel')], 'consulted');
      assert.ok(server.requests.length > 0 && server.requests.every((r) => r.authorization === `bearer ${server.token}`));
      assert.ok(!stdout.includes(server.token) && !stderr.includes(server.token));
    });

    it('sends nothing by default, with tokens in the environment and no forge: in the config', async () => {
      server.failures.push(...Array.from({ length: 5 }, () => ({ kind: 'status' as const, status: 500 })));
      const { code, stdout, stderr } = await cli(['--json', '--config', await configWith('')], tokens());
      assert.equal(code, 0, stderr);
      assert.equal(server.requests.length, 0);
      assert.ok(!(JSON.parse(stdout) as Report).warnings.some((w) => w.code === 'forge-unavailable'));
    });

    it('refuses a forge it does not know as bad usage', async () => {
      const { code, stderr } = await cli(['--forge', 'gitlab'], tokens());
      assert.equal(code, 2);
      assert.match(stderr, /--forge expects github/);
      assert.equal(server.requests.length, 0);
    });
  });
});
