// `decision-orbit tag` on files in a plain folder: bytes outside the field survive (BOM, CRLF).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CliIo } from '../../../src/cli/io';
import { runCli } from '../../../src/cli/main';
import { tempTree, type TempTree } from './temp-repo';

function io(cwd: string): CliIo & { err: string[] } {
  const err: string[] = [];
  return { cwd, stdout: () => undefined, stderr: (t) => err.push(t), stderrIsTty: false, env: {}, err };
}

describe('decision-orbit tag', () => {
  let tree: TempTree;
  afterEach(() => tree.remove());

  it('keeps the byte-order mark and CRLF of a log4brains record', async () => {
    const text = '\uFEFF# Use Nx\r\n\r\n- Status: draft\r\n- Date: 2024-01-05\r\n\r\n## Context\r\n';
    tree = tempTree({ 'adr/20240105-use-nx.md': text });
    assert.equal(await runCli(['tag', 'adr/20240105-use-nx.md', '--decision-makers', 'Ann, Ben', '--status', 'accepted'], io(tree.root)), 0);
    const bytes = readFileSync(path.join(tree.root, 'adr/20240105-use-nx.md'));
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.equal(bytes.toString('utf8'), text.replace('- Status: draft', '- Status: accepted').replace('- Date: 2024-01-05\r\n', '- Date: 2024-01-05\r\n- Deciders: Ann, Ben\r\n'));
  });

  it('refuses a Latin-1 file and malformed front matter without touching them', async () => {
    tree = tempTree({ 'a.md': Buffer.from('# Caf\xe9\n\n* Status: accepted\n', 'latin1'), 'b.md': '---\nstatus: [x\n---\n# B\n' });
    for (const file of ['a.md', 'b.md']) {
      const before = readFileSync(path.join(tree.root, file));
      const cli = io(tree.root);
      assert.equal(await runCli(['tag', file, '--status', 'deprecated'], cli), 1);
      assert.match(cli.err.join(''), file === 'a.md' ? /UTF-8/ : /not valid YAML/);
      assert.deepEqual(readFileSync(path.join(tree.root, file)), before);
    }
  });
});
