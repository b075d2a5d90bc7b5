// Signal files read while the history streams (early-facts.ts): the versions an
// assessment reads by id, and no other, go to the analysis' one cat-file as the
// log names them; an analysis that stops (cancelled, or git failing) stops that
// cat-file too.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { chmod, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { analyzeRepository } from '../../src/core/analyze';
import { BlobReader, readHistory, type BlobContent, type BlobRequest } from '../../src/core/git';
import { historyScope } from '../../src/core/analysis/history-scope';
import { EarlyBlobFacts } from '../../src/core/signals/structural/early-facts';
import { createPathClassifier } from '../../src/core/signals/rules';
import { blobId, createRepo, fixtureGitEnv, type FixtureRepo, type Identity } from '../fixtures/git';
import { suiteTempDir } from '../support/temp-dir';

const GIT_ENV = fixtureGitEnv();
const ADA: Identity = { name: 'Ada Abe', email: 'ada@example.com' };
const manifest = (version: string): string => `{ "name": "app", "dependencies": { "kafkajs": "${version}" } }\n`;

/** A BlobReader that notes every id it is asked for, then reads as the real one does. */
class NotingReader extends BlobReader {
  readonly ids: string[] = [];

  override stream(requests: readonly BlobRequest[], onBlob: (index: number, blob: BlobContent) => void): Promise<void> {
    for (const request of requests) if ('id' in request) this.ids.push(request.id);
    return super.stream(requests, onBlob);
  }
}

/**
 * A git that notes each process' id and command line; with `log`, `tail` runs in
 * the same process after git's log has written everything: `exec sleep 60` keeps
 * the pass open until it is killed, `exit 3` fails it.
 */
async function holdingGit(dir: string, tail: string): Promise<{ gitPath: string; catFilePid: () => number | null }> {
  const file = path.join(dir, `processes-${tail.replace(/\W/g, '')}.txt`);
  const gitPath = path.join(dir, `holding-git-${tail.replace(/\W/g, '')}`);
  await writeFile(file, '');
  await writeFile(gitPath, `#!/bin/sh\nprintf '%s %s\\n' "$$" "$*" >> '${file}'\ncase " $* " in\n  *" log "*) git "$@"; ${tail} ;;\n  *) exec git "$@" ;;\nesac\n`);
  await chmod(gitPath, 0o755);
  const catFilePid = (): number | null => {
    const line = readFileSync(file, 'utf8').split('\n').find((entry) => / cat-file /.test(entry));
    return line ? Number(line.split(' ')[0]) : null;
  };
  return { gitPath, catFilePid };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Resolves once `check` holds, polling; fails after `ms`. */
async function until(check: () => boolean, what: string, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) assert.fail(`waited ${ms} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('structural signals read while the history streams', function () {
  const tmp = suiteTempDir('early-facts');
  let repo: FixtureRepo;

  before(async function () {
    repo = await createRepo(path.join(tmp(), 'repo'));
    await repo.commit({ author: ADA, date: '2026-01-05T10:00:00Z', message: 'Add the app', files: { 'package.json': manifest('1.0.0'), 'README.md': 'app\n' } });
    await repo.checkoutNew('feature');
    await repo.commit({ author: ADA, date: '2026-01-06T10:00:00Z', message: 'Try kafkajs 2 on node 18', files: { 'package.json': manifest('2.0.0'), Dockerfile: 'FROM node:18\n' } });
    await repo.commit({ author: ADA, date: '2026-01-07T10:00:00Z', message: 'Settle on kafkajs 3 and node 20', files: { 'package.json': manifest('3.0.0'), Dockerfile: 'FROM node:20\n' } });
    await repo.checkout('main');
    await repo.mergePullRequest({ number: 4, branch: 'feature', merger: ADA, date: '2026-01-08T10:00:00Z' });
    await repo.commit({ author: ADA, date: '2026-01-09T10:00:00Z', message: 'Bump kafkajs', files: { 'package.json': manifest('4.0.0') } });
    await repo.commit({ author: ADA, date: '2026-01-10T10:00:00Z', message: 'Edit the readme', files: { 'README.md': 'the app\n' } });
  });

  it("reads both sides of the first-parent line's lone commits and a merge's new side as the log names them, never a branch's older versions", async function () {
    const reader = new NotingReader(repo.root, { env: GIT_ENV });
    const signals = {};
    const early = new EarlyBlobFacts(await repo.revParse('HEAD'), createPathClassifier(signals), reader);
    try {
      await readHistory(repo.root, { env: GIT_ENV }, { scope: historyScope(signals, []), onCommit: (commit) => early.commit(commit) });
      early.end();
      // Every name was sent while the pass streamed: the merge's new sides are the branch's newest versions.
      const read = [manifest('1.0.0'), manifest('3.0.0'), 'FROM node:20\n', manifest('4.0.0')].map(blobId);
      assert.deepEqual(new Set(reader.ids), new Set(read));
      assert.equal(reader.ids.length, read.length, "each version once: the merge's new side is the bump's old side");
    } finally {
      await reader.close();
    }
  });

  it('asks cat-file once for a version read early: the assessment finds its facts and does not read it again', async function () {
    const inputs = path.join(tmp(), 'cat-file-input.txt');
    const gitPath = path.join(tmp(), 'teeing-git');
    await writeFile(inputs, '');
    await writeFile(gitPath, `#!/bin/sh\ncase " $* " in\n  *" cat-file "*) tee -a '${inputs}' | git "$@" ;;\n  *) exec git "$@" ;;\nesac\n`);
    await chmod(gitPath, 0o755);
    const report = await analyzeRepository({ env: GIT_ENV, root: repo.root, gitPath });
    assert.ok(report.decisions.some((decision) => decision.kind === 'dependency'), 'the manifests were compared');
    const names = readFileSync(inputs, 'utf8').split('\n').filter((name) => name !== '' && !name.endsWith('.md'));
    assert.ok(names.includes(blobId(manifest('4.0.0'))), 'the bump was read by id');
    assert.deepEqual(names.filter((name, index) => names.indexOf(name) !== index), [], 'no name is asked twice');
  });

  it('stops the cat-file it started when the analysis is cancelled while git still streams', async function () {
    const git = await holdingGit(tmp(), 'exec sleep 60');
    const controller = new AbortController();
    const analysis = analyzeRepository({ env: GIT_ENV, root: repo.root, gitPath: git.gitPath, signal: controller.signal });
    analysis.catch(() => undefined);
    await until(() => git.catFilePid() !== null, 'the early cat-file to start');
    const pid = git.catFilePid() as number;
    assert.ok(alive(pid), 'cat-file runs while the log is still open');
    controller.abort();
    await assert.rejects(analysis, /cancelled/);
    await until(() => !alive(pid), `cat-file (pid ${pid}) to exit`);
  });

  it('stops the cat-file it started when the history pass fails', async function () {
    const git = await holdingGit(tmp(), 'exit 3');
    await assert.rejects(analyzeRepository({ env: GIT_ENV, root: repo.root, gitPath: git.gitPath }));
    const pid = git.catFilePid();
    assert.ok(pid !== null, 'cat-file was started while the log streamed');
    await until(() => !alive(pid), `cat-file (pid ${pid}) to exit`);
  });
});
