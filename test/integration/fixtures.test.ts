// The fixture scripts themselves: determinism, and that the company repository has
// the history the brief promises (checked with plain git, not with our parser).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BuiltFixture, CompanyRepo } from '../fixtures/company';
import { buildCompanyRepo, buildFixture, FIXTURE_NAMES } from '../fixtures/company';
import { COMPANY_PEOPLE } from '../fixtures/company-people';
import { createRepo, runGit } from '../fixtures/git';

async function git(root: string, args: string[]): Promise<string> {
  return (await runGit(root, args)).stdout.trim();
}

/** One line per commit: sha, then the fields asked for, split on NUL. */
async function logFields(root: string, format: string, extra: string[] = []): Promise<string[][]> {
  const out = (await runGit(root, ['log', `--format=%H%x00${format}%x1e`, ...extra])).stdout;
  return out.split('\x1e').map((r) => r.trim()).filter((r) => r.length > 0).map((r) => r.split('\x00'));
}

describe('fixtures', function () {
  let tmp: string;
  let company: CompanyRepo;

  before(async function () {
    tmp = await mkdtemp(path.join(tmpdir(), 'decision-orbit-fixtures-test-'));
    company = await buildCompanyRepo(path.join(tmp, 'company'));
  });

  after(async function () {
    await rm(tmp, { recursive: true, force: true });
  });

  describe('git library', function () {
    it('gives the same shas for the same script, whatever the directory', async function () {
      const again = await buildCompanyRepo(path.join(tmp, 'company-again'));
      assert.equal(again.head, company.head);
      assert.deepEqual(again.shas, company.shas);
      assert.deepEqual(again.prMerges, company.prMerges);
    });

    it('keeps the machine git config out: user.name is unset in the fixture environment', async function () {
      const result = await runGit(company.root, ['config', '--get', 'user.name'], { allowFailure: true });
      assert.equal(result.code, 1);
      assert.equal(result.stdout, '');
    });

    it('writes GitHub, GitLab and Bitbucket merge messages, a squash suffix and Latin-1 raw commits', async function () {
      const odd = await buildFixture('odd', path.join(tmp, 'odd'));
      const subjects = (await logFields(odd.root, '%s')).map(([, s]) => s);
      assert.ok(subjects.includes("Merge branch 'gitlab-feature' into 'main'"));
      assert.ok(subjects.includes('Merged in bitbucket-feature (pull request #31)'));
      assert.ok(subjects.includes('Squashed feature (#41)'));
      assert.ok(subjects.includes(''), 'one commit has an empty subject');
      const gitlab = await git(odd.root, ['log', '-1', '--format=%B', '--grep=gitlab-feature']);
      assert.match(gitlab, /See merge request acme\/app!21$/);
      const octopus = await logFields(odd.root, '%P', ['--merges', '--grep=octopus']);
      assert.equal(octopus[0]?.[1]?.split(' ').length, 4, 'main plus three branches');
      assert.equal((await git(odd.root, ['rev-list', '--max-parents=0', 'HEAD'])).split('\n').length, 2);
      const sha = await git(odd.root, ['log', '--format=%H', '--grep=Caf']);
      const bytes = (await runGit(odd.root, ['cat-file', 'commit', sha])).stdoutBytes;
      assert.ok(bytes.includes(Buffer.from([0x4a, 0x6f, 0x73, 0xe9])), 'author name stored as Latin-1 bytes (Jos\\xe9)');
      const skew = await logFields(odd.root, '%at%x00%ct', ['--grep=Author date after']);
      assert.ok(Number(skew[0]?.[1]) > Number(skew[0]?.[2]));
    });

    it('creates an empty repository on main', async function () {
      const repo = await createRepo(path.join(tmp, 'empty-lib'));
      assert.equal(await repo.currentBranch(), 'main');
      assert.equal(await repo.hasCommits(), false);
    });
  });

  describe('company repository', function () {
    it('has every promised PR merge with the merger as merge-commit author', async function () {
      const merges = await logFields(company.root, '%an%x00%s', ['--merges', '--first-parent']);
      const numbers = merges.map(([, , s]) => Number(/^Merge pull request #(\d+) from acme\//.exec(s ?? '')?.[1]));
      assert.deepEqual(numbers.sort((a, b) => a - b), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14, 15, 16]);
      const byPr = new Map(merges.map(([sha, name]) => [sha, name]));
      assert.equal(byPr.get(company.prMerges[5] ?? ''), 'Dana Chen');
      assert.equal(byPr.get(company.prMerges[6] ?? ''), 'Carol Diaz');
      assert.equal(byPr.get(company.prMerges[1] ?? ''), 'Carol Diaz');
    });

    it('has the dependabot squash commit "(#13)" on main, authored by the bot only', async function () {
      const [row] = await logFields(company.root, '%an%x00%ae%x00%s%x00%P', ['-1', company.prMerges[13] ?? '']);
      assert.equal(row?.[1], 'dependabot[bot]');
      assert.match(row?.[3] ?? '', / \(#13\)$/);
      assert.equal(row?.[4]?.split(' ').length, 1, 'a squash has one parent');
      const files = await git(company.root, ['show', '--name-only', '--format=', company.prMerges[13] ?? '']);
      assert.deepEqual(files.split('\n').sort(), ['package-lock.json', 'package.json']);
    });

    it('has direct commits without a PR: the migration, the rename and the lockfile refresh', async function () {
      const firstParent = (await git(company.root, ['rev-list', '--first-parent', '--no-merges', 'HEAD'])).split('\n');
      for (const name of ['eveMigration', 'kafkaRename', 'lockfileOnly', 'initial'] as const) {
        assert.ok(firstParent.includes(company.shas[name]), `${name} is a direct commit on main`);
      }
    });

    it('maps the old "dana" identity through .mailmap, not Bob\'s old address', async function () {
      const raw = await logFields(company.root, '%an <%ae>', ['--no-use-mailmap']);
      const mapped = await logFields(company.root, '%aN <%aE>');
      assert.ok(raw.some(([, who]) => who === 'dana <dana.chen@old.acme.io>'));
      assert.ok(!mapped.some(([, who]) => who === 'dana <dana.chen@old.acme.io>'));
      assert.equal(mapped.find(([sha]) => sha === company.shas.initial)?.[1], 'Dana Chen <dana@acme.io>');
      assert.equal(mapped.find(([sha]) => sha === company.shas.featureFlagsAdrOldDomain)?.[1], 'Bob Li <bob@old-domain.com>');
      assert.match(await readFile(path.join(company.root, '.decision-orbit.yml'), 'utf8'), /aliases: \[bob@old-domain\.com, "@bobli"\]/);
    });

    it('carries the promised trailers', async function () {
      const trailers = async (sha: string): Promise<string> => git(company.root, ['log', '-1', '--format=%(trailers:only,unfold)', sha]);
      assert.equal(await trailers(company.shas.kafkaAdr), 'Co-authored-by: dana <dana.chen@old.acme.io>');
      assert.equal(await trailers(company.shas.cqrsAdr), 'Reviewed-by: Dana Chen <dana@acme.io>');
      assert.equal(await trailers(company.shas.dockerfile), 'Acked-by: Dana Chen <dana@acme.io>');
      assert.equal(await trailers(company.shas.graphqlAdr), '');
    });

    it('renames the Kafka ADR in a commit of its own by Bob, detected by git as a rename', async function () {
      const out = await git(company.root, ['show', '-M', '--name-status', '--format=%an', company.shas.kafkaRename]);
      assert.match(out, /^Bob Li\n\nR100\tdoc\/architecture\/decisions\/0002-use-kafka\.md\tdoc\/architecture\/decisions\/0002-use-kafka-for-events\.md$/);
      const follow = await git(company.root, ['log', '--follow', '--format=%H', '--', 'doc/architecture/decisions/0002-use-kafka-for-events.md']);
      assert.deepEqual(follow.split('\n'), [company.shas.kafkaRename, company.shas.kafkaAdr]);
    });

    it('has the ADR folders and the signal files of the brief at HEAD', async function () {
      const files = (await git(company.root, ['ls-files'])).split('\n');
      for (const expected of company.expected.filter((d) => d.id.startsWith('adr:'))) {
        assert.ok(files.includes(expected.id.slice(4)), `${expected.id} exists at HEAD`);
      }
      for (const file of ['.adr-dir', '.mailmap', '.decision-orbit.yml', 'package.json', 'package-lock.json', 'Dockerfile', '.github/workflows/ci.yml', '.github/CODEOWNERS', 'db/migrations/001_init.sql', 'services/search/src/index.ts']) {
        assert.ok(files.includes(file), file);
      }
    });

    it('dates everything between 2025-11 and 2026-09, with each person\'s last commit as listed', async function () {
      const rows = await logFields(company.root, '%aN%x00%aI%x00%cI');
      for (const [, , authored, committed] of rows) {
        assert.ok((authored ?? '') >= '2025-11-01' && (authored ?? '') < '2026-10-01', authored);
        assert.ok((committed ?? '') >= '2025-11-01' && (committed ?? '') < '2026-10-01', committed);
      }
      assert.equal(rows.find(([sha]) => sha === company.shas.ciWorkflow)?.[2], '2026-04-15T13:30:00+05:30', 'ISO offsets are kept');
      for (const person of Object.values(COMPANY_PEOPLE)) {
        const last = rows.find(([, name]) => name === person.name);
        assert.equal(new Date(last?.[2] ?? 0).toISOString(), new Date(person.lastCommit).toISOString(), person.name);
      }
    });

    it('writes each record in the dialect and with the people fields the expectations rely on', async function () {
      const text = (rel: string): Promise<string> => readFile(path.join(company.root, rel), 'utf8');
      for (const d of company.expected.filter((e) => e.id.startsWith('adr:'))) {
        const body = await text(d.id.slice(4));
        const heading = /^#\s+(?:\d+\.\s+)?(.+)$/m.exec(body)?.[1];
        assert.equal(heading, d.title, d.id);
        assert.match(body, new RegExp(`^(status: |\\* Status: |)${d.status ?? 'accepted'}$`, 'im'), d.id);
      }
      assert.match(await text('docs/adr/0003-use-feature-flags-service.md'), /^decision-makers: \[\]$/m);
      assert.doesNotMatch(await text('docs/adr/0004-drop-graphql-gateway.md'), /decision-makers|deciders/i);
      assert.match(await text('docs/adr/0005-move-payments-to-cqrs.md'), /^deciders: Carol Diaz$/m);
      assert.doesNotMatch(await text('docs/adr/0002-adopt-event-sourcing-for-payments.md'), /supersede/i);
      assert.match(await text('services/payments/docs/decisions/0001-idempotency-keys.md'), /^\* Deciders: Carol Diaz, @fosei$/m);
      assert.doesNotMatch(await text('doc/architecture/decisions/0002-use-kafka-for-events.md'), /deciders/i);
    });

    it('lists each expected decision once, with PR ids that exist', async function () {
      const ids = company.expected.map((d) => d.id);
      assert.equal(new Set(ids).size, ids.length);
      for (const d of company.expected) {
        if (d.pr !== undefined && d.pr !== null) assert.ok(company.prMerges[d.pr], `PR #${d.pr} exists`);
      }
      assert.ok(ids.includes(`git:${company.shas.eveMigration}`));
    });
  });

  describe('special fixtures', function () {
    const built = new Map<string, BuiltFixture>();
    before(async function () {
      // Builds every special fixture one after another: a minute's default is near its time on a busy machine.
      this.timeout(180000);
      for (const name of FIXTURE_NAMES.filter((n) => n !== 'company' && n !== 'odd')) {
        built.set(name, await buildFixture(name, path.join(tmp, `special-${name}`)));
      }
    });

    it('empty: a repository with no commit', async function () {
      const result = await runGit(built.get('empty')?.root ?? '', ['rev-parse', '--verify', '--quiet', 'HEAD'], { allowFailure: true });
      assert.notEqual(result.code, 0);
    });

    it('shallow: five commits of the company, marked shallow, same HEAD', async function () {
      const shallow = built.get('shallow');
      assert.equal(shallow?.head, company.head);
      assert.equal(await git(shallow?.root ?? '', ['rev-parse', '--is-shallow-repository']), 'true');
      assert.equal(await git(shallow?.root ?? '', ['remote']), '');
    });

    it('detached: HEAD detached at v1.0.0', async function () {
      const detached = built.get('detached');
      const symbolic = await runGit(detached?.root ?? '', ['symbolic-ref', '-q', 'HEAD'], { allowFailure: true });
      assert.equal(symbolic.code, 1);
      assert.equal(await git(detached?.root ?? '', ['rev-parse', 'HEAD']), company.shas.tagV1);
      assert.equal(await git(detached?.root ?? '', ['rev-parse', 'v1.0.0^{commit}']), company.shas.tagV1);
    });

    it('no-adrs: history with commits and no ADR folder', async function () {
      const root = built.get('no-adrs')?.root ?? '';
      const files = await git(root, ['ls-files']);
      assert.doesNotMatch(files, /adr|decisions/i);
      assert.match(await git(root, ['log', '--merges', '--format=%s']), /^Merge pull request #1 from acme\/add-express$/);
    });

    it('nested: an inner repository inside the outer working tree', async function () {
      const nested = built.get('nested');
      const [outer, inner] = nested?.repos ?? [];
      assert.ok(inner?.startsWith(`${outer}${path.sep}`));
      assert.equal(await git(inner ?? '', ['rev-parse', '--show-toplevel']), inner);
      assert.equal(await git(outer ?? '', ['rev-parse', '--show-toplevel']), outer);
    });

    it('multi-root: two repositories in a folder that is none', async function () {
      const multi = built.get('multi-root');
      assert.equal(multi?.repos.length, 2);
      assert.ok(!existsSync(path.join(multi?.root ?? '', '.git')));
      for (const repo of multi?.repos ?? []) assert.ok(existsSync(path.join(repo, 'docs/adr/0001-use-typescript.md')));
    });
  });
});

describe('benchmark history generator', function () {
  let tmp: string;
  before(async function () {
    tmp = await mkdtemp(path.join(tmpdir(), 'decision-orbit-history-test-'));
  });
  after(async function () {
    await rm(tmp, { recursive: true, force: true });
  });

  it('writes the same history twice, with merges, trailers and ADRs, and reuses its cache', async function () {
    const { ensureHistory } = await import('../../bench/generate-history');
    const a = await ensureHistory({ commits: 1200, cacheRoot: path.join(tmp, 'a') });
    const b = await ensureHistory({ commits: 1200, cacheRoot: path.join(tmp, 'b') });
    assert.equal(a.head, b.head);
    assert.equal(a.reused, false);
    assert.equal(await git(a.root, ['rev-list', '--count', 'HEAD']), '1200');
    assert.equal(Number(await git(a.root, ['rev-list', '--count', '--merges', 'HEAD'])), a.merges);
    assert.ok(a.merges > 60 && a.merges < 200, `about one merge in ten commits: ${a.merges}`);
    assert.match(await git(a.root, ['log', '--format=%(trailers:only)']), /Reviewed-by: /);
    assert.ok(a.adrs > 0 && existsSync(path.join(a.root, 'docs/adr')));
    const again = await ensureHistory({ commits: 1200, cacheRoot: path.join(tmp, 'a') });
    assert.equal(again.reused, true);
    assert.equal(again.head, a.head);
  });
});
