// The Decision Orbit sidebar as a person sees it in a light, a dark and a high
// contrast theme (the workbench really in that theme): the container's badge counts
// what Routed around lists, every view's header names the window whole, a leader's
// row starts with the verdict, and from the folder's opening to the first report no
// view says something wrong (no repository, no trust, no roster, no records). Each
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

// `kind` is the class the workbench element carries in that theme.
const THEMES = [
  { name: 'light', theme: 'Default Light Modern', kind: 'vs' },
  { name: 'dark', theme: 'Default Dark Modern', kind: 'vs-dark' },
  { name: 'high-contrast', theme: 'Default High Contrast', kind: 'hc-black' },
];

const VIEW_TITLES = ['Decisions', 'Leadership', 'Routed around', 'For Current File'];
/** What no view may say in a trusted folder with a repository, a roster and records. */
const WRONG_EMPTY_STATES = /Trust the workspace|untrusted workspace|No git repository was found|No leadership roster|needs to know who leadership is|No decision records found|Open a folder/;
/**
 * VS Code's own text in a view whose extension has not registered its provider yet: our
 * welcome says "Starting Decision Orbit…" instead, from when the workbench registers
 * extensions' welcomes (its "restored" contributions) on.
 */
const NO_PROVIDER = /There is no data provider registered/;
/** Marks what a view showed before the workbench registered any extension's welcomes (VS Code's own text may show then). */
const BEFORE_RESTORED = 'before the workbench restored: ';

declare global {
  interface Window {
    viewsSeen?: string[];
  }
}

/**
 * Runs in the page before the workbench loads: every text our views show above or
 * instead of their trees (a welcome, a message) is kept in `window.viewsSeen`, from
 * the first frame on, as "<view title>: <text>", once it is visible (the class changes
 * that show or hide it are watched). Plain JavaScript: tsx would wrap
 * the named functions of a TypeScript function in a helper the page has not got.
 */
const WATCH_VIEWS = `(() => {
  const titles = ${JSON.stringify(VIEW_TITLES)};
  const BEFORE_RESTORED = ${JSON.stringify(BEFORE_RESTORED)};
  const seen = new Set();
  window.viewsSeen = [];
  const record = () => {
    for (const pane of document.querySelectorAll('.pane')) {
      const title = (pane.querySelector('.pane-header .title')?.textContent ?? '').trim();
      if (!titles.includes(title)) continue;
      for (const node of pane.querySelectorAll('.pane-body.welcome .welcome-view-content, .pane-body .message:not(.hide)')) {
        // What a person sees: a welcome hides the tree's own message (display: none), which stays in the page.
        if (node.getClientRects().length === 0) continue;
        const text = (node.textContent ?? '').trim();
        // Welcomes are registered with the workbench's "restored" contributions: before them no extension can cover a view.
        const restored = performance.getEntriesByName('code/didCreateWorkbenchContributions/3').length > 0;
        const entry = (restored ? '' : BEFORE_RESTORED) + title + ': ' + text;
        if (text === '' || seen.has(entry)) continue;
        seen.add(entry);
        window.viewsSeen.push(entry);
      }
    }
  };
  new MutationObserver(record).observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['class'] });
})();`;

function paneRows(page: Page, title: string): ReturnType<Page['locator']> {
  return page.locator('.pane', { has: page.locator('.pane-header', { hasText: title }) }).locator('.monaco-list-row');
}

async function expand(page: Page, title: string): Promise<void> {
  const header = page.locator('.pane-header', { hasText: title }).first();
  await header.waitFor();
  if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
}

for (const { name, theme, kind } of THEMES) {
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
      // A person who needs high contrast has it from the system: the workbench follows
      // forced colours (window.autoDetectHighContrast); the setting alone did not always take.
      if (kind === 'hc-black') await page.emulateMedia({ forcedColors: 'active', colorScheme: 'dark' });
      await page.addInitScript({ content: WATCH_VIEWS });
      await page.goto(workbenchUrl(server, { folder: workspace, extensionDevelopmentPath: PROJECT_ROOT }));
      await waitForWorkbench(page);
      // Open at once, so the views are on screen while the first analysis runs.
      await openDecisionOrbitContainer(page);
    });

    after(async () => {
      await browser?.close();
      server?.stop();
    });

    it(`shows the workbench in the ${name} theme`, async () => {
      await page.locator(`.monaco-workbench.${kind}`).waitFor({ timeout: 30_000 });
    });

    it('badges the container with what Routed around lists and names the window, whole, in every header', async () => {
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
      const descriptions = page.locator('.pane-header .description');
      const headers = await descriptions.allInnerTexts();
      assert.ok(headers.filter((text) => /last \d+ days|since \d{4}-\d{2}-\d{2}|ADRs [\d.]+ [dy] · git [\d.]+ [dy]/.test(text)).length >= 3, headers.join(' | '));
      // Whole, not cut off with an ellipsis, at this sidebar width.
      const cut = await descriptions.evaluateAll((nodes) => nodes.filter((node) => node.scrollWidth > node.clientWidth + 1).map((node) => node.textContent));
      assert.deepEqual(cut, [], `cut off: ${cut.join(' | ')}`);
    });

    it('said nothing wrong in any view from the folder\'s opening to the first report', async () => {
      const seen = await page.evaluate(() => window.viewsSeen ?? []);
      assert.ok(seen.some((text) => /: (Analysing .+ — |Looking for repositories)/.test(text)), `the views were not watched while loading: ${seen.join(' | ')}`);
      // The workbench set its mark for the restored contributions, so VS Code's own text was checked from then on
      // (a fast analysis may have shown all it had to show before the mark: nothing is then seen after it).
      await page.waitForFunction(() => performance.getEntriesByName('code/didCreateWorkbenchContributions/3').length > 0, null, { timeout: 30_000 });
      const wrong = seen.filter((text) => WRONG_EMPTY_STATES.test(text) || (NO_PROVIDER.test(text) && !text.startsWith(BEFORE_RESTORED)));
      assert.deepEqual(wrong, [], seen.join(' | '));
    });
  });
}
