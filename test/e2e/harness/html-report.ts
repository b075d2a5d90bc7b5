// The standalone report as a person gets it: a fixture repository, the bundled
// CLI's --html and --json for the same window, and a browser page on the file.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../../scripts/prereqs.mjs';
import { reportSchema, type Report } from '../../../src/core/model/report';
import { fixtureGitEnv } from '../../fixtures/git';
import { buildFixture } from './fixtures.mjs';
import { recordCspViolations } from './xss';

export interface HtmlReport {
  root: string;
  file: string;
  report: Report;
}

export function writeHtmlReport(fixture: string, window: { since: string; until: string }): HtmlReport {
  const root = buildFixture(fixture);
  const out = mkdtempSync(join(tmpdir(), 'do-report-'));
  const file = join(out, 'report.html');
  const env = { ...process.env, ...fixtureGitEnv(), XDG_CACHE_HOME: join(out, 'cache') };
  const cli = join(PROJECT_ROOT, 'dist', 'cli.js');
  const range = ['--since', window.since, '--until', window.until];
  execFileSync(process.execPath, [cli, root, '--html', file, ...range], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const json = execFileSync(process.execPath, [cli, root, '--json', ...range], { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { root, file, report: reportSchema.parse(JSON.parse(json)) };
}

export async function openReport(browser: Browser, file: string, options: BrowserContextOptions = {}): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, ...options });
  // Recorded from the first byte: what the page tries while it starts counts too.
  await recordCspViolations(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(`file://${file}`);
  await page.locator('body[data-ready="true"]').waitFor();
  return { page, errors };
}
