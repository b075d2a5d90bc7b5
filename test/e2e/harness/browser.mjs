// Debian's Chromium through playwright-core, headless, loopback only.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM } from '../../../scripts/prereqs.mjs';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

/** A browser with a HOME of its own, removed when the browser closes. */
export async function launchBrowser() {
  const home = mkdtempSync(join(tmpdir(), 'do-home-'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    env: { ...process.env, HOME: home },
  });
  browser.on('disconnected', () => rmSync(home, { recursive: true, force: true }));
  return browser;
}

export function screenshotDir() {
  return join(import.meta.dirname, '..', '..', '..', 'test-results', 'screenshots');
}
