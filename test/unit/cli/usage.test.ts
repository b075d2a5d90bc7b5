import assert from 'node:assert/strict';
import { runCli } from '../../../src/cli/main';
import type { CliIo } from '../../../src/cli/io';

function captureIo(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { cwd: process.cwd(), stdout: (t) => out.push(t), stderr: (t) => err.push(t), stderrIsTty: false, env: {}, out, err };
}

describe('cli usage', () => {
  it('prints the package version', async () => {
    const io = captureIo();
    assert.equal(await runCli(['--version'], io), 0);
    assert.match(io.out.join(''), /^\d+\.\d+\.\d+\n$/);
  });

  it('prints help naming every format flag', async () => {
    const io = captureIo();
    assert.equal(await runCli(['--help'], io), 0);
    for (const flag of ['--json', '--schema v1', '--md', '--html', '--since', '--until', '--config']) assert.ok(io.out.join('').includes(flag), flag);
  });

  it('prints help for --help anywhere before --, as the report options or a subcommand\'s', async () => {
    for (const argv of [['some/repo', '--help'], ['tag', 'x.md', '-h']]) {
      const io = captureIo();
      assert.equal(await runCli(argv, io), 0, argv.join(' '));
      assert.match(io.out.join(''), /^decision-orbit \d/);
    }
  });

  it('refuses options in its own words, naming the option: unknown, missing value, a value where none goes', async () => {
    const cases: Array<[string[], string]> = [
      [['--frobnicate'], "decision-orbit: unknown option --frobnicate; 'decision-orbit --help' lists the options\n"],
      [['-x'], "decision-orbit: unknown option -x; 'decision-orbit --help' lists the options\n"],
      [['--html'], "decision-orbit: --html needs a value\nRun 'decision-orbit --help' for usage.\n"],
      [['--md=yes'], "decision-orbit: --md takes no value\nRun 'decision-orbit --help' for usage.\n"],
    ];
    for (const [argv, stderr] of cases) {
      const io = captureIo();
      assert.equal(await runCli(argv, io), 2, argv.join(' '));
      assert.equal(io.err.join(''), stderr);
      assert.doesNotMatch(io.err.join(''), /To specify|positional argument/, 'none of Node\'s parser text');
    }
  });

  it('exits 2 for a schema it does not know, or --schema without --json, before any work', async () => {
    const cases: Array<[string[], string]> = [
      [['--json', '--schema', 'v3'], 'decision-orbit: --schema expects one of v2, v1, not "v3"\n'],
      [['--md', '--schema', 'v1'], 'decision-orbit: --schema applies to --json only\n'],
    ];
    for (const [argv, first] of cases) {
      const io = captureIo();
      assert.equal(await runCli([...argv, '/nonexistent-decision-orbit-path'], io), 2, argv.join(' '));
      assert.ok(io.err.join('').startsWith(first), io.err.join(''));
      assert.deepEqual(io.out, []);
    }
  });
});
