// The map of a repository the size of a real one (1,500 decisions, a long tail of
// owners, a bot, 40 areas), read at 800, 1400 and 1920 px: no label over another,
// the whole orbit in view when it opens and again after the window changes, above
// the fold at 1400×900; and the panels a CTO tripped over: the details' Close
// button, the tooltip, delegation breadth, bus factor, the timeline's greys, the
// date fields, percentages, the marks' colours and the bots' work.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { syntheticReport } from '../../bench/synthetic-report';
import { renderHtmlReport } from '../../src/present/html';
import type { Report } from '../../src/core/model/report';
import { launchBrowser, screenshotDir } from './harness/browser.mjs';
import { openReport } from './harness/html-report';
import { assertReadable, lineCount, orbitLayout } from './harness/layout';

const LONG_TITLE = 'Adopt an event-sourced ledger for payments, refunds and chargebacks across every regional deployment';

function crowdedReport(): Report {
  const report = syntheticReport(1_500, 300);
  const first = report.decisions[0];
  if (first) first.title = LONG_TITLE;
  // Names as long as real ones: an organisation's bot, a maintainers' team.
  for (const person of report.people.slice(0, 40)) person.name = `${person.name} of the Platform Maintainers`;
  return report;
}

function stateFragment(state: Record<string, unknown>): string {
  return `#${encodeURIComponent(JSON.stringify(state))}`;
}

describe('the map at the size of a real repository', function () {
  this.timeout(120_000);
  let browser: Browser;
  let report: Report;
  let file: string;
  const shots = screenshotDir();
  const pages: Page[] = [];

  before(async () => {
    mkdirSync(shots, { recursive: true });
    report = crowdedReport();
    file = join(mkdtempSync(join(tmpdir(), 'do-layout-')), 'report.html');
    writeFileSync(file, renderHtmlReport(report));
    browser = await launchBrowser();
  });

  async function open(width: number, height = 900, fragment = ''): Promise<Page> {
    const { page, errors } = await openReport(browser, `${file}${fragment}`, { viewport: { width, height } });
    page.on('close', () => assert.deepEqual(errors, [], 'no script errors on the page'));
    pages.push(page);
    return page;
  }

  afterEach(async () => {
    for (const page of pages.splice(0)) await page.context().close();
  });

  after(async () => {
    await browser?.close();
  });

  for (const width of [800, 1400, 1920]) {
    it(`places no label over another, and fits the whole orbit in view, at ${width} px`, async () => {
      const page = await open(width);
      assertReadable(await orbitLayout(page), `${width} px, report window`);
      await page.screenshot({ path: join(shots, `layout-${width}.png`) });
      // Fitted again whenever what the orbit shows changes: all of history is a bigger orbit.
      await page.getByRole('button', { name: 'All time' }).click();
      assertReadable(await orbitLayout(page), `${width} px, all time`);
      await page.selectOption('select[name="source"]', 'adr');
      assertReadable(await orbitLayout(page), `${width} px, ADRs only`);
    });
  }

  it('has the whole orbit above the fold at 1400×900, the centre\'s words in full, painted once', async () => {
    const page = await open(1400, 900);
    const seen = await orbitLayout(page);
    assert.equal(seen.paints, 1, 'the first frame is painted once, not again on the next frame');
    assert.ok(seen.canvas.bottom <= seen.viewport.height, `the canvas ends at ${seen.canvas.bottom} px, below the fold`);
    assert.ok(seen.canvas.bottom - seen.canvas.top >= 420, `the canvas is ${seen.canvas.bottom - seen.canvas.top} px tall`);
    const trend = await page.locator('figure.trend').boundingBox();
    const cards = await page.locator('.zone-cards').boundingBox();
    assert.ok(trend && cards && trend.x >= cards.x + cards.width - 1 && trend.y < cards.y + cards.height, 'the trend stands beside the zone cards');
    assert.deepEqual(seen.labels.filter((l) => l.kind === 'centre').map((l) => l.text), ['Leadership', (await page.locator('.zone-card').first().locator('.verdict').innerText()).replace(/^\W+/, '').split('\n')[0]?.trim()]);
  });

  it('lays out the details header at every width: Close on one line', async () => {
    const id = report.decisions[0]?.id;
    for (const width of [800, 1000, 1400, 1920]) {
      const page = await open(width, 900, stateFragment({ selected: id, windowChosen: true, since: null, until: null }));
      const close = page.getByRole('button', { name: 'Close details' });
      assert.equal(await close.evaluate(lineCount), 1, `Close wraps at ${width} px`);
      assert.equal(await page.locator('#detail-title').innerText(), LONG_TITLE);
    }
  });

  it('hides the tooltip on click, and keeps it readable near the edge', async () => {
    const page = await open(1400);
    await page.locator('canvas.orbit-canvas').focus();
    await page.keyboard.press('End');
    const box = await page.locator('.orbit-cursor').boundingBox();
    assert.ok(box);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const tooltip = page.locator('.orbit-tooltip');
    await tooltip.waitFor();
    const size = await tooltip.boundingBox();
    assert.ok(size && size.width >= 150, `the tooltip is ${size?.width} px wide`);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.locator('aside.detail').waitFor();
    await tooltip.waitFor({ state: 'hidden' });
  });

  it('scales the breadth bars to the largest quarter, and lists the bus factor over accepted records, newest first, capped', async () => {
    const page = await open(1400, 900, stateFragment({ tab: 'owners', windowChosen: true, since: null, until: null }));
    const breadth = Object.entries(report.insights?.breadthByQuarter ?? {}).slice(-8);
    const widths = await page.locator('.breadth-bar').evaluateAll((bars) => bars.map((bar) => bar.getBoundingClientRect().width));
    const widest = Math.max(...widths);
    const largest = Math.max(...breadth.map(([, n]) => n));
    breadth.forEach(([quarter, count], i) => assert.ok(Math.abs((widths[i] ?? 0) / widest - count / largest) < 0.02, `${quarter}: ${widths[i]} px for ${count} people`));
    const accepted = new Set(report.decisions.filter((d) => d.source === 'adr' && d.status === 'accepted').map((d) => d.id));
    const risks = (report.insights?.busFactor ?? []).filter((r) => accepted.has(r.decision));
    assert.ok(risks.length > 20);
    assert.match(await page.locator('.owners-panel h2', { hasText: 'Bus factor' }).innerText(), new RegExp(`Bus factor \\(${risks.length.toLocaleString('en')} accepted records\\)`));
    const dates = await page.locator('.bus-factor .bus-date').allInnerTexts();
    assert.equal(dates.length, 20);
    assert.deepEqual(dates, [...dates].sort().reverse(), 'newest first');
    const byId = new Map(report.decisions.map((d) => [d.id, d]));
    const newest = risks.map((r) => byId.get(r.decision)?.date ?? '').sort().reverse().slice(0, 20);
    assert.deepEqual(dates, newest);
    assert.match(await page.locator('.more-not-listed').last().innerText(), new RegExp(`^${(risks.length - 20).toLocaleString('en')} more not listed`));
  });

  it('draws pending and automated in two greys, each with its own pattern', async () => {
    const page = await open(1400, 900, stateFragment({ tab: 'timeline', windowChosen: true, since: null, until: null }));
    const fills = await page.evaluate(() => ['pending', 'automated'].map((level) => {
      const rect = document.querySelector(`.timeline-${level}`);
      const swatch = document.querySelector(`.legend .swatch.timeline-${level}`);
      return { fill: rect ? getComputedStyle(rect).fill : '', swatch: swatch ? getComputedStyle(swatch).backgroundImage : '' };
    }));
    const [pending, automated] = fills;
    assert.ok(pending && automated);
    assert.match(pending.fill, /url\(.*#hatch-pending/);
    assert.match(automated.fill, /url\(.*#hatch-automated/);
    assert.notEqual(pending.swatch, automated.swatch);
    const grounds = await page.evaluate(() => ['.hatch-pending-ground', '.hatch-automated-ground'].map((s) => getComputedStyle(document.querySelector(s) ?? document.body).fill));
    assert.notEqual(grounds[0], grounds[1], 'two greys');
  });

  it('shows and takes the window as ISO dates', async () => {
    const page = await open(1400);
    const since = page.locator('input[name="since"]');
    assert.equal(await since.getAttribute('type'), 'text');
    assert.equal(await since.inputValue(), report.repository.window.since);
    await since.fill('2025-09-01');
    await since.press('Enter');
    await page.locator('.weighed', { hasText: 'Weighed over 2025-09-01 to 2025-12-31' }).waitFor();
    await since.fill('09/01/2025');
    await since.press('Enter');
    assert.equal(await since.evaluate((node) => (node as HTMLInputElement).validity.valid), false);
    await page.locator('.weighed', { hasText: 'Weighed over 2025-09-01' }).waitFor();
  });

  it('keeps each percentage on one line', async () => {
    const page = await open(800);
    const shares = await page.locator('.zone-card .shares').allInnerTexts();
    assert.ok(shares.length > 0);
    for (const text of shares) {
      assert.match(text, /\d\u00a0%/);
      assert.doesNotMatch(text, /\d %/);
    }
  });

  it('colours each mark by leadership\'s involvement, as the legend says, and keeps the bots\' work off the orbit until asked', async () => {
    const page = await open(1400);
    assert.match(await page.locator('.legend-panel').innerText(), /Colour: leadership/);
    const inWindow = report.decisions.filter((d) => d.date !== null && d.date >= report.repository.window.since && d.date <= report.repository.window.until);
    const bot = new Set(report.people.filter((p) => p.isBot).map((p) => p.id));
    const automated = inWindow.filter((d) => d.involvement === 'automated' || bot.has(d.decisionMakers[0] ?? ''));
    assert.ok(automated.length > 0);
    const canvas = page.locator('canvas.orbit-canvas');
    assert.equal(await canvas.getAttribute('data-marks'), String(inWindow.length - automated.length));
    // The colour under a few accepted git signals' centres is the legend's colour for their level.
    await canvas.focus();
    await page.keyboard.press('Home');
    // Zoomed in, so each mark's centre is whole pixels of its colour.
    for (let i = 0; i < 3; i += 1) await page.keyboard.press('+');
    const checked = new Set<string>();
    for (let i = 0; i < 400 && checked.size < 3; i += 1) {
      await page.keyboard.press('ArrowRight');
      const id = await page.locator('.orbit-cursor').getAttribute('data-decision');
      const decision = inWindow.find((d) => d.id === id);
      if (!decision || decision.status !== 'accepted' || checked.has(decision.involvement)) continue;
      const tone = decision.involvement === 'decided' ? 'decided' : decision.involvement === 'around' ? 'around' : decision.involvement === 'consulted' || decision.involvement === 'informed' ? 'middle' : 'muted';
      const box = await page.locator('.orbit-cursor').boundingBox();
      assert.ok(box);
      const seen = await page.evaluate(({ x, y, tone: t }) => {
        const node = document.querySelector('canvas.orbit-canvas') as HTMLCanvasElement;
        const rect = node.getBoundingClientRect();
        const ratio = node.width / rect.width;
        const at = { x: x - rect.left, y: y - rect.top };
        // A label's plate over the mark would tint it: such a mark is not sampled.
        const labels = (window as unknown as { decisionOrbitMap: { placedLabels: Array<{ box: { left: number; right: number; top: number; bottom: number } }> } }).decisionOrbitMap.placedLabels;
        if (labels.some(({ box }) => at.x >= box.left - 2 && at.x <= box.right + 2 && at.y >= box.top - 2 && at.y <= box.bottom + 2)) return null;
        const data = node.getContext('2d')?.getImageData(Math.round(at.x * ratio), Math.round(at.y * ratio), 1, 1).data;
        const swatch = document.querySelector(`.legend-panel [data-tone="${t}"] svg`);
        return { pixel: data ? [data[0] ?? 0, data[1] ?? 0, data[2] ?? 0] : [], legend: swatch ? getComputedStyle(swatch).color : '' };
      }, { x: box.x + box.width / 2, y: box.y + box.height / 2, tone });
      if (!seen) continue;
      const legend = (seen.legend.match(/\d+/g) ?? []).map(Number).slice(0, 3);
      assert.ok(legend.length === 3 && seen.pixel.every((value, c) => Math.abs(value - (legend[c] ?? -99)) <= 3), `${decision.id} (${decision.involvement}): the mark is rgb(${seen.pixel.join(', ')}), the legend says ${seen.legend}`);
      checked.add(decision.involvement);
    }
    assert.ok(checked.size >= 2, `checked ${[...checked].join(', ')}`);
    await page.getByRole('checkbox', { name: /Show bots' and automated work/ }).check();
    await page.waitForFunction((n) => document.querySelector('canvas.orbit-canvas')?.getAttribute('data-marks') === String(n), inWindow.length);
  });

  it('folds the git signals into one mark per level, area, kind and quarter, and unfolds one area on demand', async () => {
    const page = await open(1400);
    await page.getByRole('checkbox', { name: /Fold the .* git signals/ }).check();
    const inWindow = report.decisions.filter((d) => d.date !== null && d.date >= report.repository.window.since && d.date <= report.repository.window.until && d.involvement !== 'automated' && !report.people.find((p) => p.id === d.decisionMakers[0])?.isBot);
    const signals = inWindow.filter((d) => d.source === 'git');
    const folds = new Set(signals.map((d) => `${d.involvement} ${d.area} ${d.kind} ${d.date?.slice(0, 4)}-Q${Math.ceil(Number(d.date?.slice(5, 7)) / 3)}`));
    assert.ok(folds.size < signals.length, `${folds.size} folds for ${signals.length} signals`);
    const canvas = page.locator('canvas.orbit-canvas');
    await page.waitForFunction((n) => document.querySelector('canvas.orbit-canvas')?.getAttribute('data-marks') === String(n), inWindow.length - signals.length + folds.size);
    assertReadable(await orbitLayout(page), 'folded');
    await canvas.focus();
    await page.keyboard.press('Home');
    for (let i = 0; i < 500 && !(await page.locator('.orbit-cursor').getAttribute('data-decision'))?.startsWith('fold:'); i += 1) await page.keyboard.press('ArrowRight');
    const fold = await page.locator('.orbit-cursor').getAttribute('data-decision') ?? '';
    assert.ok(fold.startsWith('fold:'));
    const area = fold.split('\u0000')[1] ?? '';
    await page.keyboard.press('Enter');
    await page.waitForFunction((a) => (document.querySelector('select[name="area"]') as HTMLSelectElement | null)?.value === a, area);
    assert.equal(await page.locator('select[name="source"]').inputValue(), 'git');
    assert.equal(await page.getByRole('checkbox', { name: /Fold the .* git signals/ }).isChecked(), false);
    assert.equal(await canvas.getAttribute('data-marks'), String(signals.filter((d) => d.area === area).length));
  });
});
