// The map at scale, in headless Chromium (Debian's, as the tests use): the
// standalone report of 10,000 decisions by 2,000 people. First frame: from
// navigation to the first painted orbit (parse, validate, lay out, draw).
// Pan and zoom: a frame a display refresh for three seconds, each frame a new
// transform and a full paint; the figures are the frames per second and the
// paint time of the slowest frames.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { renderHtmlReport } from '../src/cli/format/html';
import { median } from './measure';
import { syntheticReport } from './synthetic-report';
import type { BenchResult } from './types';

const CHROMIUM = '/usr/bin/chromium';
const RUNS = 5;

/**
 * Runs in the page, as text: tsx would wrap a function's inner closures in a
 * helper the page does not have. Each frame: a new pan/zoom transform, a paint.
 */
const MOTION_SCRIPT = `new Promise((resolve) => {
  const view = window.decisionOrbitMap;
  const start = view.currentTransform;
  const paints = [];
  const began = performance.now();
  let frames = 0;
  const tick = (now) => {
    const t = (now - began) / 1000;
    const k = start.k * (1 + 1.5 * (0.5 - 0.5 * Math.cos(t * 2)));
    view.zoomTo(Object.assign(Object.create(Object.getPrototypeOf(start)), { k, x: start.x + 200 * Math.sin(t * 3), y: start.y + 150 * Math.cos(t * 2) }));
    view.paint();
    paints.push(view.lastPaintMs);
    frames += 1;
    if (now - began < 3000) requestAnimationFrame(tick);
    else resolve({ frames, seconds: (performance.now() - began) / 1000, paints });
  };
  requestAnimationFrame(tick);
})`;

interface Motion {
  frames: number;
  seconds: number;
  paints: number[];
}

async function firstFrame(browser: Browser, file: string): Promise<number> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(`file://${file}`);
  await page.locator('body[data-ready="true"]').waitFor({ timeout: 60_000 });
  const ms = Number(await page.evaluate(() => document.body.dataset.firstFrameMs));
  await page.close();
  return ms;
}

async function panAndZoom(browser: Browser, file: string): Promise<Motion> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(`file://${file}`);
  await page.locator('body[data-ready="true"]').waitFor({ timeout: 60_000 });
  const motion = (await page.evaluate(MOTION_SCRIPT)) as Motion;
  await page.close();
  return motion;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

export async function run(): Promise<BenchResult[]> {
  const report = syntheticReport();
  const dir = mkdtempSync(join(tmpdir(), 'do-render-bench-'));
  const file = join(dir, 'report.html');
  const html = renderHtmlReport(report);
  writeFileSync(file, html);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  try {
    const firsts: number[] = [];
    for (let i = 0; i < RUNS; i += 1) firsts.push(await firstFrame(browser, file));
    const motion = await panAndZoom(browser, file);
    const size = `${(html.length / 1e6).toFixed(1)} MB page`;
    return [
      { name: 'map first frame, 10,000 decisions / 2,000 people', value: Math.round(median(firsts)), unit: 'ms', budget: { max: 1000 }, note: `median of ${RUNS}, navigation to first paint; ${size}` },
      { name: 'map pan/zoom frame rate', value: Math.round(motion.frames / motion.seconds), unit: 'fps', budget: { min: 55 }, note: `${motion.frames} frames in ${motion.seconds.toFixed(1)} s, a full repaint each` },
      { name: 'map paint time, 95th percentile', value: Number(percentile(motion.paints, 0.95).toFixed(1)), unit: 'ms', budget: { max: 16.7 }, note: `median ${percentile(motion.paints, 0.5).toFixed(1)} ms, max ${Math.max(...motion.paints).toFixed(1)} ms` },
    ];
  } finally {
    await browser.close();
  }
}
