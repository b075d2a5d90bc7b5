// Repository text is hostile. The hostile fixture puts over a hundred XSS
// payloads into titles, record bodies, people names, emails, trailers, commit
// subjects, paths and area names; a person then visits every view and opens every
// decision. With the CSP bypassed (so only the escaping stands between a payload
// and the page) nothing may run, and no live element or attribute may appear;
// with the CSP in force nothing may even be attempted.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { CompactReport } from '../../src/protocol/compact-report';
import { Reader, Writer } from '../../src/protocol/compact-streams';
import { jsonForScriptBlock } from '../../src/present/map-page';
import { gitName, XSS_PAYLOADS } from '../fixtures/hostile';
import { launchBrowser, screenshotDir } from './harness/browser.mjs';
import { openReport, writeHtmlReport, type HtmlReport } from './harness/html-report';
import { liveMarkup, visitEverything } from './harness/xss';

describe('hostile repository text in the HTML report', function () {
  this.timeout(180_000);
  let browser: Browser;
  let built: HtmlReport;

  before(async () => {
    built = writeHtmlReport('hostile', { since: '2026-01-01', until: '2026-04-01' });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
  });

  it('carries at least 100 distinct payloads into the report', () => {
    assert.ok(new Set(XSS_PAYLOADS).size >= 100, `${new Set(XSS_PAYLOADS).size} payloads`);
    const text = JSON.stringify(built.report);
    const present = XSS_PAYLOADS.filter((payload) => text.includes(JSON.stringify(payload).slice(1, -1)) || text.includes(JSON.stringify(gitName(payload)).slice(1, -1)));
    assert.ok(present.length >= 100, `${present.length} payloads reached the report`);
    assert.ok(built.report.decisions.some((d) => d.summary?.includes('<script>alert(1)</script>')), 'record bodies carry payloads');
    assert.ok(built.report.people.some((p) => p.name.includes('onmouseover')), 'people names carry payloads');
    assert.ok(built.report.decisions.some((d) => d.area.includes('<img')), 'areas carry payloads');
  });

  it('runs none of them with the CSP bypassed, and leaves no live markup', async () => {
    const { page, errors } = await openReport(browser, built.file, { bypassCSP: true });
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const opened = await visitEverything(page, page);
    assert.equal(opened, built.report.decisions.length);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(await page.evaluate(liveMarkup), []);
    assert.deepEqual(errors, []);
    assert.ok(page.url().startsWith('file://'), 'still on the report');
    const shown = await page.locator('aside.detail').innerText();
    assert.match(shown, /alert\(1\)/, 'payloads are shown as text');
    await page.screenshot({ path: join(screenshotDir(), 'report-hostile.png') });
    await page.context().close();
  });

  it('shows one message, and runs nothing else, for a data block whose indices point nowhere', async () => {
    const block = /(<script type="application\/json" id="report-data">)([\s\S]*?)(<\/script>)/;
    const html = readFileSync(built.file, 'utf8');
    const compact = JSON.parse(block.exec(html)?.[2] ?? 'null') as CompactReport;
    // The first decision's id, as a code past the table of shared strings.
    const input = new Reader(compact.decisions);
    const out = new Writer();
    input.next();
    out.integer(compact.strings.shared.length + 1);
    while (!input.done) out.integer(input.next());
    compact.decisions = out.text;
    const file = built.file.replace(/\.html$/, '-tampered.html');
    writeFileSync(file, html.replace(block, (_, open: string, _data: string, close: string) => `${open}${jsonForScriptBlock(compact)}${close}`));
    const { page, errors } = await openReport(browser, file);
    assert.equal(await page.locator('#status').textContent(), 'The embedded report is not a valid decision-orbit/v2 report.');
    assert.equal(await page.locator('canvas.orbit-canvas').count(), 0);
    assert.deepEqual(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations), []);
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('attempts nothing the CSP would have to block', async () => {
    const { page, errors } = await openReport(browser, built.file);
    await visitEverything(page, page);
    assert.deepEqual(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations), []);
    assert.deepEqual(errors, []);
    await page.context().close();
  });
});
