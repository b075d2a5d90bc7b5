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
    for (const flag of ['--json', '--md', '--html', '--since', '--until', '--config']) assert.ok(io.out.join('').includes(flag), flag);
  });
});
