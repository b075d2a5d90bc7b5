// Debian's Chromium through playwright-core, headless, loopback only.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM } from '../../../scripts/prereqs.mjs';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

export async function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    env: { ...process.env, HOME: mkdtempSync(join(tmpdir(), 'do-home-')) },
  });
}

export function screenshotDir() {
  return join(import.meta.dirname, '..', '..', '..', 'test-results', 'screenshots');
}
