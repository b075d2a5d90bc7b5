// A person at the workbench: open the palette and run a command, find a view.
import type { Frame, FrameLocator, Page } from 'playwright-core';

export async function waitForWorkbench(page: Page): Promise<void> {
  await page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
}

export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor();
  await input.fill(`>${title}`);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().click();
}

// The activity bar's hover stays over the side bar while the pointer rests on
// the icon, and takes the clicks meant for the views: a person moves on.
// The icon keeps the keyboard focus after the click, and a focused icon shows its hover
// too: the person clicks into an empty editor area (no view then shows its title
// actions over its header), or moves the pointer over an open editor.
export async function openDecisionOrbitContainer(page: Page): Promise<void> {
  // The item, not its label: the badge sits over the label's middle.
  await page.locator('.activitybar .action-item', { has: page.locator('a[aria-label^="Decision Orbit"]') }).first().click();
  const empty = page.locator('.part.editor .editor-group-watermark').first();
  if (await empty.isVisible()) await empty.click();
  else {
    const editor = await page.locator('.part.editor').boundingBox();
    await page.mouse.move((editor?.x ?? 700) + (editor?.width ?? 0) / 2, (editor?.y ?? 450) + (editor?.height ?? 0) / 2);
  }
  await page.locator('.context-view .hover-contents, .workbench-hover').waitFor({ state: 'detached', timeout: 10_000 });
}

export function mapFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}

export function frames(page: Page): Frame[] {
  return page.frames();
}
