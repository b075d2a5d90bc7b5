// Signal files read while the history pass runs (early-facts.ts, ADR 0028): the
// sides an assessment reads go to the analysis' one cat-file as the log names them,
// the assessment finds their facts and does not read them again, its findings are
// those it makes without them, and an analysis that stops (cancelled, or git
// failing) stops that cat-file too.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { chmod, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { analyzeRepository } from '../../src/core/analyze';
import { historyScope } from '../../src/core/analysis/history-scope';
import { BlobReader, blobRequestKey, readHistory, type BlobContent, type BlobRequest } from '../../src/core/git';
import { detectSignals } from '../../src/core/signals/detect';
import { createPathClassifier } from '../../src/core/signals/rules';
import { StructuralAssessor } from '../../src/core/signals/structural/assess';
import { EarlyBlobFacts } from '../../src/core/signals/structural/early-facts';
import { indexHistory } from '../../src/core/analysis/history-index';
import { blobId, createRepo, fixtureGitEnv, type FixtureRepo, type Identity } from '../fixtures/git';
import { suiteTempDir } from '../support/temp-dir';

const GIT_ENV = fixtureGitEnv();
const ADA: Identity = { name: 'Ada Abe', email: 'ada@example.com' };
const manifest = (version: string): string => `{ "name": "app", "dependencies": { "kafkajs": "${version}" } }\n`;

/** A BlobReader that notes every name it is asked for, then reads as the real one does. */
class NotingReader extends BlobReader {
  readonly names: string[] = [];

  override stream(requests: readonly BlobRequest[], onBlob: (index: number, blob: BlobContent) => void): Promise<void> {
    for (const request of requests) this.names.push(blobRequestKey(request));
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

describe('structural signals read while the history pass runs', function () {
  const tmp = suiteTempDir('early-facts');
  let repo: FixtureRepo;
  let merge: string;

  before(async function () {
    repo = await createRepo(path.join(tmp(), 'repo'));
    await repo.commit({ author: ADA, date: '2026-01-05T10:00:00Z', message: 'Add the app', files: { 'package.json': manifest('1.0.0'), 'README.md': 'app\n' } });
    await repo.checkoutNew('feature');
    await repo.commit({ author: ADA, date: '2026-01-06T10:00:00Z', message: 'Try kafkajs 2 on node 18', files: { 'package.json': manifest('2.0.0'), Dockerfile: 'FROM node:18\n' } });
    await repo.commit({ author: ADA, date: '2026-01-07T10:00:00Z', message: 'Settle on kafkajs 3 and node 20', files: { 'package.json': manifest('3.0.0'), Dockerfile: 'FROM node:20\n' } });
    await repo.checkout('main');
    merge = await repo.mergePullRequest({ number: 4, branch: 'feature', merger: ADA, date: '2026-01-08T10:00:00Z' });
    await repo.commit({ author: ADA, date: '2026-01-09T10:00:00Z', message: 'Bump kafkajs', files: { 'package.json': manifest('4.0.0') } });
    await repo.commit({ author: ADA, date: '2026-01-10T10:00:00Z', message: '[maven-release-plugin] prepare release app-4.0.1', files: { 'package.json': manifest('4.0.1') } });
    await repo.commit({ author: ADA, date: '2026-01-11T10:00:00Z', message: 'Edit the readme', files: { 'README.md': 'the app\n' } });
  });

  it("asks for both sides of the first-parent line's lone commits by id and of a merge's files by path, never a branch's own versions", async function () {
    const reader = new NotingReader(repo.root, { env: GIT_ENV });
    const signals = {};
    const early = new EarlyBlobFacts(await repo.revParse('HEAD'), createPathClassifier(signals), reader);
    try {
      await readHistory(repo.root, { env: GIT_ENV }, { scope: historyScope(signals, []), onCommit: (commit) => early.commit(commit) });
      early.end();
      await early.settled();
      const expected = [
        blobId(manifest('1.0.0')),
        `${merge}^1:package.json`, `${merge}:package.json`, `${merge}^1:Dockerfile`, `${merge}:Dockerfile`,
        blobId(manifest('3.0.0')), blobId(manifest('4.0.0')),
      ];
      assert.deepEqual(new Set(reader.names), new Set(expected), "neither the branch's versions nor the release tool's commit");
      assert.equal(reader.names.length, expected.length, 'each name once');
      assert.equal(early.idOf(merge, 'package.json'), blobId(manifest('3.0.0')), "a merge's side named by path is known by its id after");
      assert.equal(early.idOf(`${merge}^1`, 'package.json'), blobId(manifest('1.0.0')));
      assert.equal(early.idOf(`${merge}^1`, 'Dockerfile'), undefined, 'the Dockerfile the branch added is missing at its first parent');
    } finally {
      early.stop();
      await reader.close();
    }
  });

  it('gives the assessment the findings it makes without reading early, and asks cat-file for none of the sides it read', async function () {
    const env = { env: GIT_ENV };
    const signals = {};
    const { history } = await readHistory(repo.root, env, { scope: historyScope(signals, []) });
    const groups = detectSignals(history, { signals, packageGlobs: [], adrPaths: new Set() }, indexHistory(history));
    const plainReader = new NotingReader(repo.root, env);
    const plain = await new StructuralAssessor().assess(groups, history, repo.root, plainReader).finally(() => plainReader.close());

    const reader = new NotingReader(repo.root, env);
    const early = new EarlyBlobFacts(history.head ?? undefined, createPathClassifier(signals), reader);
    try {
      await readHistory(repo.root, env, { scope: historyScope(signals, []), onCommit: (commit) => early.commit(commit) });
      early.end();
      await early.settled();
      const readEarly = reader.names.length;
      const assessed = await new StructuralAssessor().assess(groups, history, repo.root, reader, early);
      assert.deepEqual([...assessed.values()], [...plain.values()]);
      assert.ok([...plain.values()].some((assessment) => assessment.findings.some((finding) => finding.what === 'added kafkajs')), 'the manifests were compared');
      assert.deepEqual(reader.names.slice(readEarly), [], 'every side the assessment needs was read early');
      assert.ok(plainReader.names.length > 0, 'without early reading the assessment reads the sides itself');
    } finally {
      early.stop();
      await reader.close();
    }
  });

  it('asks cat-file once for each name in a whole analysis', async function () {
    const inputs = path.join(tmp(), 'cat-file-input.txt');
    const gitPath = path.join(tmp(), 'teeing-git');
    await writeFile(inputs, '');
    await writeFile(gitPath, `#!/bin/sh\ncase " $* " in\n  *" cat-file "*) tee -a '${inputs}' | git "$@" ;;\n  *) exec git "$@" ;;\nesac\n`);
    await chmod(gitPath, 0o755);
    const report = await analyzeRepository({ env: GIT_ENV, root: repo.root, gitPath });
    assert.ok(report.decisions.some((decision) => decision.kind === 'dependency'), 'the manifests were compared');
    const names = readFileSync(inputs, 'utf8').split('\n').filter((name) => name !== '');
    assert.ok(names.includes(blobId(manifest('4.0.0'))), 'the bump was read by id');
    assert.deepEqual(names.filter((name, index) => names.indexOf(name) !== index), [], 'no name is asked twice');
  });

  it('stops the cat-file it started when the analysis is cancelled while git still runs', async function () {
    const git = await holdingGit(tmp(), 'exec sleep 60');
    const controller = new AbortController();
    const analysis = analyzeRepository({ env: GIT_ENV, root: repo.root, gitPath: git.gitPath, signal: controller.signal });
    analysis.catch(() => undefined);
    await until(() => git.catFilePid() !== null, 'the early cat-file to start');
    const pid = git.catFilePid() as number;
    assert.ok(alive(pid), 'cat-file runs while the log is still open');
    controller.abort();
    await assert.rejects(analysis, /cancelled/i);
    await until(() => !alive(pid), `cat-file (pid ${pid}) to exit`);
  });

  it('stops the cat-file it started when the history pass fails', async function () {
    const git = await holdingGit(tmp(), 'exit 3');
    await assert.rejects(analyzeRepository({ env: GIT_ENV, root: repo.root, gitPath: git.gitPath }));
    const pid = git.catFilePid();
    assert.ok(pid !== null, 'cat-file was started while the log ran');
    await until(() => !alive(pid), `cat-file (pid ${pid}) to exit`);
  });
});
