// The README's map screenshots: a standalone report (`decision-orbit REPO --html
// FILE`, best of a real repository) at 1400×900 in the light, dark and forced-colours
// (high contrast) themes, written to docs/images/map-report-*.png.
// Usage: node scripts/readme-screenshots.mjs FILE
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, PROJECT_ROOT } from './prereqs.mjs';
import { CHROMIUM_ARGS } from '../test/e2e/harness/browser.mjs';

const file = process.argv[2];
if (!file) {
  console.error('usage: node scripts/readme-screenshots.mjs REPORT.html');
  process.exit(2);
}
const themes = [['light', { colorScheme: 'light' }], ['dark', { colorScheme: 'dark' }], ['high-contrast', { colorScheme: 'dark', forcedColors: 'active' }]];
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
try {
  for (const [name, options] of themes) {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, ...options });
    const page = await context.newPage();
    await page.goto(`file://${file}`);
    await page.locator('body[data-ready="true"]').waitFor({ timeout: 60_000 });
    await page.evaluate(() => new Promise((resolve) => globalThis.requestAnimationFrame(() => globalThis.requestAnimationFrame(resolve))));
    const out = join(PROJECT_ROOT, 'docs', 'images', `map-report-${name}.png`);
    await page.screenshot({ path: out });
    console.log(out);
    await context.close();
  }
} finally {
  await browser.close();
}
