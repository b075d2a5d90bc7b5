// The map inside the real VS Code webview: the same app as the HTML report,
// showing the same verdict as the CLI's JSON for the same repository, following
// the workbench's light, dark and high-contrast themes, and talking back to the
// host (a decision's "Open record" opens the record in an editor).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../scripts/prereqs.mjs';
import { reportSchema, type Report } from '../../src/core/model/report';
import { fixtureGitEnv } from '../fixtures/git';
import { launchBrowser, screenshotDir } from './harness/browser.mjs';
import { buildFixture } from './harness/fixtures.mjs';
import { assertReadable, lineCount, orbitLayout } from './harness/layout';
import { startVsCodeServer, workbenchUrl } from './harness/vscode-server.mjs';
import { mapFrame, runCommand, waitForWorkbench } from './harness/workbench';

async function chooseTheme(page: Page, theme: string): Promise<void> {
  await runCommand(page, 'Preferences: Color Theme');
  await page.locator('.quick-input-widget .quick-input-box input').fill(theme);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: theme }).first().click();
}

describe('the map in the VS Code webview', function () {
  this.timeout(240_000);
  let server: Awaited<ReturnType<typeof startVsCodeServer>>;
  let browser: Browser;
  let page: Page;
  let map: FrameLocator;
  let report: Report;
  let workspace: string;
  const shots = screenshotDir();

  before(async () => {
    mkdirSync(shots, { recursive: true });
    workspace = buildFixture('company');
    const cache = mkdtempSync(join(tmpdir(), 'do-cli-cache-'));
    const json = execFileSync(process.execPath, [join(PROJECT_ROOT, 'dist', 'cli.js'), workspace, '--json'], { env: { ...process.env, ...fixtureGitEnv(), XDG_CACHE_HOME: cache }, encoding: 'utf8' });
    report = reportSchema.parse(JSON.parse(json));
    server = await startVsCodeServer();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1500, height: 950 } });
    await page.goto(workbenchUrl(server, { folder: workspace, extensionDevelopmentPath: PROJECT_ROOT }));
    await waitForWorkbench(page);
    await page.locator('.activitybar .action-item a[aria-label^="Decision Orbit"]').first().waitFor({ timeout: 90_000 });
  });

  after(async () => {
    await browser?.close();
    server?.stop();
  });

  it('shows the verdicts the CLI gives for the same repository', async () => {
    await runCommand(page, 'Decision Orbit: Open Map');
    map = mapFrame(page);
    const cards = map.locator('.zone-card');
    await cards.first().waitFor({ timeout: 90_000 });
    assert.equal(await cards.first().getAttribute('data-verdict'), report.zone.overall.verdict);
    for (const [index, leader] of report.leadership.entries()) {
      assert.equal(await cards.nth(index + 1).getAttribute('data-verdict'), report.zone.byLeader[leader.person]?.verdict, leader.person);
    }
    const bots = new Set(report.people.filter((p) => p.isBot).map((p) => p.id));
    // Every decision of the window but the bots' and the automated work, which stay off the orbit until asked for.
    const onOrbit = report.decisions.filter((d) => d.date !== null && d.date >= report.repository.window.since && d.date <= report.repository.window.until && d.involvement !== 'automated' && !bots.has(d.decisionMakers[0] ?? ''));
    assert.equal(await map.locator('canvas.orbit-canvas').getAttribute('data-marks'), String(onOrbit.length));
  });

  it('lays the map out in the webview as in the report: labels apart, the orbit in view, the tooltip gone on click, Close on one line', async () => {
    const seen = await orbitLayout(map);
    assertReadable(seen, 'VS Code webview');
    assert.equal(seen.paints, 1, 'the report\'s first frame is painted once');
    await map.locator('canvas.orbit-canvas').focus();
    await page.keyboard.press('Home');
    const box = await map.locator('.orbit-cursor').boundingBox();
    assert.ok(box);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await map.locator('.orbit-tooltip').waitFor();
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await map.locator('aside.detail').waitFor();
    await map.locator('.orbit-tooltip').waitFor({ state: 'hidden' });
    assert.equal(await map.getByRole('button', { name: 'Close details' }).evaluate(lineCount), 1);
    await page.screenshot({ path: join(shots, 'vscode-map-layout.png') });
    await map.getByRole('button', { name: 'Close details' }).click();
  });

  it('opens a record from the detail panel, through the host', async () => {
    await map.getByRole('tab', { name: 'All decisions' }).click();
    const record = report.decisions.find((d) => d.title === 'Use PostgreSQL for the ledger');
    assert.ok(record?.path);
    await map.getByRole('button', { name: 'All time' }).click();
    await map.locator(`.decision-open[data-id="${record.id}"]`).click();
    await map.locator(`aside.detail[data-id="${record.id}"]`).waitFor();
    await page.screenshot({ path: join(shots, 'vscode-map-detail.png') });
    await map.getByRole('button', { name: 'Open record' }).click();
    await page.locator('.tabs-container .tab', { hasText: '0001-use-postgresql-for-the-ledger.md' }).waitFor({ timeout: 30_000 });
  });

  it('follows the light, dark and high-contrast themes of the workbench', async () => {
    await page.locator('.tabs-container .tab', { hasText: 'Decision Orbit' }).first().click();
    await map.getByRole('button', { name: 'Close details' }).click();
    await map.getByRole('tab', { name: 'Orbit map' }).click();
    await map.locator('.gauge').scrollIntoViewIfNeeded();
    const colours: string[] = [];
    // The webview marks its body with the kind of the workbench's theme once the theme's colours have reached it.
    for (const [theme, kind, file] of [['Light Modern', 'vscode-light', 'vscode-map-light.png'], ['Dark Modern', 'vscode-dark', 'vscode-map-dark.png'], ['Dark High Contrast', 'vscode-high-contrast', 'vscode-map-high-contrast.png']] as const) {
      await chooseTheme(page, theme);
      await map.locator(`body.${kind}`).waitFor();
      colours.push(await map.locator('body').evaluate((body) => getComputedStyle(body).backgroundColor));
      await page.screenshot({ path: join(shots, file) });
    }
    assert.equal(new Set(colours).size, 3, `each theme has its own background: ${colours.join(', ')}`);
  });

  it('comes back after a window reload with the same view (panel serializer and webview state)', async () => {
    await map.getByRole('tab', { name: 'Owners' }).click();
    await map.locator('select[name="area"]').selectOption('payments');
    // The reload a person runs in VS Code. The web workbench writes editor and webview
    // state to browser storage when idle, and never on unload, but it does first on
    // its own reload; a browser reload right after a change can come back without it.
    const reloaded = page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame(), timeout: 60_000 });
    await runCommand(page, 'Developer: Reload Window');
    await reloaded;
    await waitForWorkbench(page);
    map = mapFrame(page);
    await map.locator('.owners-panel').waitFor({ timeout: 90_000 });
    assert.equal(await map.getByRole('tab', { selected: true }).innerText(), 'Owners');
    assert.equal(await map.locator('select[name="area"]').inputValue(), 'payments');
  });

  it('follows a refresh in the same page: a new record appears without the page reloading', async () => {
    await map.locator('body').evaluate((body) => {
      body.dataset.samePage = 'yes';
    });
    await map.locator('#status', { hasText: `${report.decisions.length} decisions` }).waitFor();
    writeFileSync(join(workspace, 'docs/adr/0007-adopt-grpc-for-internal-apis.md'), '---\nstatus: accepted\ndate: 2026-11-20\ndecision-makers: Carol Diaz\n---\n# Adopt gRPC for internal APIs\n');
    await map.getByRole('button', { name: 'Refresh' }).click();
    await map.locator('#status', { hasText: `${report.decisions.length + 1} decisions` }).waitFor({ timeout: 60_000 });
    assert.equal(await map.locator('body').getAttribute('data-same-page'), 'yes', 'the page was reloaded');
    await map.locator('select[name="area"]').selectOption({ label: 'All areas' });
    await map.getByRole('tab', { name: 'All decisions' }).click();
    await map.locator('.decision-open', { hasText: 'Adopt gRPC for internal APIs' }).waitFor();
  });
});
