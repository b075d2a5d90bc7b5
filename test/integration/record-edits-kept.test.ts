// What later commits changed in records, kept in the CLI's cache folder: a re-run
// after one commit reads only that commit's versions of a record (by id while the log
// runs, or by name after it), never the older edits again, and reports what a run without the cache does; a damaged or
// foreign file is no file.
import assert from 'node:assert/strict';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { analyzeRepository } from '../../src/core/analyze';
import type { Report } from '../../src/core/model/report';
import { buildCompanyRepo, type CompanyRepo } from '../fixtures/company';
import { DANA } from '../fixtures/company-people';
import { fixtureGitEnv, openRepo } from '../fixtures/git';
import { catFileRecordingGit, markdownVersions } from '../fixtures/recording-git';
import { suiteTempDir } from '../support/temp-dir';

const GIT_ENV = fixtureGitEnv();
const RECORD = 'docs/adr/0003-use-feature-flags-service.md';

function stable(report: Report): string {
  return JSON.stringify({ ...report, repository: { ...report.repository, analyzedAt: '' } });
}

describe('analysis: record edits kept in the cache folder', function () {
  const tmp = suiteTempDir('record-edits-kept');
  let company: CompanyRepo;

  before(async function () {
    company = await buildCompanyRepo(path.join(tmp(), 'company'));
  });

  it("reads only the new edit's versions on a re-run, and reads them all again when the file is damaged", async function () {
    const git = await catFileRecordingGit(tmp());
    const cacheDir = path.join(tmp(), 'cli-cache');
    const analyse = (withCache = true): Promise<Report> => analyzeRepository({ env: GIT_ENV, root: company.root, now: company.now, gitPath: git.gitPath, ...(withCache ? { cacheDir } : {}) });
    await analyse();
    const edits = markdownVersions(company.root, GIT_ENV, await git.asked());
    assert.ok(edits.size >= 3, `the first run reads both sides of the records' later edits (${edits.size} versions)`);
    const file = (await readdir(cacheDir)).find((name) => name.startsWith('record-edits-'));
    assert.ok(file, 'the classifications are kept in the cache folder');

    const text = await readFile(path.join(company.root, RECORD), 'utf8');
    const edited = `${text}\nA later note on rollout.\n`;
    const sha = await openRepo(company.root).commit({ author: DANA, date: '2026-09-26T10:00:00Z', message: 'Note on ADR 0003', files: { [RECORD]: edited } });
    await git.forget();
    const rerun = await analyse();
    const newEdit = markdownVersions(company.root, GIT_ENV, [`${sha}^1:${RECORD}`, `${sha}:${RECORD}`]);
    assert.equal(newEdit.size, 2);
    assert.deepEqual(markdownVersions(company.root, GIT_ENV, await git.asked()), newEdit, "only the new edit's two versions");
    assert.equal(stable(rerun), stable(await analyse(false)));

    for (const damage of ['{"version": 1, "edits": [[', JSON.stringify({ version: 1, build: 'another', root: company.root, edits: [] })]) {
      await writeFile(path.join(cacheDir, file), damage);
      await git.forget();
      const rebuilt = await analyse();
      assert.deepEqual(markdownVersions(company.root, GIT_ENV, await git.asked()), new Set([...edits, ...newEdit]), 'every edit is read again');
      assert.equal(stable(rebuilt), stable(rerun));
    }
  });
});
