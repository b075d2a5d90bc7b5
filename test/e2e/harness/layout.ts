// Measures the map's layout in the page (the standalone report or the VS Code
// webview): the orbit's labels for overlaps, the orbit against its canvas, and
// how many lines a button's text takes.
import assert from 'node:assert/strict';
import type { FrameLocator, Page } from 'playwright-core';

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface OrbitLayoutSeen {
  labels: Array<{ kind: string; text: string; box: Box }>;
  orbit: Box;
  width: number;
  height: number;
  /** The canvas in the page's viewport. */
  canvas: Box;
  viewport: { width: number; height: number };
  /** How many times the orbit has painted since the page opened. */
  paints: number;
}

/** Runs in the page: what the live orbit view drew last. */
function readLayout(): OrbitLayoutSeen {
  const view = (window as unknown as { decisionOrbitMap: { placedLabels: OrbitLayoutSeen['labels']; extent: { orbit: Box; width: number; height: number }; paints: number } }).decisionOrbitMap;
  const rect = document.querySelector('canvas.orbit-canvas')?.getBoundingClientRect();
  return {
    labels: view.placedLabels,
    ...view.extent,
    canvas: { left: rect?.left ?? 0, right: rect?.right ?? 0, top: rect?.top ?? 0, bottom: rect?.bottom ?? 0 },
    viewport: { width: window.innerWidth, height: window.innerHeight },
    paints: view.paints,
  };
}

/** The layout once the orbit has painted after the last change (two animation frames: a change paints on the next). */
export async function orbitLayout(target: Page | FrameLocator): Promise<OrbitLayoutSeen> {
  const body = target.locator('body');
  await body.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
  return body.evaluate(readLayout);
}

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** No two labels overlap; every label and the whole orbit lie inside the canvas. */
export function assertReadable(seen: OrbitLayoutSeen, where: string): void {
  assert.ok(seen.labels.length > 0, `${where}: labels drawn`);
  for (let i = 0; i < seen.labels.length; i += 1) {
    for (let j = i + 1; j < seen.labels.length; j += 1) {
      const a = seen.labels[i];
      const b = seen.labels[j];
      assert.ok(a && b && !overlaps(a.box, b.box), `${where}: "${a?.text}" (${a?.kind}) overlaps "${b?.text}" (${b?.kind})`);
    }
  }
  const inside = (box: Box): boolean => box.left >= -0.5 && box.top >= -0.5 && box.right <= seen.width + 0.5 && box.bottom <= seen.height + 0.5;
  for (const label of seen.labels) assert.ok(inside(label.box), `${where}: "${label.text}" leaves the canvas`);
  assert.ok(inside(seen.orbit), `${where}: the orbit ${JSON.stringify(seen.orbit)} is not wholly in the ${seen.width}×${seen.height} canvas`);
}

/** Runs in the page: one client rect per line box of the element's text. */
export function lineCount(node: Element): number {
  const range = document.createRange();
  range.selectNodeContents(node);
  return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
}
