// A CTO in the workbench: the Decision Orbit container, a leader's decisions,
// the map from the palette and from the status bar, owners from the CodeLens.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../scripts/prereqs.mjs';
import { launchBrowser, screenshotDir } from './harness/browser.mjs';
import { buildFixture } from './harness/fixtures.mjs';
import { startVsCodeServer, workbenchUrl } from './harness/vscode-server.mjs';
import { mapFrame, openDecisionOrbitContainer, runCommand, waitForWorkbench } from './harness/workbench';

describe('the workbench, clicked by a person', function () {
  this.timeout(240_000);
  let server: Awaited<ReturnType<typeof startVsCodeServer>>;
  let browser: Browser;
  let page: Page;
  const shots = screenshotDir();

  before(async () => {
    mkdirSync(shots, { recursive: true });
    const workspace = buildFixture('company');
    server = await startVsCodeServer();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(workbenchUrl(server, { folder: workspace, extensionDevelopmentPath: PROJECT_ROOT }));
    await waitForWorkbench(page);
  });

  afterEach(async function () {
    // A failing step leaves a picture of what the person would have seen.
    if (this.currentTest?.state === 'failed') await page?.screenshot({ path: join(shots, `workbench-failed-${this.currentTest.title.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`) });
  });

  after(async () => {
    await browser?.close();
    server?.stop();
  });

  it('opens the Decision Orbit container and expands a leader', async () => {
    await openDecisionOrbitContainer(page);
    const leadership = page.locator('.pane-header', { hasText: 'Leadership' });
    await leadership.waitFor();
    if ((await leadership.getAttribute('aria-expanded')) !== 'true') await leadership.click();
    // Dana is also a record's owner in the Decisions view: her row as a leader is the Leadership view's.
    const dana = page.locator('.pane', { has: leadership }).locator('.monaco-list-row', { hasText: 'Dana Chen' });
    await dana.waitFor({ timeout: 90_000 });
    assert.match(await dana.innerText(), /(too close|Goldilocks|too far|leaning close|leaning far|split)[^·]* · CTO/);
    await dana.click();
    await page.keyboard.press('ArrowRight');
    await page.locator('.monaco-list-row', { hasText: 'decided' }).first().waitFor();
    await page.screenshot({ path: join(shots, 'workbench-leadership.png') });
  });

  it('runs "Decision Orbit: Open Map" from the palette and shows the verdict', async () => {
    await runCommand(page, 'Decision Orbit: Open Map');
    const frame = mapFrame(page);
    await frame.locator('#repository-name').waitFor({ timeout: 60_000 });
    assert.equal(await frame.locator('#repository-name').innerText(), 'company');
    await frame.locator('.zone-card .verdict').first().waitFor({ timeout: 60_000 });
    assert.match(await frame.locator('.zone-card .verdict').first().innerText(), /Too close|Goldilocks|Too far/);
    await page.screenshot({ path: join(shots, 'workbench-map.png') });
  });

  it('opens the map from the status bar verdict', async () => {
    await page.keyboard.press('Control+W');
    // The map is really gone, so what appears next comes from the status bar.
    await page.locator('.tab', { hasText: 'Decision Orbit:' }).waitFor({ state: 'detached', timeout: 10_000 });
    const item = page.locator('.statusbar-item', { hasText: /too close|Goldilocks|too far/ }).first();
    await item.waitFor();
    await item.click();
    await mapFrame(page).locator('.zone-card').first().waitFor({ timeout: 60_000 });
  });

  it('sets owners from the CodeLens through the quick pick', async () => {
    await runCommand(page, 'Go to File...');
    await page.locator('.quick-input-widget .quick-input-box input').fill('0004-drop-graphql-gateway.md');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: '0004-drop-graphql-gateway.md' }).first().click();
    const lens = page.locator('.codelens-decoration a', { hasText: 'Owners:' });
    await lens.waitFor({ timeout: 60_000 });
    // Three actions: the lens opens the decision-makers pick itself, a tick, OK.
    await lens.click();
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Decision-makers of' }).waitFor({ timeout: 30_000 });
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Dana Chen' }).click();
    await page.keyboard.press('Enter');
    await page.locator('.view-lines', { hasText: 'Dana Chen' }).waitFor({ timeout: 30_000 });
    // The lens follows the unsaved buffer.
    await page.locator('.codelens-decoration a', { hasText: 'Owners: Dana Chen' }).waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(shots, 'workbench-owners.png') });
  });
});
