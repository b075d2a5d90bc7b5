// Repositories without all their objects: a partial clone served over file:// and
// a copy that lost some blobs. Each is read in one pass (no commit twice), nothing
// is fetched, and one warning says which commits were read without rename detection.
import assert from 'node:assert/strict';
import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { analyzeRepository } from '../../src/core/analyze';
import { BlobReader, buildLogArgs, GitError, readHistory, runGit } from '../../src/core/git';
import type { FileChange, KeptCommit } from '../../src/core/model/history';
import { createRepo, fixtureGitEnv, runGit as fixtureGit, type FixtureRepo, type Identity } from '../fixtures/git';
import { recordingGit } from '../fixtures/recording-git';
import { suiteTempDir } from '../support/temp-dir';

const GIT_ENV = fixtureGitEnv();
const NOW = new Date('2026-10-01T00:00:00Z');
const ADA: Identity = { name: 'Ada Abe', email: 'ada@example.com' };

/** Enough lines that an edited copy is still a rename to git (similarity over 50%). */
function text(label: string): string {
  return Array.from({ length: 40 }, (_, index) => `${label} line ${index}\n`).join('');
}

const MANIFEST = '{ "name": "app", "dependencies": {} }\n';
const WITH_KAFKA = '{ "name": "app", "dependencies": { "kafkajs": "2.2.4" } }\n';
const KAFKA_BUMPED = '{ "name": "app", "dependencies": { "kafkajs": "3.0.0" } }\n';

/** Oldest first: two renames with an edit each, an older and a newer one; with `manifest`, a manifest added, then given a dependency. */
async function buildHistory(dir: string, manifest = false): Promise<{ repo: FixtureRepo; shas: string[] }> {
  const repo = await createRepo(dir);
  const withManifest = (text: string): Record<string, string> => (manifest ? { 'package.json': text } : {});
  const shas = [
    await repo.commit({ author: ADA, date: '2026-01-05T10:00:00Z', message: 'Add the old notes', files: { 'notes/old.txt': text('old'), ...withManifest(MANIFEST) } }),
    await repo.commit({ author: ADA, date: '2026-01-06T10:00:00Z', message: 'Rename the old notes', renames: { 'notes/old.txt': 'notes/older.txt' }, files: { 'notes/older.txt': `${text('old')}one more\n` } }),
    await repo.commit({ author: ADA, date: '2026-01-07T10:00:00Z', message: 'Add a record', files: { 'docs/adr/0001-use-git.md': `# Use git\n\n${text('record')}`, ...withManifest(WITH_KAFKA) } }),
    await repo.commit({ author: ADA, date: '2026-01-08T10:00:00Z', message: 'Renumber the record', renames: { 'docs/adr/0001-use-git.md': 'docs/adr/0002-use-git.md' }, files: { 'docs/adr/0002-use-git.md': `# Use git\n\n${text('record')}edited\n` } }),
  ];
  return { repo, shas };
}

function logCommands(commands: readonly string[]): string[] {
  return commands.filter((line) => / log -z /.test(` ${line}`));
}

function commitOf(commits: readonly KeptCommit[], sha: string): KeptCommit {
  const commit = commits.find((c) => c.sha === sha);
  assert.ok(commit, `commit ${sha} is not in the history`);
  return commit;
}

async function objectFiles(root: string): Promise<string[]> {
  return (await readdir(path.join(root, '.git', 'objects'), { recursive: true })).filter((name) => !name.startsWith('info')).sort();
}

/** Runs `work` with the system's temporary folder (where the object-store view is made) set to `dir`, a new folder. */
async function inTemporaryFolder<T>(dir: string, work: () => Promise<T>): Promise<T> {
  await mkdir(dir);
  const systemTmp = process.env['TMPDIR'];
  process.env['TMPDIR'] = dir;
  try {
    return await work();
  } finally {
    if (systemTmp === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = systemTmp;
  }
}

describe('history with missing objects', function () {
  const tmp = suiteTempDir('missing-objects');

  describe('a partial clone (--filter=blob:none) served from a local bare repository', function () {
    let root = '';
    let shas: string[] = [];

    before(async function () {
      const built = await buildHistory(path.join(tmp(), 'source'), true);
      // A major bump of the dependency added before, and an edit of the record: their older sides are what the clone lacks.
      const bump = await built.repo.commit({ author: ADA, date: '2026-01-09T10:00:00Z', message: 'Bump kafkajs', files: { 'package.json': KAFKA_BUMPED } });
      const edit = await built.repo.commit({ author: ADA, date: '2026-01-10T10:00:00Z', message: 'Edit the record', files: { 'docs/adr/0002-use-git.md': `# Use git\n\n${text('record')}edited twice\n` } });
      shas = [...built.shas, bump, edit];
      const served = path.join(tmp(), 'served.git');
      await fixtureGit(tmp(), ['clone', '--quiet', '--bare', '--', built.repo.root, served]);
      await fixtureGit(served, ['config', 'uploadpack.allowFilter', 'true']);
      root = path.join(tmp(), 'partial');
      // The checkout fetches the tip's blobs, and only those.
      await fixtureGit(tmp(), ['clone', '--quiet', '--filter=blob:none', '--', `file://${served}`, root]);
      // The served repository stays: a fetch, if one were started, would succeed and add objects.
      const missing = await fixtureGit(root, ['rev-list', '--objects', '--missing=print', 'HEAD']);
      assert.ok(/^\?/m.test(missing.stdout), 'the clone lacks blobs');
    });

    it('reads every commit in one git log without rename detection and fetches nothing', async function () {
      const before = await objectFiles(root);
      const git = await recordingGit(tmp());
      const result = await readHistory(root, { gitPath: git.gitPath, env: GIT_ENV });
      const logs = logCommands(git.commands());
      assert.equal(logs.length, 1, `git log ran ${logs.length} times: ${logs.join(' | ')}`);
      assert.match(logs[0] ?? '', / --no-renames /);
      assert.equal(result.commitsRead, shas.length);
      // Renumbered and edited: no content to compare, but the name but for its number is the record's.
      const renumber = commitOf(result.history.commits, shas[3] ?? '');
      assert.deepEqual(renumber.files.map((f) => `${f.status} ${f.oldPath ?? ''} ${f.path}`), ['R docs/adr/0001-use-git.md docs/adr/0002-use-git.md']);
      const oldRename = commitOf(result.history.commits, shas[1] ?? '');
      assert.deepEqual(oldRename.files.map((f) => f.status), ['D', 'A'], 'a file that is no record, renamed and edited, stays a deleted and an added file');
      assert.deepEqual(await objectFiles(root), before, 'objects were fetched');
      const warnings = result.warnings.filter((w) => w.code === 'missing-objects');
      assert.equal(warnings.length, 1);
      assert.match(warnings[0]?.message ?? '', new RegExp(`6 commits, from ${shas[5]?.slice(0, 10)} \\(2026-01-10\\) back to ${shas[0]?.slice(0, 10)} \\(2026-01-05\\)`));
    });

    it('git itself, asked for renames there, fails at once rather than fetching the blobs', async function () {
      const before = await objectFiles(root);
      await assert.rejects(runGit(buildLogArgs({ renames: true }), { cwd: root, env: GIT_ENV }), (error: unknown) => error instanceof GitError && error.code === 'MissingObjects');
      assert.deepEqual(await objectFiles(root), before, 'objects were fetched');
    });

    it('cat-file answers a blob the clone lacks as missing and goes on to the ones it has', async function () {
      const before = await objectFiles(root);
      const lackedId = (await fixtureGit(root, ['rev-parse', `${shas[0]}:package.json`])).stdout.trim();
      const reader = new BlobReader(root, { env: GIT_ENV }, true);
      const read = await reader.read([
        { revision: shas[0] ?? '', path: 'package.json' }, { id: lackedId }, { revision: `${shas[4]}^1`, path: 'package.json' }, { revision: shas[4] ?? '', path: 'package.json' },
      ]).finally(() => reader.close());
      assert.deepEqual([...read.values()], [null, null, null, KAFKA_BUMPED]);
      assert.deepEqual(await objectFiles(root), before, 'objects were fetched');
    });

    it("reads a replaced blob as the repository's own git does (refs/replace/)", async function () {
      const record = `${shas[5]}:docs/adr/0002-use-git.md`;
      const [recordId, manifestId] = await Promise.all([record, `${shas[5]}:package.json`].map(async (name) => (await fixtureGit(root, ['rev-parse', name])).stdout.trim()));
      await fixtureGit(root, ['replace', '-f', recordId ?? '', manifestId ?? '']);
      try {
        const seen = (await fixtureGit(root, ['cat-file', 'blob', record])).stdout;
        assert.equal(seen, KAFKA_BUMPED, "the repository's git reads the replacement");
        const reader = new BlobReader(root, { env: GIT_ENV }, true);
        const read = await reader.read([{ revision: shas[5] ?? '', path: 'docs/adr/0002-use-git.md' }, { id: recordId ?? '' }]).finally(() => reader.close());
        assert.deepEqual([...read.values()], [seen, seen]);
      } finally {
        await fixtureGit(root, ['replace', '-d', recordId ?? '']);
      }
    });

    it('the analysis completes in one pass with one warning, the changes it cannot read not counted, fetching nothing', async function () {
      const before = await objectFiles(root);
      const git = await recordingGit(tmp());
      const temporary = path.join(tmp(), 'system-tmp');
      const report = await inTemporaryFolder(temporary, () => analyzeRepository({ env: GIT_ENV, root, now: NOW, gitPath: git.gitPath }));
      assert.equal(logCommands(git.commands()).length, 1, 'one git log');
      assert.ok(git.commands().some((line) => / cat-file /.test(` ${line} `)), 'the contents were asked for');
      const warnings = report.warnings.filter((w) => w.code === 'missing-objects');
      assert.equal(warnings.length, 1);
      assert.match(warnings[0]?.message ?? '', /File contents missing there were not read/);
      for (const sha of [shas[0], shas[4]]) {
        const manifest = report.decisions.find((d) => d.id === `git:${sha}`);
        assert.ok(manifest, `the manifest change in ${sha} is a decision`);
        assert.equal(manifest.notCountedReason, 'unknown', 'its older or only side could not be read');
      }
      assert.ok(report.decisions.some((d) => d.id === 'adr:docs/adr/0002-use-git.md'), 'the record is a decision');
      assert.deepEqual(await objectFiles(root), before, 'objects were fetched');
      assert.deepEqual(await readdir(temporary), [], 'the object-store view is left behind');
    });

    it('removes the object-store view when the reading is cancelled midway', async function () {
      const temporary = path.join(tmp(), 'cancelled-tmp');
      const controller = new AbortController();
      const reader = new BlobReader(root, { env: GIT_ENV, signal: controller.signal }, true);
      // More answers than one chunk of cat-file's output holds, so some are still to come when it is cancelled.
      const requests = Array.from({ length: 5000 }, () => shas.map((sha) => ({ revision: sha, path: 'package.json' }))).flat();
      let answered = 0;
      await inTemporaryFolder(temporary, async () => {
        const reading = reader.stream(requests, () => {
          answered += 1;
          controller.abort();
        });
        await assert.rejects(reading, (error: unknown) => error instanceof GitError && error.code === 'Cancelled');
        await reader.close();
      });
      assert.ok(answered > 0 && answered < requests.length, `cat-file had started and not finished (${answered} answers)`);
      assert.deepEqual(await readdir(temporary), [], 'the object-store view is left behind');
    });
  });

  describe('a copy that lost an old blob', function () {
    let repo: FixtureRepo;
    let shas: string[] = [];

    before(async function () {
      const built = await buildHistory(path.join(tmp(), 'damaged'), true);
      ({ repo, shas } = built);
      for (const file of ['notes/old.txt', 'package.json']) {
        const blob = await repo.out(['rev-parse', `${shas[0]}:${file}`]);
        await rm(path.join(repo.root, '.git', 'objects', blob.slice(0, 2), blob.slice(2)));
      }
    });

    it('keeps what was read with renames and reads on from the failing commit without them, each commit once', async function () {
      const git = await recordingGit(tmp());
      const result = await readHistory(repo.root, { gitPath: git.gitPath, env: GIT_ENV });
      const logs = logCommands(git.commands());
      assert.equal(logs.length, 2, logs.join(' | '));
      assert.match(logs[0] ?? '', / -M /);
      const skip = Number(/ --skip=(\d+) /.exec(logs[1] ?? '')?.[1]);
      assert.match(logs[1] ?? '', / --no-renames /);
      assert.ok(skip >= 1 && skip < shas.length, `resumed after ${skip} commits`);
      assert.equal(result.commitsRead, shas.length, 'a commit was read twice or not at all');
      const renumber = commitOf(result.history.commits, shas[3] ?? '');
      // The blob ids come from trees: read whether or not the blobs are there.
      const namesOf = (files: readonly FileChange[]): string[] => files.map((f) => `${f.status} ${f.oldPath ?? ''} ${f.path} ${f.blobs === undefined ? 'without ids' : 'with ids'}`);
      assert.deepEqual(namesOf(renumber.files), ['R docs/adr/0001-use-git.md docs/adr/0002-use-git.md with ids']);
      const oldRename = commitOf(result.history.commits, shas[1] ?? '');
      assert.deepEqual(namesOf(oldRename.files), ['D  notes/old.txt with ids', 'A  notes/older.txt with ids'], 'the old rename is read as a deleted and an added file');
      const warnings = result.warnings.filter((w) => w.code === 'missing-objects');
      assert.equal(warnings.length, 1);
      const readWithout = shas.length - skip;
      assert.match(warnings[0]?.message ?? '', new RegExp(`${readWithout} commits, from ${shas[readWithout - 1]?.slice(0, 10)} .* back to ${shas[0]?.slice(0, 10)} `));
    });

    it('the manifest whose blob is lost, named to cat-file by its id, is unreadable: not counted', async function () {
      const git = await recordingGit(tmp());
      const report = await analyzeRepository({ env: GIT_ENV, root: repo.root, now: NOW, gitPath: git.gitPath, hostConfig: { leadership: [{ name: ADA.name, aliases: [ADA.email], role: 'CTO' }] } });
      const manifest = report.decisions.find((d) => d.id === `git:${shas[0]}`);
      assert.ok(manifest, 'adding the manifest is a decision');
      assert.equal(manifest.involvement, 'decided', 'a leader made it');
      assert.equal(manifest.notCountedReason, 'unknown', 'its content could not be read');
      assert.ok(git.commands().some((line) => / cat-file /.test(` ${line} `)), 'the manifest was asked for');
    });

    it('a re-run from the cache says the same, and the record keeps its history across the rename', async function () {
      const cacheDir = path.join(tmp(), 'cache');
      const first = await analyzeRepository({ env: GIT_ENV, root: repo.root, now: NOW, cacheDir });
      const again = await analyzeRepository({ env: GIT_ENV, root: repo.root, now: NOW, cacheDir });
      const warningsOf = (report: typeof first): string[] => report.warnings.filter((w) => w.code === 'missing-objects').map((w) => w.message);
      assert.equal(warningsOf(first).length, 1);
      assert.deepEqual(warningsOf(again), warningsOf(first));
      const record = again.decisions.find((d) => d.id === 'adr:docs/adr/0002-use-git.md');
      assert.ok(record, 'the record is a decision');
    });
  });

  describe('records moved in a partial clone, some edited or renumbered on the way', function () {
    const CAROL: Identity = { name: 'Carol Diaz', email: 'carol@example.com' };
    const BOB: Identity = { name: 'Bob Li', email: 'bob@example.com' };
    const record = (n: number): string => `# ${n}. Decision ${n}\n\nDate: 2026-01-0${n}\n\n## Status\n\nAccepted\n\n## Decision\n\n${text(`decision ${n}`)}`;
    let root = '';
    let shas: string[] = [];

    before(async function () {
      const source = await createRepo(path.join(tmp(), 'moved-source'));
      const added = [];
      for (const n of [1, 2, 3, 4, 5, 6, 7]) {
        added.push(await source.commit({ author: CAROL, date: `2026-01-0${n}T10:00:00Z`, message: `Record ${n}`, files: { [`doc/adr/000${n}-decision-${n}.md`]: record(n) } }));
      }
      const moves = Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((n) => [`doc/adr/000${n}-decision-${n}.md`, `docs/decisions/000${n === 7 ? 8 : n}-decision-${n}.md`]));
      const edited = { 'docs/decisions/0006-decision-6.md': `${record(6)}Moved from doc/adr.\n`, 'docs/decisions/0008-decision-7.md': `${record(7)}Renumbered.\n` };
      const move = await source.commit({ author: BOB, date: '2026-02-01T10:00:00Z', message: 'Move the records', renames: moves, files: edited });
      shas = [...added, move];
      const served = path.join(tmp(), 'moved-served.git');
      await fixtureGit(tmp(), ['clone', '--quiet', '--bare', '--', source.root, served]);
      await fixtureGit(served, ['config', 'uploadpack.allowFilter', 'true']);
      root = path.join(tmp(), 'moved-partial');
      await fixtureGit(tmp(), ['clone', '--quiet', '--filter=blob:none', '--', `file://${served}`, root]);
    });

    it('reads the move as renames, from the blob ids of --raw and the records\' names, fetching nothing', async function () {
      const before = await objectFiles(root);
      const git = await recordingGit(tmp());
      const result = await readHistory(root, { gitPath: git.gitPath, env: GIT_ENV });
      assert.match(logCommands(git.commands())[0] ?? '', / --raw --no-abbrev --no-renames /);
      const move = commitOf(result.history.commits, shas[7] ?? '');
      assert.deepEqual(move.files.map((f) => `${f.status} ${f.oldPath ?? ''} ${f.path}`).sort(), [1, 2, 3, 4, 5, 6, 7].map((n) => `R doc/adr/000${n}-decision-${n}.md docs/decisions/000${n === 7 ? 8 : n}-decision-${n}.md`));
      assert.deepEqual(await objectFiles(root), before, 'objects were fetched');
    });

    it('each record keeps its first author and date; the move gives its author nothing', async function () {
      const report = await analyzeRepository({ env: GIT_ENV, root, now: NOW });
      const records = report.decisions.filter((d) => d.source === 'adr');
      assert.equal(records.length, 7);
      for (const [i, d] of records.entries()) {
        assert.deepEqual(d.evidence.map((e) => `${e.person} ${e.role} ${e.ref}`), [`carol-diaz author ${shas[i] ?? ''}`], d.id);
        assert.equal(d.date, `2026-01-0${i + 1}`, d.id);
        assert.ok(d.commits.includes(shas[7] ?? ''), 'the move is in the record\'s history');
      }
      assert.deepEqual(report.warnings.filter((w) => w.code === 'adr-first-author-unknown'), []);
    });
  });
});
