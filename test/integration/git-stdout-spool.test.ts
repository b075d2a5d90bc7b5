// The history pass's git writes into a temporary file read behind it (ADR 0026):
// git finishes while node is busy, every byte arrives in order, and no file is left.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { GitError, openStdoutSpool, runGit } from '../../src/core/git';
import { createRepo, fixtureGitEnv } from '../fixtures/git';
import { testTempDir } from '../support/temp-dir';

const OUTPUT_BYTES = 8 << 20;

/** Blocks this thread, as a long parse or a garbage collection does. */
function busyFor(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** A process writing `OUTPUT_BYTES` of numbered lines to `fd`, then a marker file once its last write returned. */
function writer(fd: number, marker: string): Promise<number | null> {
  const script = `const lines = []; for (let i = 0; lines.length * 16 < ${OUTPUT_BYTES}; i++) lines.push(String(i).padStart(15, '0') + '\\n');
process.stdout.write(lines.join(''), () => require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'done'));`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', fd, 'inherit'] });
  return new Promise((resolve) => child.on('exit', resolve));
}

describe('git stdout spooled to a temporary file', () => {
  const dir = testTempDir('spool');

  it('lets the writer finish while the reader is busy, and hands over every byte in order', async () => {
    const folder = path.join(dir(), 'tmp');
    await import('node:fs/promises').then((fs) => fs.mkdir(folder));
    const marker = path.join(dir(), 'writer-done');
    const spool = openStdoutSpool(folder);
    assert.ok(spool, 'a spool in a writable folder');
    const exited = writer(spool.gitFd, marker);
    spool.started();
    void exited.then(() => spool.ended());
    const chunks: Buffer[] = [];
    let markerSeenWhileBusy: boolean | undefined;
    await spool.drain((chunk) => {
      if (markerSeenWhileBusy === undefined) {
        // Through a pipe the writer would wait for this reader; into the file it finishes.
        for (let waited = 0; waited < 5000 && !existsSync(marker); waited += 50) busyFor(50);
        markerSeenWhileBusy = existsSync(marker);
      }
      chunks.push(Buffer.from(chunk));
    }, () => false);
    assert.equal(await exited, 0);
    assert.equal(markerSeenWhileBusy, true, 'the writer finished while the reader was blocked');
    const text = Buffer.concat(chunks).toString('utf8');
    const lines = text.split('\n').slice(0, -1);
    assert.equal(text.length, lines.length * 16);
    assert.ok(text.length >= OUTPUT_BYTES);
    lines.forEach((line, index) => assert.equal(line, String(index).padStart(15, '0')));
    assert.deepEqual(await readdir(folder), [], 'the file has no name left in its folder');
  });

  it('keeps no name for the file in its folder while the writer runs', async () => {
    const spool = openStdoutSpool(dir());
    assert.ok(spool);
    try {
      if (process.platform !== 'win32') assert.deepEqual(await readdir(dir()), []);
    } finally {
      spool.discard();
    }
    assert.deepEqual(await readdir(dir()), []);
  });

  it('gives no spool where no file can be made (runGit then reads a pipe)', async () => {
    assert.equal(openStdoutSpool(path.join(dir(), 'missing', 'folder')), undefined);
  });

  describe('through runGit', () => {
    const repoDir = testTempDir('spool-repo');

    async function repoWithCommits(count: number): Promise<string> {
      const repo = await createRepo(repoDir());
      for (let index = 0; index < count; index += 1) {
        await repo.commit({ author: { name: 'Ada Abe', email: 'ada@example.com' }, date: `2026-01-${String(index + 1).padStart(2, '0')}T10:00:00Z`, message: `Commit ${index}`, files: { [`notes/${index}.txt`]: `note ${index}\n` } });
      }
      return repo.root;
    }

    it('gives the same bytes as a pipe', async () => {
      const root = await repoWithCommits(5);
      const read = async (spoolStdout: boolean): Promise<string> => {
        const chunks: Buffer[] = [];
        await runGit(['log', '--raw', '--format=%H %an %s'], { cwd: root, env: fixtureGitEnv(), spoolStdout, onStdout: (chunk) => chunks.push(Buffer.from(chunk)) });
        return Buffer.concat(chunks).toString('utf8');
      };
      const piped = await read(false);
      assert.match(piped, /Commit 4/);
      assert.equal(await read(true), piped);
    });

    it('stops at once when cancelled mid-stream, and when the reader throws', async () => {
      const root = await repoWithCommits(3);
      const controller = new AbortController();
      await assert.rejects(
        runGit(['log', '--format=%H'], { cwd: root, env: fixtureGitEnv(), signal: controller.signal, spoolStdout: true, onStdout: () => controller.abort() }),
        (error: unknown) => error instanceof GitError && error.code === 'Cancelled',
      );
      await assert.rejects(
        runGit(['log', '--format=%H'], { cwd: root, env: fixtureGitEnv(), spoolStdout: true, onStdout: () => { throw new Error('the parser gave up'); } }),
        /the parser gave up/,
      );
    });
  });
});
