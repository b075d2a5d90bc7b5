// The outputs of the fixture company, byte for byte, against the copies checked in
// under test/golden/: a change to any of them is on purpose or a bug. Regenerate
// on purpose with `UPDATE_GOLDEN=1 npx mocha --config test/integration/.mocharc.json
// test/integration/golden.test.ts` and name the change in the CHANGELOG.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderHtmlReport } from '../../src/present/html';
import { formatJson } from '../../src/present/json';
import { formatMarkdown } from '../../src/present/markdown';
import { formatSummary } from '../../src/present/summary';
import { analyzeRepository } from '../../src/core/analyze';
import type { Report } from '../../src/core/model/report';
import { sharedFixture } from '../fixtures/company';
import { fixtureGitEnv } from '../fixtures/git';

/** The fixtures' git environment: the machine's git config never reaches the analysis. */
const GIT_ENV = fixtureGitEnv();

const GOLDEN_DIR = path.join(__dirname, '../golden');
/** The map's bundle changes with every edit of the map; the page around it and the report in it are what is compared. */
const ASSETS = { script: '/* dist/webview.js */', style: '/* dist/webview.css */' };
/** Where the fixture was built, which differs from run to run. */
const FIXTURES = '/fixtures';

describe('golden outputs of the fixture company', function () {
  let report: Report;
  let fixturesDir: string;

  before(async function () {
    const fixture = await sharedFixture('company');
    assert.ok(fixture.company);
    fixturesDir = path.dirname(fixture.company.root);
    report = await analyzeRepository({ env: GIT_ENV, root: fixture.company.root, now: fixture.company.now });
  });

  after(() => {
  });

  /** The run's own parts (the fixture's folder, the time of analysis, the page's nonce) made constant. */
  function normalised(text: string): string {
    return text
      .split(fixturesDir).join(FIXTURES)
      .split(report.repository.analyzedAt).join('<analyzedAt>')
      .replace(/nonce-[A-Za-z0-9+/=]+/g, 'nonce-<nonce>')
      .replace(/nonce="[A-Za-z0-9+/=]+"/g, 'nonce="<nonce>"');
  }

  function matchesGolden(file: string, output: string): void {
    const actual = normalised(output);
    const goldenPath = path.join(GOLDEN_DIR, file);
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(goldenPath, actual);
    assert.ok(actual.includes(`${FIXTURES}/`), 'the fixture folder was found and replaced');
    // Compared as strings, not with deepEqual on lines: one byte of difference fails.
    assert.ok(actual === readFileSync(goldenPath, 'utf8'), `${file} differs from test/golden/${file}; if that is on purpose, regenerate with UPDATE_GOLDEN=1 and name the change in the CHANGELOG`);
  }

  it('--json', function () {
    matchesGolden('company.json', formatJson(report));
  });

  it('--md', function () {
    matchesGolden('company.md', formatMarkdown(report));
  });

  it('--html, the page with the report in it (the map bundle left out)', function () {
    matchesGolden('company.html', renderHtmlReport(report, ASSETS));
  });

  it('the terminal summary', function () {
    matchesGolden('company.txt', formatSummary(report, { colour: false }));
  });
});
