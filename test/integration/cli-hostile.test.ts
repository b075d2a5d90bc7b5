// Repository text is hostile: a record whose title and people carry markup and
// terminal escapes reaches every output format escaped.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../../src/cli/main';
import { BOB } from '../fixtures/company-people';
import { createRepo, fixtureGitEnv } from '../fixtures/git';
import { readReportPage } from './embedded-report';

const TITLE = '<img src=x onerror=alert(1)> [click](javascript:alert(2)) | pipe \x1b[31mred';

describe('cli: hostile repository text', function () {
  let tmp: string;
  let root: string;

  async function cli(argv: string[]): Promise<string> {
    let stdout = '';
    let stderr = '';
    const code = await runCli([root, '--no-cache', '--since', '2026-01-01', '--until', '2026-03-01', ...argv], {
      cwd: root, stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; }, stderrIsTty: false, stdoutIsTty: false, env: fixtureGitEnv(),
    });
    assert.equal(code, 0, `the CLI failed: ${stderr}`);
    return stdout;
  }

  before(async function () {
    tmp = await mkdtemp(path.join(tmpdir(), 'decision-orbit-hostile-'));
    const repo = await createRepo(path.join(tmp, 'repo'));
    root = repo.root;
    await repo.commit({
      author: BOB, date: '2026-02-01T10:00:00Z', message: 'Add a record',
      files: { '.decision-orbit.yml': 'leadership:\n  - name: Dana Chen\n', 'docs/adr/0001-x.md': `# ${TITLE}\n\n* Status: accepted\n* Deciders: <b>Mallory</b>\n* Date: 2026-02-01\n\nText.\n` },
    });
  });

  after(async function () {
    await rm(tmp, { recursive: true, force: true });
  });

  it('embeds the report in the HTML page as JSON that cannot end its block, text intact', async function () {
    const file = path.join(tmp, 'r.html');
    await cli(['--html', file]);
    const page = readReportPage(await readFile(file, 'utf8'));
    assert.ok(!page.dataBlock.includes('<'), 'no < at all inside the data block');
    assert.ok(page.dataBlock.includes('\\u003cimg src=x onerror=alert(1)>'));
    assert.deepEqual(page.report.decisions.map((d) => d.title), [TITLE]);
  });

  it('escapes Markdown and strips terminal escapes from the summary', async function () {
    const md = await cli(['--md']);
    assert.ok(md.includes('\\<img src=x onerror=alert(1)\\> \\[click\\](javascript:alert(2)) \\| pipe'), md);
    assert.ok(!md.includes('\x1b'));
    const summary = await cli([]);
    assert.ok(!summary.includes('\x1b'));
    assert.ok(summary.includes('<img src=x onerror=alert(1)>'), 'plain text stays readable in a terminal');
  });
});
