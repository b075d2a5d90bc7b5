// Every bad input to the report command gets one answer in our words, before any
// work where it is bad usage, and changes no byte of the repository (working tree
// and .git) nor of the files around it.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { chown, cp, lstat, mkdir, mkdtemp, readdir, readFile, readlink, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../../src/cli/main';
import type { Report } from '../../src/core/model/report';
import { BOB, DANA } from '../fixtures/company-people';
import { createRepo, fixtureGitEnv, runGit } from '../fixtures/git';

const GIT_ISOLATION = ['HOME', 'XDG_CONFIG_HOME', 'GIT_CONFIG_NOSYSTEM', 'GIT_CONFIG_GLOBAL'] as const;
const WINDOW = ['--since', '2026-01-01', '--until', '2026-03-01'];
const GOOD_CONFIG = 'leadership:\n  - name: Dana Chen\n    role: CTO\n';

interface Outcome { code: number; stdout: string; stderr: string; firstLine: string }

/** Every file under `dir` (links as their target text) with the hash of its bytes. */
async function fingerprint(dir: string): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const walk = async (folder: string): Promise<void> => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const absolute = path.join(folder, entry.name);
      const relative = path.relative(dir, absolute);
      if (entry.isDirectory()) {
        found.set(`${relative}/`, 'folder');
        await walk(absolute);
      } else if (entry.isSymbolicLink()) {
        found.set(relative, `-> ${await readlink(absolute)}`);
      } else {
        found.set(relative, createHash('sha256').update(await readFile(absolute)).digest('hex'));
      }
    }
  };
  await walk(dir);
  return found;
}

describe('cli: the bad-input matrix', function () {
  const savedEnv = GIT_ISOLATION.map((key) => [key, process.env[key]] as const);
  let tmp: string;
  let base: string;
  let cases = 0;

  /** A fresh copy of the base repository for one case. */
  async function freshRepo(files: Record<string, string | Buffer> = {}): Promise<string> {
    const dir = path.join(tmp, `case-${(cases += 1)}`);
    await cp(base, dir, { recursive: true, verbatimSymlinks: true });
    for (const [file, content] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await writeFile(path.join(dir, file), content);
    }
    return dir;
  }

  async function cli(cwd: string, argv: string[], env: NodeJS.ProcessEnv = {}): Promise<Outcome> {
    let stdout = '';
    let stderr = '';
    const code = await runCli(argv, {
      cwd, stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; }, stderrIsTty: false, stdoutIsTty: false,
      env: { ...fixtureGitEnv(), XDG_CACHE_HOME: path.join(tmp, 'cache'), ...env },
    });
    return { code, stdout, stderr, firstLine: stderr.split('\n')[0] ?? '' };
  }

  /** Runs the CLI in `repo` and checks that neither it nor `watched` changed by a byte. */
  async function untouched(repo: string, argv: string[], watched: string[] = []): Promise<Outcome> {
    const before = await Promise.all([repo, ...watched].map(fingerprint));
    const outcome = await cli(repo, argv);
    const after = await Promise.all([repo, ...watched].map(fingerprint));
    assert.deepEqual(after, before, 'no file changed');
    return outcome;
  }

  function expectUsage(outcome: Outcome, firstLine: string): void {
    assert.equal(outcome.firstLine, firstLine);
    assert.equal(outcome.code, 2, outcome.stderr);
    assert.equal(outcome.stdout, '', 'no report was printed');
  }

  function expectFailure(outcome: Outcome, firstLine: string): void {
    assert.equal(outcome.firstLine, firstLine);
    assert.equal(outcome.code, 1, outcome.stderr);
    assert.equal(outcome.stderr.split('\n').length, 2, 'one line');
    assert.equal(outcome.stdout, '');
  }

  before(async function () {
    for (const key of GIT_ISOLATION) process.env[key] = fixtureGitEnv()[key];
    tmp = await mkdtemp(path.join(tmpdir(), 'decision-orbit-bad-input-'));
    const repo = await createRepo(path.join(tmp, 'base'));
    base = repo.root;
    await repo.commit({
      author: DANA, date: '2026-02-01T10:00:00Z', message: 'Record the database',
      files: { 'docs/adr/0001-use-postgres.md': '# 1. Use PostgreSQL\n\nDate: 2026-02-01\n\n## Status\n\nAccepted\n' },
    });
    await repo.commit({ author: BOB, date: '2026-02-02T10:00:00Z', message: 'Add a service', files: { 'src/index.ts': 'export {};\n' } });
  });

  after(async function () {
    for (const [key, value] of savedEnv) if (value === undefined) delete process.env[key]; else process.env[key] = value;
    await rm(tmp, { recursive: true, force: true });
  });

  describe('bad usage: exit 2 before any work', function () {
    it('an unknown option, named with where the options are listed (not Node\'s parser text)', async function () {
      const repo = await freshRepo();
      expectUsage(await untouched(repo, ['--frobnicate']), "decision-orbit: unknown option --frobnicate; 'decision-orbit --help' lists the options");
      expectUsage(await untouched(repo, ['--json=yes']), 'decision-orbit: --json takes no value');
    });

    it('a date that is no date', async function () {
      const repo = await freshRepo();
      expectUsage(await untouched(repo, ['--since', '2026-02-30']), 'decision-orbit: --since expects a date as YYYY-MM-DD, not "2026-02-30"');
    });

    it('--since after --until, and --since after today', async function () {
      const repo = await freshRepo();
      expectUsage(await untouched(repo, ['--since', '2026-03-01', '--until', '2026-01-01']), 'decision-orbit: --since 2026-03-01 is after --until 2026-01-01: the window would be empty');
      const outcome = await untouched(repo, ['--since', '2999-01-01']);
      assert.match(outcome.firstLine, /^decision-orbit: --since 2999-01-01 is after today \(\d{4}-\d{2}-\d{2}\): the window would be empty$/);
      assert.equal(outcome.code, 2);
    });

    it('an explicit --config that does not exist', async function () {
      const repo = await freshRepo();
      expectUsage(await untouched(repo, ['--config', 'roster.yml']), `decision-orbit: --config ${path.join(repo, 'roster.yml')} does not exist`);
    });

    it('--html into a place no file can be created (/proc), and --html naming a folder', async function () {
      const repo = await freshRepo();
      expectUsage(await untouched(repo, ['--html', '/proc/x.html']), 'decision-orbit: --html /proc/x.html cannot be created (files cannot be created there)');
      const folder = path.join(tmp, 'reports');
      await mkdir(folder, { recursive: true });
      expectUsage(await untouched(repo, ['--html', folder], [folder]), `decision-orbit: --html ${folder} is a folder; name the file to write`);
      expectUsage(await untouched(repo, ['--html', path.join(tmp, 'missing', 'r.html')]), `decision-orbit: --html ${path.join(tmp, 'missing', 'r.html')}: the folder ${path.join(tmp, 'missing')} does not exist`);
    });
  });

  describe('a broken config: exit 2 with every problem as file:line: message, no report on defaults', function () {
    const CASES: ReadonlyArray<[name: string, config: string, lines: string[]]> = [
      ['a YAML syntax error', 'leadership:\n  - name: "Dana Chen\n', ['.decision-orbit.yml:3: not valid YAML: Missing closing "quote']],
      ['wrong types, all of them', 'leadership:\n  - name: Dana Chen\n    role: 7\nzone:\n  tooFar: 3\n', [
        '.decision-orbit.yml:3: leadership.0.role: Invalid input: expected string, received number',
        '.decision-orbit.yml:5: zone.tooFar: Too big: expected number to be <=1',
      ]],
      ['an unknown key', 'leadership:\n  - name: Dana Chen\nzone:\n  windw: 90d\n', ['.decision-orbit.yml:4: zone.windw: unknown key']],
      ['a leader listed twice', 'leadership:\n  - name: Dana Chen\n  - name: Dana Chen\n    role: CTO\n', ['.decision-orbit.yml:3: Dana Chen is listed twice in leadership (lines 2 and 3)']],
      ['one alias claimed by two leaders', 'leadership:\n  - name: Dana Chen\n    aliases: ["@dchen"]\n  - name: D. Chen\n    aliases: ["@DChen"]\n', [
        '.decision-orbit.yml:5: the alias "@DChen" of D. Chen is also claimed by Dana Chen (line 3): one identity can belong to one person only',
      ]],
    ];
    for (const [name, config, lines] of CASES) {
      it(name, async function () {
        const repo = await freshRepo({ '.decision-orbit.yml': config });
        const outcome = await untouched(repo, ['--json', ...WINDOW]);
        expectUsage(outcome, lines[0] ?? '');
        assert.deepEqual(outcome.stderr.split('\n').slice(0, lines.length), lines);
        assert.equal(outcome.stderr.split('\n')[lines.length], `decision-orbit: ${lines.length} problem${lines.length === 1 ? '' : 's'} in the config file .decision-orbit.yml; nothing was analysed.`);
      });
    }

    it('a config path that is a folder', async function () {
      const repo = await freshRepo();
      await mkdir(path.join(repo, '.decision-orbit.yml'));
      expectUsage(await untouched(repo, [...WINDOW]), '.decision-orbit.yml: is a folder, not a config file');
      await mkdir(path.join(repo, 'conf'));
      expectUsage(await untouched(repo, ['--config', 'conf']), 'conf: is a folder, not a config file');
    });
  });

  describe('an explicit --config may live anywhere', function () {
    it('reads a roster shared by many repositories from outside this one', async function () {
      const repo = await freshRepo();
      await mkdir(path.join(tmp, 'shared'), { recursive: true });
      const shared = path.join(tmp, 'shared', 'roster.yml');
      await writeFile(shared, GOOD_CONFIG);
      const outcome = await untouched(repo, ['--json', ...WINDOW, '--config', shared], [path.dirname(shared)]);
      assert.equal(outcome.code, 0, outcome.stderr);
      const report = JSON.parse(outcome.stdout) as Report;
      assert.deepEqual(report.leadership.map((l) => l.role), ['CTO']);
    });
  });

  describe('analysis errors: exit 1, one line saying what happened and what to do', function () {
    it('a PATH that does not exist', async function () {
      const repo = await freshRepo();
      const missing = path.join(tmp, 'no-such-folder');
      expectFailure(await untouched(repo, [missing]), `decision-orbit: ${missing} does not exist: give the folder of a git repository as PATH`);
    });

    it('a folder that is no repository', async function () {
      const folder = path.join(tmp, 'plain');
      await mkdir(folder, { recursive: true });
      expectFailure(await untouched(folder, []), `decision-orbit: ${folder} is not inside a git repository: open or name the working tree of a clone`);
    });

    it('a bare repository (not git\'s "must be run in a work tree")', async function () {
      const bare = path.join(tmp, 'bare.git');
      await runGit(tmp, ['clone', '--quiet', '--bare', base, bare]);
      expectFailure(await untouched(bare, []), `decision-orbit: ${bare} is a bare repository (or a .git folder) with no working tree to read records from: clone it and analyse the clone (git clone '${bare}')`);
    });

    it('git missing', async function () {
      const repo = await freshRepo();
      const savedPath = process.env.PATH;
      process.env.PATH = path.join(tmp, 'no-git-here');
      try {
        expectFailure(await untouched(repo, ['--no-cache']), 'decision-orbit: git was not found (looked for "git"): install git or set its path');
      } finally {
        process.env.PATH = savedPath;
      }
    });

    it('a repository owned by another user (dubious ownership)', async function () {
      if (process.getuid?.() !== 0) this.skip(); // giving a folder to another user takes root
      const repo = await freshRepo();
      const owner = await stat(repo);
      await chown(repo, 65534, 65534);
      try {
        expectFailure(await cli(repo, ['--no-cache']), `decision-orbit: git refuses to read ${repo}: the folder is owned by another user. If you trust it, run: git config --global --add safe.directory '${repo}'`);
      } finally {
        await chown(repo, owner.uid, owner.gid);
      }
    });

    it('missing objects', async function () {
      const repo = await freshRepo();
      const { stdout } = await runGit(repo, ['rev-parse', 'HEAD^{tree}']);
      const tree = stdout.trim();
      await rm(path.join(repo, '.git', 'objects', tree.slice(0, 2), tree.slice(2)));
      expectFailure(await untouched(repo, ['--no-cache']), `decision-orbit: the repository at ${repo} is missing objects (a partial clone or a damaged repository): run git fsck there to see what is missing, and fetch or clone it again`);
    });
  });

  describe('recovered, and said', function () {
    it('a damaged cache is rebuilt, in one line of the summary', async function () {
      const repo = await freshRepo();
      const cacheDir = path.join(tmp, 'cache', 'decision-orbit');
      await rm(cacheDir, { recursive: true, force: true });
      assert.equal((await cli(repo, [...WINDOW])).code, 0);
      const [file] = (await readdir(cacheDir)).filter((name) => name.endsWith('.json'));
      assert.ok(file);
      await writeFile(path.join(cacheDir, file), '{"version": 3, "commits": [[');
      const outcome = await untouched(repo, [...WINDOW]);
      assert.equal(outcome.code, 0, outcome.stderr);
      const lines = outcome.stdout.split('\n').filter((line) => line.includes('history cache'));
      assert.equal(lines.length, 1, outcome.stdout);
      assert.match(lines[0] ?? '', /The history cache was damaged \(.+\) and has been rebuilt from git\.$/);
      assert.ok((await lstat(path.join(cacheDir, file))).size > 40, 'written anew');
      assert.ok(!(await cli(repo, [...WINDOW])).stdout.includes('history cache'), 'and read back the next time');
    });

    it('a binary file in a record folder is skipped with one finding, not read as a Latin-1 record', async function () {
      const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0xfe]);
      const repo = await freshRepo({ 'docs/adr/0002-diagram.md': png });
      const outcome = await untouched(repo, ['--json', ...WINDOW]);
      assert.equal(outcome.code, 0, outcome.stderr);
      const report = JSON.parse(outcome.stdout) as Report;
      assert.deepEqual(report.decisions.filter((d) => d.source === 'adr').map((d) => d.path), ['docs/adr/0001-use-postgres.md']);
      assert.deepEqual(report.warnings.filter((w) => w.path === 'docs/adr/0002-diagram.md').map((w) => w.code), ['adr-not-text']);
    });
  });
});
