// Renders media/icon.svg to the 256×256 media/icon.png the manifest names, in
// Debian's Chromium (run again after changing the SVG).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, PROJECT_ROOT } from './prereqs.mjs';

const svg = readFileSync(join(PROJECT_ROOT, 'media', 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 256, height: 256 } });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: join(PROJECT_ROOT, 'media', 'icon.png'), omitBackground: true });
} finally {
  await browser.close();
}
