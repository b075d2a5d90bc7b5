// The XSS payload corpus in the VS Code webview, where the report arrives by
// message rather than in the page: a person opens the map of the hostile
// repository, visits every view and opens every decision. Nothing may run, no
// live element or attribute may appear, and the page attempts nothing its CSP
// would have to block, from the first byte of the webview's document on.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../scripts/prereqs.mjs';
import { reportSchema, type Report } from '../../src/core/model/report';
import { fixtureGitEnv } from '../fixtures/git';
import { launchBrowser, screenshotDir } from './harness/browser.mjs';
import { buildFixture } from './harness/fixtures.mjs';
import { startVsCodeServer, workbenchUrl } from './harness/vscode-server.mjs';
import { mapFrame, runCommand, waitForWorkbench } from './harness/workbench';
import { liveMarkup, recordCspViolations, visitEverything } from './harness/xss';

describe('hostile repository text in the VS Code webview', function () {
  this.timeout(300_000);
  let server: Awaited<ReturnType<typeof startVsCodeServer>>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let map: FrameLocator;
  let report: Report;
  const dialogs: string[] = [];
  const pageErrors: string[] = [];

  before(async () => {
    const workspace = buildFixture('hostile');
    const cache = mkdtempSync(join(tmpdir(), 'do-cli-cache-'));
    const json = execFileSync(process.execPath, [join(PROJECT_ROOT, 'dist', 'cli.js'), workspace, '--json'], { env: { ...process.env, ...fixtureGitEnv(), XDG_CACHE_HOME: cache }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    report = reportSchema.parse(JSON.parse(json));
    server = await startVsCodeServer();
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1500, height: 950 } });
    await recordCspViolations(context);
    page = await context.newPage();
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    await page.goto(workbenchUrl(server, { folder: workspace, extensionDevelopmentPath: PROJECT_ROOT }));
    await waitForWorkbench(page);
    await page.locator('.activitybar .action-item a[aria-label^="Decision Orbit"]').first().waitFor({ timeout: 90_000 });
    await runCommand(page, 'Decision Orbit: Open Map');
    map = mapFrame(page);
    await map.locator('canvas.orbit-canvas').waitFor({ timeout: 90_000 });
  });

  after(async () => {
    await browser?.close();
    server?.stop();
  });

  it('renders the report that came by message, every decision opened, and runs none of the payloads', async () => {
    const opened = await visitEverything(map, page);
    assert.equal(opened, report.decisions.length);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(await map.locator('body').evaluate(liveMarkup), []);
    const shown = await map.locator('aside.detail').innerText();
    assert.match(shown, /alert\(1\)/, 'payloads are shown as text');
    await page.screenshot({ path: join(screenshotDir(), 'vscode-map-hostile.png') });
  });

  it('attempts nothing the CSP would have to block, counted from the first byte of the webview\'s page', async () => {
    const violations = await map.locator('body').evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations);
    assert.ok(violations, 'the violations were recorded in the map\'s own document');
    assert.deepEqual(violations, []);
    assert.deepEqual(pageErrors.filter((error) => /alert|xss|onerror/i.test(error)), []);
    // The recorder is live in that document: an image from elsewhere, which the map's CSP forbids, is counted.
    await map.locator('body').evaluate(() => {
      const probe = document.createElement('img');
      probe.src = 'https://decision-orbit.invalid/probe.png';
      document.body.append(probe);
    });
    const recorded = (): Promise<string[]> => map.locator('body').evaluate(() => [...(window as unknown as { cspViolations: string[] }).cspViolations]);
    let probed = await recorded();
    for (let attempt = 0; probed.length === 0 && attempt < 100; attempt += 1) {
      await page.waitForTimeout(50);
      probed = await recorded();
    }
    assert.deepEqual(probed.map((violation) => violation.split(' ').slice(0, 2).join(' ')), ['img-src https://decision-orbit.invalid/probe.png']);
  });
});
