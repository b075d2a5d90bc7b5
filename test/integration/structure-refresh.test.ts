// The structural comparison of signal files kept between refreshes (the
// extension's AnalysisCache in memory, the CLI's cache folder on disk): after one
// new commit, git is asked for that commit's blobs only, and the report is the
// one a fresh analysis gives.
import assert from 'node:assert/strict';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AnalysisCache } from '../../src/core/analysis-cache';
import { analyzeRepository } from '../../src/core/analyze';
import type { Report } from '../../src/core/model/report';
import { buildCompanyRepo, type CompanyRepo } from '../fixtures/company';
import { DANA } from '../fixtures/company-people';
import { blobId, fixtureGitEnv, openRepo } from '../fixtures/git';
import { catFileRecordingGit as recordingGit, markdownVersions } from '../fixtures/recording-git';
import { suiteTempDir } from '../support/temp-dir';

const GIT_ENV = fixtureGitEnv();

function stable(report: Report): string {
  return JSON.stringify({ ...report, repository: { ...report.repository, analyzedAt: '' } });
}

describe('analysis: structural signals kept between refreshes', function () {
  const tmp = suiteTempDir('structure-refresh');
  let company: CompanyRepo;

  before(async function () {
    company = await buildCompanyRepo(path.join(tmp(), 'company'));
  });

  it("reads only the new commit's blobs after one commit, and reports what a fresh analysis does", async function () {
    const git = await recordingGit(tmp());
    const cache = new AnalysisCache();
    const analyse = (kept?: AnalysisCache): Promise<Report> => analyzeRepository({ env: GIT_ENV, root: company.root, now: company.now, gitPath: git.gitPath, ...(kept ? { cache: kept } : {}) });
    await analyse(cache);
    const first = await git.asked();
    const commitsAsked = new Set(first.map((name) => name.slice(0, 40)));
    assert.ok(commitsAsked.size > 3, `the first analysis reads the signal files of several commits (${first.length} names)`);
    // A lone commit's sides by the ids the history pass read; a merge's (no changes in the log) by path.
    const records = markdownVersions(company.root, GIT_ENV, first);
    const signalNames = first.filter((name) => !name.endsWith('.md') && !records.has(name));
    assert.ok(signalNames.some((name) => /^[0-9a-f]{40}$/.test(name)), 'some blobs are named by id');
    assert.ok(signalNames.some((name) => /^[0-9a-f]{40}(\^1)?:/.test(name)), 'merges name their sides by path');

    const manifest = path.join(company.root, 'services/payments/package.json');
    const text = await readFile(manifest, 'utf8');
    const withDependency = text.replace('"dependencies": {', '"dependencies": {\n    "left-pad": "1.3.0",');
    assert.notEqual(withDependency, text, 'the fixture manifest has a dependencies block');
    const sha = await openRepo(company.root).commit({ author: DANA, date: '2026-09-25T10:00:00Z', message: 'Add left-pad', files: { 'services/payments/package.json': withDependency } });
    await git.forget();
    const refreshed = await analyse(cache);
    // The commit's own blobs, named by the ids the history pass read: not resolved through its trees.
    assert.deepEqual(await git.asked(), [blobId(text), blobId(withDependency)].sort());
    const added = refreshed.decisions.find((d) => d.id === `git:${sha}`);
    assert.equal(added?.kind, 'dependency');
    assert.equal(stable(refreshed), stable(await analyse()));
  });

  it("keeps them in the cache folder for the next process, and reads everything again when the file is damaged", async function () {
    const git = await recordingGit(tmp());
    const cacheDir = path.join(tmp(), 'cli-cache');
    const analyse = (withCache = true): Promise<Report> => analyzeRepository({ env: GIT_ENV, root: company.root, now: company.now, gitPath: git.gitPath, ...(withCache ? { cacheDir } : {}) });
    await analyse();
    // The signal files (the records' edits, read by path or early by id, are kept in a file of their own, left whole here).
    const firstAsked = await git.asked();
    const records = markdownVersions(company.root, GIT_ENV, firstAsked);
    const units = firstAsked.filter((name) => !name.endsWith('.md') && !records.has(name));
    const file = (await readdir(cacheDir)).find((name) => name.startsWith('structure-'));
    assert.ok(file, 'the assessments are kept in the cache folder');

    const module = 'resource "aws_vpc" "main" {}\n';
    await openRepo(company.root).commit({ author: DANA, date: '2026-09-26T10:00:00Z', message: 'Add a Terraform module', files: { 'infra/network/main.tf': module } });
    await git.forget();
    const rerun = await analyse();
    // The records' edits are kept there too: the new module, by the id the history pass read, is all this asks.
    assert.deepEqual(await git.asked(), [blobId(module)]);
    assert.equal(stable(rerun), stable(await analyse(false)));

    await writeFile(path.join(cacheDir, file), '{"version": 1, "known": [[');
    await git.forget();
    const rebuilt = await analyse();
    const again = await git.asked();
    assert.deepEqual(units.filter((name) => !again.includes(name)), [], 'every unit is read again');
    assert.ok(again.includes(blobId(module)));
    assert.equal(stable(rebuilt), stable(await analyse(false)));
  });

  it("asks cat-file once for a version that is one commit's new side and the next one's old side", async function () {
    const git = await recordingGit(tmp());
    const first = 'module example.com/ledger\n\ngo 1.22\n\nrequire github.com/pkg/errors v0.9.1\n';
    const second = `${first}require golang.org/x/sync v0.7.0\n`;
    const repo = openRepo(company.root);
    await repo.commit({ author: DANA, date: '2026-09-27T10:00:00Z', message: 'Start the ledger module', files: { 'services/ledger/go.mod': first } });
    await repo.commit({ author: DANA, date: '2026-09-28T10:00:00Z', message: 'Use x/sync in the ledger', files: { 'services/ledger/go.mod': second } });
    const report = await analyzeRepository({ env: GIT_ENV, root: company.root, now: company.now, gitPath: git.gitPath });
    const asked = await git.asked();
    assert.deepEqual(asked.filter((name) => name === blobId(first)), [blobId(first)]);
    assert.ok(asked.includes(blobId(second)));
    assert.ok(report.decisions.some((d) => d.title === 'Use x/sync in the ledger' && d.kind === 'dependency'), 'the second commit is still compared with the first version');
  });

  it("never reads the manifests of a release tool's own commits, and still compares the next change with what the tool left", async function () {
    const git = await recordingGit(tmp());
    const pom = (version: string, dependencies = ''): string => `<project>\n  <groupId>com.corp</groupId>\n  <artifactId>billing</artifactId>\n  <version>${version}</version>\n  <dependencies>\n${dependencies}  </dependencies>\n</project>\n`;
    const kafka = '    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka-clients</artifactId><version>3.7.0</version></dependency>\n';
    const versions = [pom('1.0-SNAPSHOT'), pom('1.0'), pom('1.1-SNAPSHOT'), pom('1.1-SNAPSHOT', kafka)];
    const repo = openRepo(company.root);
    const messages = ['Start the billing module', '[maven-release-plugin] prepare release billing-1.0', '[maven-release-plugin] prepare for next development iteration', 'Send invoices through Kafka'];
    for (const [index, message] of messages.entries()) {
      await repo.commit({ author: DANA, date: `2026-09-2${index + 1}T10:00:00Z`, message, files: { 'services/billing/pom.xml': versions[index] ?? '' } });
    }
    const report = await analyzeRepository({ env: GIT_ENV, root: company.root, now: company.now, gitPath: git.gitPath });
    const asked = await git.asked();
    assert.equal(asked.includes(blobId(versions[1] ?? '')), false, 'the released version, which only the tool wrote, is never read');
    assert.ok(asked.includes(blobId(versions[2] ?? '')), 'what the tool left is read as the next change\'s old side');
    const byTitle = (title: string): Report['decisions'][number] | undefined => report.decisions.find((d) => d.title === title);
    assert.deepEqual([byTitle(messages[1] ?? '')?.notCountedReason, byTitle(messages[2] ?? '')?.notCountedReason], ['maintenance', 'maintenance']);
    assert.equal(byTitle('Send invoices through Kafka')?.counted, true);
  });
});
