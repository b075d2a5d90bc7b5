// The report command, in-process through runCli and as the bundled `node dist/cli.js`.
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { runCli } from '../../src/cli/main';
import { reportSchema, type Report } from '../../src/core/model/report';
import { readReportPage } from './embedded-report';
import { sharedFixture, type CompanyRepo } from '../fixtures/company';
import { asTheMapCarriesIt } from '../fixtures/map-report';
import { cloneRepo, fixtureGitEnv } from '../fixtures/git';

const run = promisify(execFile);
const REPO_ROOT = path.join(__dirname, '../..');

interface Outcome { code: number; stdout: string; stderr: string }

describe('cli: decision-orbit report', function () {
  let company: CompanyRepo;
  let tmp: string;
  let env: NodeJS.ProcessEnv;

  async function cli(argv: string[], overrides: { stderrIsTty?: boolean; stdoutIsTty?: boolean; env?: NodeJS.ProcessEnv } = {}): Promise<Outcome> {
    let stdout = '';
    let stderr = '';
    const code = await runCli(argv, {
      cwd: company.root, stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; },
      stderrIsTty: overrides.stderrIsTty ?? false, stdoutIsTty: overrides.stdoutIsTty ?? false, env: overrides.env ?? env,
    });
    return { code, stdout, stderr };
  }

  const stable = (json: string): string => {
    const report = JSON.parse(json) as Report;
    return JSON.stringify({ ...report, repository: { ...report.repository, analyzedAt: '' } });
  };

  before(async function () {
    this.timeout(120000);
    // The HTML report inlines the map's bundle and the bundle tests run dist/cli.js: build them
    // from these sources, and let a failed build fail the suite rather than test stale bundles.
    await run(process.execPath, ['esbuild.js'], { cwd: REPO_ROOT });
    const fixture = await sharedFixture('company');
    assert.ok(fixture.company);
    company = fixture.company;
    tmp = await mkdtemp(path.join(tmpdir(), 'decision-orbit-cli-test-'));
    env = { ...fixtureGitEnv(), XDG_CACHE_HOME: path.join(tmp, 'cache') };
  });

  after(async function () {
    await rm(tmp, { recursive: true, force: true });
  });

  it('prints the same schema-valid JSON twice, the second time from the user cache dir', async function () {
    const first = await cli(['--json', '--since', '2026-04-04', '--until', '2026-10-01']);
    assert.equal(first.code, 0, first.stderr);
    assert.equal(first.stderr, '');
    const report = reportSchema.parse(JSON.parse(first.stdout));
    assert.equal(report.decisions.length, company.expected.length);
    assert.ok(existsSync(path.join(tmp, 'cache', 'decision-orbit')), 'history cached under XDG_CACHE_HOME/decision-orbit');
    const second = await cli(['--json', '--since', '2026-04-04', '--until', '2026-10-01']);
    assert.equal(stable(second.stdout), stable(first.stdout));
    const uncached = await cli([company.root, '--json', '--no-cache', '--since', '2026-04-04', '--until', '2026-10-01']);
    assert.equal(stable(uncached.stdout), stable(first.stdout));
  });

  it('prints the v1 shape with --schema v1: one decision per unit and kind, the v2 report otherwise', async function () {
    const window = ['--since', '2026-04-04', '--until', '2026-10-01'];
    const v2 = await cli(['--json', ...window]);
    const explicit = await cli(['--json', '--schema', 'v2', ...window]);
    assert.equal(stable(explicit.stdout), stable(v2.stdout));
    const v1 = await cli(['--json', '--schema', 'v1', ...window]);
    assert.equal(v1.code, 0, v1.stderr);
    const report = JSON.parse(v1.stdout) as { schema: string; decisions: Array<{ id: string; source: string; kind: string; counted?: unknown }> };
    assert.equal(report.schema, 'decision-orbit/v1');
    const git = report.decisions.filter((d) => d.source === 'git');
    assert.ok(git.length > 0);
    for (const decision of git) assert.ok(decision.id.endsWith(`:${decision.kind}`), decision.id);
    assert.ok(report.decisions.every((d) => d.counted === undefined), 'v1 has no counted');
  });

  it('prints a readable summary: verdict per leader, routed-around decisions with why, no colour off a terminal', async function () {
    const { code, stdout, stderr } = await cli(['--since', '2026-04-04', '--until', '2026-10-01']);
    assert.equal(code, 0, stderr);
    assert.match(stdout, /Leadership \(all\)\s+too few decisions\s+decided 25 % · consulted\/informed 38 % · around 38 % \(6 decisions\)/);
    assert.match(stdout, /Dana Chen \(CTO\)\s+too few decisions/);
    assert.match(stdout, /Arjun Patel \(Architect\)\s+too few decisions/);
    assert.match(stdout, /Idempotency keys \[payments\]\n\s+decided by Carol Diaz, Frank Osei; .*no leader decided, was consulted or informed/);
    assert.ok(!stdout.includes('\x1b['), 'no escape codes when stdout is no terminal');
    const coloured = await cli(['--since', '2026-04-04', '--until', '2026-10-01'], { stdoutIsTty: true });
    assert.ok(coloured.stdout.includes('\x1b['));
    const noColour = await cli(['--since', '2026-04-04', '--until', '2026-10-01'], { stdoutIsTty: true, env: { ...env, NO_COLOR: '1' } });
    assert.ok(!noColour.stdout.includes('\x1b['));
  });

  it('shows progress on stderr only when stderr is a terminal, and clears it', async function () {
    const quiet = await cli(['--md']);
    assert.equal(quiet.stderr, '');
    const shown = await cli(['--md'], { stderrIsTty: true });
    assert.match(shown.stderr, /Reading history/);
    assert.ok(shown.stderr.endsWith('\r\x1b[K'));
    assert.match(shown.stdout, /^# Decision Orbit report/);
    assert.match(shown.stdout, /\| Dana Chen \(CTO\) \| Goldilocks \|/);
  });

  it('writes the map as one self-contained page: strict CSP with a nonce, the same report as --json inside', async function () {
    const file = path.join(tmp, 'report.html');
    const { code, stdout } = await cli(['--html', file, '--since', '2026-04-04', '--until', '2026-10-01']);
    assert.equal(code, 0);
    assert.match(stdout, new RegExp(`HTML report written to ${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`));
    const page = readReportPage(await readFile(file, 'utf8'));
    const nonce = /script-src 'nonce-([A-Za-z0-9+/=]{22,})'/.exec(page.csp)?.[1];
    assert.ok(nonce, page.csp);
    assert.match(page.csp, /^default-src 'none'; /);
    assert.match(page.csp, new RegExp(`style-src 'nonce-${nonce.replace(/[+/=]/g, '\\$&')}'`));
    assert.match(page.csp, /connect-src 'none'/);
    assert.ok(!page.csp.includes('unsafe'), 'no unsafe-inline or unsafe-eval');
    for (const attributes of page.scripts) assert.ok(attributes.includes('type="application/json"') || attributes.includes(`nonce="${nonce}"`), attributes);
    const json = await cli(['--json', '--since', '2026-04-04', '--until', '2026-10-01']);
    // The same report less what the map never shows; the page's decoder may give the keys of a decision in another order.
    assert.deepStrictEqual(JSON.parse(stable(JSON.stringify(page.report))), JSON.parse(stable(JSON.stringify(asTheMapCarriesIt(reportSchema.parse(JSON.parse(json.stdout)))))));
    assert.ok(page.report.decisions.some((d) => d.title === 'Move payments to CQRS'));
    const again = readReportPage(await readFile(file, 'utf8'));
    assert.equal(again.csp, page.csp);
  });

  it('exits 2 with one line for bad usage', async function () {
    for (const argv of [['--bogus'], ['--json', '--md'], ['a', 'b'], ['--since', 'yesterday'], ['--html']]) {
      const { code, stderr, stdout } = await cli(argv);
      assert.equal(code, 2, argv.join(' '));
      assert.equal(stdout, '');
      assert.match(stderr, /^decision-orbit: [^\n]+\n(Run 'decision-orbit --help' for usage\.\n)?$/, argv.join(' '));
      assert.ok(stderr.includes("'decision-orbit --help'"), argv.join(' '));
    }
  });

  it('exits 1 with one clear line when the folder is no repository, 2 when the config named does not exist', async function () {
    const notRepo = await cli([tmp]);
    assert.equal(notRepo.code, 1);
    assert.match(notRepo.stderr, /^decision-orbit: [^\n]*not (inside )?a git repository[^\n]*\n$/);
    const missing = await cli([path.join(tmp, 'nope')]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /^decision-orbit: [^\n]+\n$/);
    const outside = await cli(['--config', path.join(tmp, 'x.yml')]);
    assert.equal(outside.code, 2);
    assert.equal(outside.stderr.split('\n')[0], `decision-orbit: --config ${path.join(tmp, 'x.yml')} does not exist`);
  });

  describe('the bundle: node dist/cli.js', function () {
    const bundled = async (args: string[], runEnv: NodeJS.ProcessEnv = env): Promise<Outcome> => {
      try {
        const { stdout, stderr } = await run(process.execPath, [path.join(REPO_ROOT, 'dist/cli.js'), ...args], { cwd: company.root, env: runEnv, maxBuffer: 64 * 1024 * 1024 });
        return { code: 0, stdout, stderr };
      } catch (error) {
        const e = error as { code: number; stdout: string; stderr: string };
        return { code: e.code, stdout: e.stdout, stderr: e.stderr };
      }
    };

    it('gives the same JSON twice and the same as in-process', async function () {
      const args = ['--json', '--since', '2026-04-04', '--until', '2026-10-01'];
      const [a, b, inProcess] = [await bundled(args), await bundled(args), await cli(args)];
      assert.equal(a.code, 0, a.stderr);
      // Nothing on stderr: V8 writes one there for a flag of v8-settings.ts it does not know.
      assert.equal(a.stderr, '');
      reportSchema.parse(JSON.parse(a.stdout));
      assert.equal(stable(a.stdout), stable(b.stdout));
      assert.equal(stable(a.stdout), stable(inProcess.stdout));
    });

    it('keeps the compiled engine after an analysis and starts from it, never from a damaged or foreign one', async function () {
      const cacheHome = await mkdtemp(path.join(tmp, 'code-'));
      const cacheDir = path.join(cacheHome, 'decision-orbit');
      const ownEnv = { ...env, XDG_CACHE_HOME: cacheHome };
      const codeFiles = async (): Promise<string[]> => (await readdir(cacheDir).catch(() => [])).filter((name) => name.startsWith('cli-code-'));
      const clone = await cloneRepo(company.root, path.join(cacheHome, 'clone'), { shared: true });
      const args = [clone.root, '--json', '--since', '2026-04-04', '--until', '2026-10-01'];
      assert.equal((await bundled(['--version'], ownEnv)).code, 0);
      assert.equal((await bundled([...args, '--no-cache'], ownEnv)).code, 0);
      assert.deepEqual(await codeFiles(), [], 'kept only after an analysis that may use the cache folder');

      const cold = await bundled(args, ownEnv);
      assert.equal(cold.code, 0, cold.stderr);
      const [name] = await codeFiles();
      assert.ok(name, 'an analysis keeps the compiled engine');
      // The launcher hands the engine the hash it took of the bundle: the build that marks kept results.
      const records = (await readdir(cacheDir)).find((file) => file.startsWith('records-'));
      assert.ok(records);
      const marked = JSON.parse(await readFile(path.join(cacheDir, records), 'utf8')) as { build: string };
      assert.equal(marked.build, createHash('sha256').update(await readFile(path.join(REPO_ROOT, 'dist/cli-engine.js'))).digest('hex').slice(0, 16));
      const file = path.join(cacheDir, name);
      // Code V8 did not take, or none, is compiled and kept anew: the same file after a run means it started from it.
      const startsFromKept = async (): Promise<void> => {
        const before = await stat(file);
        const warm = await bundled(args, ownEnv);
        assert.equal(warm.code, 0, warm.stderr);
        assert.equal(stable(warm.stdout), stable(cold.stdout));
        assert.equal((await stat(file)).ino, before.ino, 'the kept code was used, not made again');
      };
      await startsFromKept();

      const whole = await readFile(file);
      const damaged = Buffer.from(whole);
      damaged.writeUInt8(damaged.readUInt8(damaged.length - 1) ^ 1, damaged.length - 1);
      await writeFile(file, damaged, { mode: 0o600 });
      const fromDamaged = await bundled(args, ownEnv);
      assert.equal(stable(fromDamaged.stdout), stable(cold.stdout));
      assert.notDeepEqual(await readFile(file), damaged, 'a damaged file is replaced');
      await startsFromKept();

      // A file V8 itself refuses (this engine's header, a right checksum, content not V8's): compiled again and replaced.
      const [magic, engine] = whole.subarray(0, 256).toString('latin1').split('\n');
      const foreign = Buffer.from('not code V8 made'.repeat(64));
      const refused = Buffer.concat([Buffer.from(`${magic}\n${engine}\n${createHash('sha256').update(foreign).digest('hex')}\n`, 'latin1'), foreign]);
      await writeFile(file, refused, { mode: 0o600 });
      const fromForeign = await bundled(args, ownEnv);
      assert.equal(fromForeign.code, 0, fromForeign.stderr);
      assert.equal(stable(fromForeign.stdout), stable(cold.stdout));
      assert.notDeepEqual(await readFile(file), refused, 'refused code is replaced');
      await startsFromKept();

      // A re-run after one commit, from the kept code and the kept results, gives what a run that keeps nothing gives.
      await clone.commit({ author: { name: 'New Author', email: 'new.author@example.com' }, date: '2026-09-20T10:00:00Z', message: 'Tidy the notes', files: { 'notes.txt': 'tidied\n' } });
      const before = await stat(file);
      const rerun = await bundled(args, ownEnv);
      assert.equal(rerun.code, 0, rerun.stderr);
      assert.equal((await stat(file)).ino, before.ino, 'the re-run started from the kept code');
      const uncached = await bundled([...args, '--no-cache'], ownEnv);
      assert.equal(stable(rerun.stdout), stable(uncached.stdout));
      assert.notEqual(stable(rerun.stdout), stable(cold.stdout), 'the new commit is in the report');
    });

    it('starts a first run from the code the build kept beside the engine, when no one else may change it', async function () {
      this.timeout(120000);
      const dist = await mkdtemp(path.join(tmp, 'dist-'));
      for (const name of ['cli.js', 'cli-engine.js']) await writeFile(path.join(dist, name), await readFile(path.join(REPO_ROOT, 'dist', name)));
      // A code cache of an earlier build: training replaces it.
      const earlier = path.join(dist, 'cli-code-0123456789abcdef.bin');
      await writeFile(earlier, 'old');
      const script = pathToFileURL(path.join(REPO_ROOT, 'scripts/train-code-cache.mjs')).href;
      const trained = await run(process.execPath, ['--input-type=module', '-e', `import { trainCodeCache } from ${JSON.stringify(script)}; process.stdout.write(String(trainCodeCache(${JSON.stringify(dist)}, ${JSON.stringify(company.root)})));`], { env });
      assert.equal(trained.stdout, 'null', 'training kept a code cache');
      const built = (await readdir(dist)).filter((name) => name.startsWith('cli-code-'));
      assert.equal(built.length, 1);
      assert.notEqual(built[0], path.basename(earlier));
      const builtFile = path.join(dist, built[0] ?? '');
      assert.equal((await stat(builtFile)).mode & 0o777, 0o644);

      const firstRun = async (): Promise<{ outcome: Outcome; kept: string[] }> => {
        const cacheHome = await mkdtemp(path.join(tmp, 'first-'));
        const args = [path.join(dist, 'cli.js'), '--json', '--since', '2026-04-04', '--until', '2026-10-01'];
        const { stdout, stderr } = await run(process.execPath, args, { cwd: company.root, env: { ...env, XDG_CACHE_HOME: cacheHome }, maxBuffer: 64 * 1024 * 1024 });
        const kept = (await readdir(path.join(cacheHome, 'decision-orbit'))).filter((name) => name.startsWith('cli-code-'));
        return { outcome: { code: 0, stdout, stderr }, kept };
      };
      const fromBuilt = await firstRun();
      assert.deepEqual(fromBuilt.kept, [], 'the engine was not compiled anew: the build\'s code served');
      assert.equal(stable(fromBuilt.outcome.stdout), stable((await bundled(['--json', '--since', '2026-04-04', '--until', '2026-10-01', '--no-cache'])).stdout));

      // Code others may change is compiled from source instead, and the user's own kept.
      await chmod(builtFile, 0o664);
      const fromSource = await firstRun();
      assert.equal(fromSource.kept.length, 1, 'a build cache others may write is not used');
      assert.equal(stable(fromSource.outcome.stdout), stable(fromBuilt.outcome.stdout));
    });

    it('ends quietly when its reader stops early, as `| head` does', async function () {
      const child = spawn(process.execPath, [path.join(REPO_ROOT, 'dist/cli.js'), '--json'], { cwd: company.root, env, stdio: ['ignore', 'pipe', 'pipe'] });
      // Closing our end before the report is written makes every write of the child fail with EPIPE.
      child.stdout.destroy();
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
      const [code] = (await once(child, 'close')) as [number | null];
      assert.equal(stderr, '');
      assert.equal(code, 0);
    });

    it('exits 2 on a bad flag and 1 outside a repository', async function () {
      assert.equal((await bundled(['--nope'])).code, 2);
      const notRepo = await bundled([tmp]);
      assert.equal(notRepo.code, 1);
      assert.equal(notRepo.stderr.trim().split('\n').length, 1);
    });
  });
});
