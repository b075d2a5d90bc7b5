// The Decision Orbit sidebar as a person sees it in a light, a dark and a high
// contrast theme: the container's badge counts what Routed around lists, every
// view's header names the window, a leader's row starts with the verdict. Each
// theme leaves a screenshot in test-results/screenshots (views-<theme>.png).
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../scripts/prereqs.mjs';
import { launchBrowser, screenshotDir } from './harness/browser.mjs';
import { buildFixture } from './harness/fixtures.mjs';
import { startVsCodeServer, workbenchUrl } from './harness/vscode-server.mjs';
import { openDecisionOrbitContainer, waitForWorkbench } from './harness/workbench';

const THEMES = [
  { name: 'light', theme: 'Default Light Modern' },
  { name: 'dark', theme: 'Default Dark Modern' },
  { name: 'high-contrast', theme: 'Default High Contrast' },
];

function paneRows(page: Page, title: string): ReturnType<Page['locator']> {
  return page.locator('.pane', { has: page.locator('.pane-header', { hasText: title }) }).locator('.monaco-list-row');
}

async function expand(page: Page, title: string): Promise<void> {
  const header = page.locator('.pane-header', { hasText: title }).first();
  await header.waitFor();
  if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
}

for (const { name, theme } of THEMES) {
  describe(`the sidebar in the ${name} theme`, function () {
    this.timeout(240_000);
    let server: Awaited<ReturnType<typeof startVsCodeServer>>;
    let browser: Browser;
    let page: Page;

    before(async () => {
      mkdirSync(screenshotDir(), { recursive: true });
      const workspace = buildFixture('company');
      server = await startVsCodeServer({ settings: { 'workbench.colorTheme': theme } });
      browser = await launchBrowser();
      page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await page.goto(workbenchUrl(server, { folder: workspace, extensionDevelopmentPath: PROJECT_ROOT }));
      await waitForWorkbench(page);
    });

    after(async () => {
      await browser?.close();
      server?.stop();
    });

    it('badges the container with what Routed around lists and names the window in every header', async () => {
      await openDecisionOrbitContainer(page);
      await expand(page, 'Routed around');
      const rows = paneRows(page, 'Routed around');
      await rows.filter({ hasText: 'made without leadership' }).first().waitFor({ timeout: 90_000 });
      await expand(page, 'Leadership');
      const leader = paneRows(page, 'Leadership').filter({ hasText: 'Dana Chen' }).first();
      await leader.waitFor();
      await page.screenshot({ path: join(screenshotDir(), `views-${name}.png`) });
      assert.match(await leader.innerText(), /(too close|Goldilocks|too far|leaning close|leaning far|split|too few decisions)[^·]* · CTO · \d+ decisions?/);
      const badge = page.locator('.activitybar .action-item', { has: page.locator('a[aria-label^="Decision Orbit"]') }).locator('.badge-content');
      await badge.waitFor();
      const areaCounts = await rows.filter({ hasText: 'made without leadership' }).allInnerTexts();
      const listed = areaCounts.reduce((sum, text) => sum + Number(/(\d+) made without leadership/.exec(text)?.[1] ?? 0), 0);
      assert.equal(Number(await badge.innerText()), listed);
      const headers = await page.locator('.pane-header .description').allInnerTexts();
      assert.ok(headers.filter((text) => /last \d+ days|since \d{4}-\d{2}-\d{2}/.test(text)).length >= 3, headers.join(' | '));
    });
  });
}
