// A CTO opens the standalone HTML report of the fixture company in Chromium:
// the verdicts, the orbit map by mouse and by keyboard, the routed-around list,
// the detail panel's evidence, the filters (surviving a reload), the timeline,
// the owners, and the three themes.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Decision, Report } from '../../src/core/model/report';
import { percent, verdictText } from '../../src/webview/format';
import { decisionOwners } from '../../src/rules/owners';
import { decidersOf } from '../../src/rules/zone';
import { launchBrowser, screenshotDir } from './harness/browser.mjs';
import { openReport, writeHtmlReport, type HtmlReport } from './harness/html-report';

/** The company's report window (COMPANY_WINDOW): the 180 days up to HEAD, widened to every counted decision of each source. */
const WINDOW = { since: '2025-11-04', until: '2026-09-15' };

function inWindow(report: Report): Decision[] {
  return report.decisions.filter((d) => d.date !== null && d.date >= WINDOW.since && d.date <= WINDOW.until);
}

/** What the orbit shows unless asked for more: every decision but the bots' and the automated work. */
function onOrbit(report: Report, decisions: readonly Decision[]): Decision[] {
  const bots = new Set(report.people.filter((p) => p.isBot).map((p) => p.id));
  return decisions.filter((d) => d.involvement !== 'automated' && !bots.has(d.decisionMakers[0] ?? ''));
}

describe('the HTML report, used by a person', function () {
  this.timeout(120_000);
  let browser: Browser;
  let built: HtmlReport;
  let page: Page;
  let errors: string[];
  const shots = screenshotDir();

  before(async () => {
    mkdirSync(shots, { recursive: true });
    built = writeHtmlReport('company', WINDOW);
    browser = await launchBrowser();
  });

  beforeEach(async () => {
    ({ page, errors } = await openReport(browser, built.file));
  });

  afterEach(async () => {
    assert.deepEqual(errors, [], 'no script errors on the page');
    await page.context().close();
  });

  after(async () => {
    await browser?.close();
  });

  it('shows the same verdicts as the JSON report, for the roster and each leader', async () => {
    const cards = page.locator('.zone-card');
    assert.equal(await cards.count(), 1 + built.report.leadership.length);
    assert.equal(await cards.nth(0).getAttribute('data-verdict'), built.report.zone.overall.verdict);
    assert.match(await cards.nth(0).innerText(), new RegExp(verdictText(built.report.zone.overall)));
    for (const [index, leader] of built.report.leadership.entries()) {
      const zone = built.report.zone.byLeader[leader.person];
      assert.ok(zone);
      assert.equal(await cards.nth(index + 1).getAttribute('data-verdict'), zone.verdict, leader.person);
    }
    // The expectation table of the fixture company (test/integration/analysis-company.test.ts): 14 pooled decisions.
    assert.deepEqual(await cards.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-verdict'))), ['goldilocks', 'goldilocks', 'too-far']);
    assert.match(await cards.nth(0).innerText(), /decided 36\u00a0% · consulted\/informed 32\u00a0% · around 32\u00a0%/);
    // What the verdict rests on: each source with its window, and the note that they were pooled.
    assert.match(await cards.nth(0).innerText(), /ADRs: Too few decisions · 8 · since 2025-11-04\n/);
    assert.equal(await cards.nth(0).locator('[data-source="ADRs"]').getAttribute('title'), '2025-11-04 … 2026-09-15');
    assert.match(await cards.nth(0).innerText(), /ADRs and git signals pooled/);
    await page.screenshot({ path: join(shots, 'report-light.png') });
  });

  it('draws every decision of the window on the map and reaches each one by keyboard', async () => {
    const expected = onOrbit(built.report, inWindow(built.report));
    assert.ok(expected.length < inWindow(built.report).length, 'the company has automated work, off the orbit');
    const canvas = page.locator('canvas.orbit-canvas');
    assert.equal(await canvas.getAttribute('data-marks'), String(expected.length));
    await canvas.focus();
    const seen = new Set<string>();
    for (let i = 0; i < expected.length; i += 1) {
      await page.keyboard.press(i === 0 ? 'Home' : 'ArrowRight');
      seen.add(await page.locator('.orbit-cursor').getAttribute('data-decision') ?? '');
    }
    assert.deepEqual([...seen].sort(), expected.map((d) => d.id).sort());
    assert.match(await page.locator('#orbit-announcer').innerText(), /of \d+ on the .* ring\.$/);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const id = await page.locator('.orbit-cursor').getAttribute('data-decision');
    await page.locator(`aside.detail[data-id="${id}"]`).waitFor();
    assert.ok(await page.locator('#detail-title').evaluate((node) => node === document.activeElement), 'focus moves to the details');
  });

  it('shows a tooltip on hover and opens the evidence on click', async () => {
    const target = inWindow(built.report).find((d) => d.title === 'Idempotency keys');
    assert.ok(target);
    const canvas = page.locator('canvas.orbit-canvas');
    await canvas.focus();
    await page.keyboard.press('Home');
    for (let i = 0; i < 50 && (await page.locator('.orbit-cursor').getAttribute('data-decision')) !== target.id; i += 1) await page.keyboard.press('ArrowRight');
    const box = await page.locator('.orbit-cursor').boundingBox();
    assert.ok(box);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const tooltip = page.locator('.orbit-tooltip');
    await tooltip.waitFor();
    assert.match(await tooltip.innerText(), /Idempotency keys\n.*accepted · 2026-07-08\nOwners: Carol Diaz, Frank Osei\nLeadership: routed around · payments/);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const detail = page.locator(`aside.detail[data-id="${target.id}"]`);
    await detail.waitFor();
    const rows = detail.locator('.evidence-list li');
    assert.equal(await rows.count(), target.evidence.length);
    const text = await detail.innerText();
    assert.match(text, /Decision-makers\s+Carol Diaz, Frank Osei/);
    assert.match(text, /Dana Chen: routed around · Arjun Patel: routed around/);
    for (const item of target.evidence) assert.ok(text.includes(item.ref.length === 40 ? item.ref.slice(0, 8) : item.ref), item.ref);
    await page.screenshot({ path: join(shots, 'report-detail.png') });
  });

  it('lists the decisions routed around leadership, newest first, with why', async () => {
    await page.getByRole('tab', { name: /Routed around/ }).click();
    const rows = page.locator('.decision-row');
    const around = inWindow(built.report).filter((d) => d.involvement === 'around').sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
    assert.equal(await rows.count(), around.length);
    assert.equal(await rows.first().locator('.decision-open').innerText(), around[0]?.title);
    const why = await rows.filter({ hasText: 'Idempotency keys' }).locator('.decision-why').innerText();
    assert.match(why, /^Why: decided by Carol Diaz, Frank Osei; authored by Carol Diaz; .*no leader decided, was consulted or informed\.$/);
    await rows.first().locator('.decision-open').click();
    await page.locator(`aside.detail[data-id="${around[0]?.id}"]`).waitFor();
  });

  it('filters by leader, area, source, status and person, and keeps the filters across a reload', async () => {
    await page.selectOption('select[name="focus"]', 'dana-chen');
    assert.equal(await page.locator('.zone-card.active').getAttribute('data-verdict'), built.report.zone.byLeader['dana-chen']?.verdict);
    await page.selectOption('select[name="area"]', 'payments');
    const payments = inWindow(built.report).filter((d) => d.area === 'payments');
    assert.equal(await page.locator('canvas.orbit-canvas').getAttribute('data-marks'), String(payments.length));
    await page.selectOption('select[name="source"]', 'adr');
    assert.equal(await page.locator('canvas.orbit-canvas').getAttribute('data-marks'), String(payments.filter((d) => d.source === 'adr').length));
    await page.reload();
    await page.locator('body[data-ready="true"]').waitFor();
    assert.equal(await page.locator('select[name="area"]').inputValue(), 'payments');
    assert.equal(await page.locator('select[name="focus"]').inputValue(), 'dana-chen');
    assert.equal(await page.locator('select[name="source"]').inputValue(), 'adr');
    await page.selectOption('select[name="area"]', '');
    await page.selectOption('select[name="source"]', '');
    await page.selectOption('select[name="status"]', 'proposed');
    assert.equal(await page.locator('canvas.orbit-canvas').getAttribute('data-marks'), String(inWindow(built.report).filter((d) => d.status === 'proposed').length));
    await page.selectOption('select[name="status"]', '');
    await page.locator('input[name="query"]').pressSequentially('frank');
    const franks = inWindow(built.report).filter((d) => d.evidence.some((e) => e.person === 'frank-osei') || d.decisionMakers.includes('frank-osei'));
    await page.waitForFunction((n) => document.querySelector('canvas.orbit-canvas')?.getAttribute('data-marks') === String(n), franks.length);
    assert.ok(await page.locator('input[name="query"]').evaluate((node) => node === document.activeElement), 'typing keeps the focus in the search box');
  });

  it('widens the window to all time and moves between tabs with the arrow keys', async () => {
    await page.getByRole('button', { name: 'All time' }).click();
    assert.equal(await page.locator('canvas.orbit-canvas').getAttribute('data-marks'), String(onOrbit(built.report, built.report.decisions).length));
    await page.getByRole('tab', { name: 'Orbit map' }).focus();
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.getByRole('tab', { selected: true }).innerText(), await page.getByRole('tab', { name: /Routed around/ }).innerText());
    assert.ok(await page.getByRole('tab', { selected: true }).evaluate((node) => node === document.activeElement));
  });

  it('draws the timeline with the supersede chain, each record reachable by keyboard', async () => {
    await page.getByRole('button', { name: 'All time' }).click();
    await page.getByRole('tab', { name: 'Timeline' }).click();
    const records = page.locator('.timeline-record');
    const linked = built.report.decisions.filter((d) => d.supersedes.length > 0 || d.supersededBy.length > 0);
    assert.equal(await records.count(), linked.length);
    assert.ok(linked.length >= 2);
    assert.equal(await page.locator('.timeline-chain').count(), linked.reduce((sum, d) => sum + d.supersedes.length, 0));
    await records.first().focus();
    await page.keyboard.press('Enter');
    const first = await records.first().getAttribute('data-id');
    await page.locator(`aside.detail[data-id="${first}"]`).waitFor();
    const detail = await page.locator('aside.detail').innerText();
    assert.match(detail, /Superseded by\s+Move payments to CQRS/);
    await page.getByRole('button', { name: 'Move payments to CQRS', exact: true }).click();
    await page.locator('aside.detail[data-id="adr:docs/adr/0005-move-payments-to-cqrs.md"]').waitFor();
    await page.screenshot({ path: join(shots, 'report-timeline.png') });
  });

  it('shows owners with their distance from leadership, delegation breadth and bus factor', async () => {
    await page.getByRole('button', { name: 'All time' }).click();
    await page.getByRole('tab', { name: 'Owners' }).click();
    const rows = page.locator('.owners-table tbody tr');
    const owners = new Set(built.report.decisions.filter((d) => d.counted).flatMap(decidersOf));
    assert.equal(await rows.count(), owners.size);
    assert.match(await rows.filter({ hasText: 'Carol Diaz' }).innerText(), /Carol Diaz\s+\d+/);
    // Each owner's distance is the one rule's, as the CLI and the extension give it (all time, the roster at the centre).
    const names = new Map(built.report.people.map((p) => [p.id, p.name]));
    for (const owner of decisionOwners(built.report.decisions, (d) => d.involvement, (id) => names.get(id) ?? id)) {
      const cells = await rows.filter({ hasText: names.get(owner.person) ?? owner.person }).first().locator('td').allInnerTexts();
      assert.equal(cells.at(-1), owner.distance === null ? '—' : percent(owner.distance), `${owner.person}: ${cells.join(' | ')}`);
    }
    assert.equal(await page.locator('.breadth li').count(), Math.min(8, Object.keys(built.report.insights?.breadthByQuarter ?? {}).length));
    const accepted = new Set(built.report.decisions.filter((d) => d.source === 'adr' && d.status === 'accepted').map((d) => d.id));
    const risks = (built.report.insights?.busFactor ?? []).filter((risk) => accepted.has(risk.decision));
    assert.ok(risks.length > 0, 'the company has bus-factor risks');
    assert.equal(await page.locator('.bus-factor li').count(), risks.length);
    assert.equal(await page.locator('.more-not-listed').count(), 0);
    await rows.filter({ hasText: 'Frank Osei' }).getByRole('button', { name: 'Frank Osei' }).click();
    assert.equal(await page.locator('input[name="query"]').inputValue(), 'Frank Osei');
    // The person filter narrows the risks too (the window does not: old decisions are the risk).
    const franks = built.report.people.filter((p) => p.name === 'Frank Osei').map((p) => p.id);
    const franksRisks = risks.filter((risk) => built.report.decisions.find((d) => d.id === risk.decision)?.decisionMakers.some((id) => franks.includes(id)));
    const listed = await page.locator('.bus-factor li').count();
    assert.ok(listed >= franksRisks.length && listed < risks.length, `${listed} risks listed for Frank of ${risks.length}`);
  });

  it('follows light, dark and high-contrast themes', async () => {
    const background = async (p: Page): Promise<string> => p.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await background(page);
    const dark = await openReport(browser, built.file, { colorScheme: 'dark' });
    const darkBackground = await background(dark.page);
    assert.notEqual(darkBackground, light);
    await dark.page.screenshot({ path: join(shots, 'report-dark.png') });
    assert.deepEqual(dark.errors, []);
    await dark.page.context().close();
    const contrast = await openReport(browser, built.file, { colorScheme: 'dark', forcedColors: 'active' });
    const verdictBorder = await contrast.page.locator('.zone-card').first().evaluate((node) => getComputedStyle(node).borderLeftColor);
    const highlight = await contrast.page.evaluate(() => {
      const probe = document.body.appendChild(document.createElement('span'));
      probe.style.color = 'Highlight';
      return getComputedStyle(probe).color;
    });
    assert.equal(verdictBorder, highlight, 'forced colours: the Goldilocks verdict in the system highlight colour');
    await contrast.page.screenshot({ path: join(shots, 'report-high-contrast.png') });
    assert.deepEqual(contrast.errors, []);
    await contrast.page.context().close();
  });
});
