// What the web workbench has written to browser storage for our map panel.
// It writes editor and webview state from an idle-time flush every few seconds
// and deliberately not on unload, so a reload only brings back what the last
// flush saved. A test that reloads waits for that write instead of guessing a delay.
import type { Page } from 'playwright-core';
import { viewStateSchema, type ViewState } from '../../../src/webview/state';

const EDITOR_MEMENTO = 'memento/workbench.parts.editor';
const MAP_VIEW_TYPE = 'mainThreadWebview-decisionOrbit.map';

async function savedEditorMementos(page: Page): Promise<string[]> {
  return page.evaluate(async (key) => {
    const values: string[] = [];
    for (const info of await indexedDB.databases()) {
      const name = info.name ?? '';
      if (!name.startsWith('vscode-web-state-db-') || name.startsWith('vscode-web-state-db-global')) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = (): void => resolve(request.result);
        request.onerror = (): void => reject(request.error);
      });
      try {
        const value = await new Promise<unknown>((resolve, reject) => {
          const request = db.transaction('ItemTable').objectStore('ItemTable').get(key);
          request.onsuccess = (): void => resolve(request.result);
          request.onerror = (): void => reject(request.error);
        });
        if (typeof value === 'string') values.push(value);
      } finally {
        db.close();
      }
    }
    return values;
  }, EDITOR_MEMENTO);
}

/** Each serialized editor is JSON inside JSON; the webview's own state is JSON once more. */
function mapStates(memento: string): ViewState[] {
  const states: ViewState[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (record.id === 'workbench.editors.webviewInput' && typeof record.value === 'string') {
      const input = JSON.parse(record.value) as { viewType?: unknown; state?: unknown };
      if (input.viewType === MAP_VIEW_TYPE && typeof input.state === 'string') states.push(viewStateSchema.parse(JSON.parse(input.state)));
      return;
    }
    Object.values(record).forEach(visit);
  };
  visit(JSON.parse(memento));
  return states;
}

/** Resolves once the saved map panel's state satisfies `wanted`; fails with what was saved instead. */
export async function waitForSavedMapState(page: Page, wanted: (state: ViewState) => boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let seen: ViewState[] = [];
  while (Date.now() < deadline) {
    seen = (await savedEditorMementos(page)).flatMap(mapStates);
    if (seen.some(wanted)) return;
    await page.waitForTimeout(250);
  }
  throw new Error(`the workbench did not save the map's state within ${timeoutMs} ms; saved: ${JSON.stringify(seen)}`);
}
