// The map at scale, in headless Chromium (Debian's, as the tests use): the
// standalone report of 10,000 decisions by 2,000 people. First frame: from
// navigation to the first painted orbit (parse, validate, lay out, draw).
// Pan and zoom: a frame a display refresh for three seconds, each frame a new
// transform and a full paint from vectors (the app's rendering of that
// transform, no cached bitmap); the figures are the frames per second, the
// paint time of the slowest frames, and (on its own page) the paint with the
// canvas rasterisation that Chromium otherwise does after the frame's script.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { renderHtmlReport } from '../src/present/html';
import { reportSchema } from '../src/core/model/report';
import { median } from './measure';
import { syntheticReport } from './synthetic-report';
import type { BenchResult } from './types';

const CHROMIUM = '/usr/bin/chromium';
const RUNS = 5;

/**
 * Three seconds of animation frames, each running `frame` (page code with
 * `view`, `start` and the seconds `t` in scope; it may push paint times to
 * `paints`). Runs in the page, as text: tsx would wrap a function's inner
 * closures in a helper the page does not have.
 */
function frameLoopScript(frame: string): string {
  // A frame body that throws, or frames that stop coming, fail the bench instead of hanging it.
  return `new Promise((resolve, reject) => {
  const view = window.decisionOrbitMap;
  const start = view.currentTransform;
  const paints = [];
  const began = performance.now();
  let frames = 0;
  const watchdog = setTimeout(() => reject(new Error('the frame loop did not finish within 20 s')), 20000);
  const tick = (now) => {
    try {
      const t = (now - began) / 1000;
      ${frame}
    } catch (error) {
      clearTimeout(watchdog);
      reject(error);
      return;
    }
    frames += 1;
    if (now - began < 3000) requestAnimationFrame(tick);
    else {
      clearTimeout(watchdog);
      resolve({ frames, seconds: (performance.now() - began) / 1000, paints });
    }
  };
  requestAnimationFrame(tick);
})`;
}

/** Each frame: a new pan/zoom transform and a full paint (the app's own, from vectors: no cached bitmap). */
function motionScript(measure: string): string {
  return frameLoopScript(`const k = start.k * (1 + 1.5 * (0.5 - 0.5 * Math.cos(t * 2)));
    view.zoomTo(Object.assign(Object.create(Object.getPrototypeOf(start)), { k, x: start.x + 200 * Math.sin(t * 3), y: start.y + 150 * Math.cos(t * 2) }));
    ${measure}`);
}

const MOTION_SCRIPT = motionScript('view.paint(); paints.push(view.lastPaintMs);');

/**
 * The same motion with the canvas rasterised inside the frame: reading one pixel
 * makes Chromium rasterise what the paint recorded, which it otherwise does after
 * the script, outside the paint time. Its own page, after the frame rate is taken,
 * since it slows the frames it measures.
 */
const RASTER_SCRIPT = motionScript(`const painting = performance.now();
    view.paint();
    document.querySelector('canvas.orbit-canvas').getContext('2d').getImageData(0, 0, 1, 1);
    paints.push(performance.now() - painting);`);

/** The same loop with nothing to do: the frame rate this browser gives any page here. */
const IDLE_SCRIPT = frameLoopScript('');

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

async function frameLoop(browser: Browser, file: string, script: string): Promise<Motion> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(`file://${file}`);
  await page.locator('body[data-ready="true"]').waitFor({ timeout: 60_000 });
  const motion = (await page.evaluate(script)) as Motion;
  await page.close();
  return motion;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

const CLI = join(__dirname, '..', 'dist', 'cli.js');

/**
 * The standalone report of each real repository under DECISION_ORBIT_REAL_REPOS
 * (one folder each, as the `real` bench reads them), made now by the built CLI:
 * no repository's content is kept in this project.
 */
function realReports(dir: string): Array<{ name: string; file: string; decisions: number }> {
  const base = process.env.DECISION_ORBIT_REAL_REPOS;
  if (!base || !existsSync(base)) return [];
  return readdirSync(base).sort().filter((name) => existsSync(join(base, name, '.git'))).map((name) => {
    process.stderr.write(`  render: analysing ${name}\n`);
    const json = execFileSync(process.execPath, [CLI, join(base, name), '--json'], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, env: { ...process.env, XDG_CACHE_HOME: join(dir, 'cache') }, stdio: ['ignore', 'pipe', 'ignore'] });
    const report = reportSchema.parse(JSON.parse(json));
    const file = join(dir, `${name}.html`);
    writeFileSync(file, renderHtmlReport(report));
    return { name, file, decisions: report.decisions.length };
  });
}

async function realFigures(browser: Browser, dir: string): Promise<BenchResult[]> {
  const reports = realReports(dir);
  if (reports.length === 0) {
    return [{ name: 'map first frame, a real repository', value: 0, unit: 'ms', budget: { max: 1000 }, noData: 'set DECISION_ORBIT_REAL_REPOS to a folder of real repositories (one working copy each) to measure their maps' }];
  }
  const results: BenchResult[] = [];
  for (const real of reports) {
    const firsts: number[] = [];
    for (let i = 0; i < RUNS; i += 1) firsts.push(await firstFrame(browser, real.file));
    const motion = await frameLoop(browser, real.file, MOTION_SCRIPT);
    results.push(
      { name: `map first frame, ${real.name} (${real.decisions.toLocaleString('en')} decisions)`, value: Math.round(median(firsts)), unit: 'ms', budget: { max: 1000 }, note: `median of ${RUNS}` },
      { name: `map paint time, ${real.name}, 95th percentile`, value: Number(percentile(motion.paints, 0.95).toFixed(1)), unit: 'ms', budget: { max: 16.7 }, note: `median ${percentile(motion.paints, 0.5).toFixed(1)} ms` },
    );
  }
  return results;
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
    // Headless Chromium on a shared machine may not reach 60 frames a second even
    // for an idle page: the map's rate is weighed against that ceiling, measured on
    // the same page right before, and the paint time shows the 16.7 ms frame budget.
    const idle = await frameLoop(browser, file, IDLE_SCRIPT);
    const motion = await frameLoop(browser, file, MOTION_SCRIPT);
    const raster = await frameLoop(browser, file, RASTER_SCRIPT);
    const idleFps = idle.frames / idle.seconds;
    const fps = motion.frames / motion.seconds;
    const size = `${(html.length / 1e6).toFixed(1)} MB page`;
    return [
      { name: 'map first frame, 10,000 decisions / 2,000 people', value: Math.round(median(firsts)), unit: 'ms', budget: { max: 1000 }, note: `median of ${RUNS}, navigation to first paint; ${size}` },
      { name: 'idle page frame rate (this browser, this machine)', value: Math.round(idleFps), unit: 'fps', note: `${idle.frames} frames in ${idle.seconds.toFixed(1)} s, nothing drawn` },
      { name: 'map pan/zoom frame rate', value: Math.round(fps), unit: 'fps', note: `${motion.frames} frames in ${motion.seconds.toFixed(1)} s, a new transform and a full repaint each` },
      { name: 'map pan/zoom frame rate / idle page frame rate', value: Number((fps / idleFps).toFixed(2)), unit: 'x', budget: { min: 0.95 }, note: 'the frames the map keeps of what the browser gives' },
      { name: 'map paint time, 95th percentile', value: Number(percentile(motion.paints, 0.95).toFixed(1)), unit: 'ms', budget: { max: 16.7 }, note: `median ${percentile(motion.paints, 0.5).toFixed(1)} ms, max ${Math.max(...motion.paints).toFixed(1)} ms` },
      { name: 'map paint with its rasterisation, 95th percentile', value: Number(percentile(raster.paints, 0.95).toFixed(1)), unit: 'ms', note: `median ${percentile(raster.paints, 0.5).toFixed(1)} ms; forced with getImageData on a page of its own, so not in the frame rate above` },
      ...(await realFigures(browser, dir)),
    ];
  } finally {
    await browser.close();
  }
}
