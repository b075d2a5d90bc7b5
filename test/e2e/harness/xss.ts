// What the XSS tests look for and how a person visits the map, shared by the
// standalone report (a page) and the VS Code webview (a frame inside the workbench).
import type { BrowserContext, FrameLocator, Page } from 'playwright-core';
import { XSS_PAYLOADS } from '../../fixtures/hostile';

/** Anything in the page a payload could have made: live markup, handlers, script URLs. Runs in the page. */
export function liveMarkup(): string[] {
  const found: string[] = [];
  // The page's own elements of these kinds: its scripts and style, the filter form, the warnings;
  // in VS Code also the webview's API script and default styles, put in front of the page's CSP.
  const csp = document.querySelector('head > meta[http-equiv="Content-Security-Policy"]');
  const beforeCsp = [...document.querySelectorAll('head > script#_vscodeApiScript, head > style#_defaultStyles')].filter((node) => csp !== null && (node.compareDocumentPosition(csp) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0);
  const ours = new Set([...document.querySelectorAll('script[nonce], script#report-data, style[nonce], link[rel="stylesheet"][href*="webview.css"], form.filters, details.warnings'), ...beforeCsp]);
  for (const node of document.querySelectorAll('script, iframe, object, embed, frame, frameset, base, meta[http-equiv="refresh"], form, img, video, audio, source, portal, link, style, math, template, marquee, details, dialog, picture, input:not([name]), textarea, button[formaction]')) {
    if (!ours.has(node)) found.push(node.outerHTML.slice(0, 120));
  }
  const urlAttributes = new Set(['href', 'src', 'srcset', 'srcdoc', 'action', 'formaction', 'data', 'xlink:href', 'background', 'poster', 'style']);
  for (const node of document.querySelectorAll('*')) {
    for (const attribute of node.attributes) {
      const value = attribute.value.trim().toLowerCase();
      const scripted = value.includes('javascript:') || value.startsWith('data:') || value.includes('vbscript:') || value.includes('expression(');
      if (attribute.name.startsWith('on') || (urlAttributes.has(attribute.name) && scripted)) found.push(`${node.tagName} ${attribute.name}=${attribute.value.slice(0, 60)}`);
    }
  }
  return found;
}

/**
 * Records every CSP violation from the first byte of every document in the context,
 * as `window.cspViolations`. A document rewritten with document.open() (as VS Code
 * writes a webview's page into its frame) loses its listeners, so they are added
 * again the moment it is reopened, before a byte of the new page is parsed.
 */
export async function recordCspViolations(context: BrowserContext): Promise<void> {
  // A string, not a function: the test runner's transpiler would name the inner
  // functions with a helper the page does not have.
  await context.addInitScript({
    content: `(() => {
      const violations = [];
      const listen = (target) => target.addEventListener('securitypolicyviolation', (event) => violations.push(event.violatedDirective + ' ' + event.blockedURI + ' ' + event.sample));
      listen(document);
      Object.defineProperty(window, 'cspViolations', { value: violations });
      const open = Document.prototype.open;
      Document.prototype.open = function (...args) {
        const opened = open.apply(this, args);
        listen(this);
        return opened;
      };
    })();`,
  });
}

/** Opens every view and every decision of the map in `root` (the page, or the webview's frame). Returns how many decisions were opened. */
export async function visitEverything(root: Page | FrameLocator, page: Page): Promise<number> {
  await root.getByRole('button', { name: 'All time' }).click();
  let opened = 0;
  await root.locator('canvas.orbit-canvas').focus();
  for (let i = 0; i < 30; i += 1) await page.keyboard.press('ArrowRight');
  const box = await root.locator('.orbit-cursor').boundingBox();
  if (box) await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await root.locator('.orbit-tooltip').waitFor();
  for (const tab of ['Routed around', 'Owners', 'Timeline', 'All decisions']) {
    await root.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
  }
  for (;;) {
    const more = root.getByRole('button', { name: /^Show \d+ more/ });
    if (!(await more.isVisible())) break;
    await more.click();
  }
  const rows = root.locator('.decision-open');
  const count = await rows.count();
  for (let i = 0; i < count; i += 1) {
    await rows.nth(i).click();
    await root.locator('aside.detail').waitFor();
    opened += 1;
  }
  await root.locator('input[name="query"]').fill(XSS_PAYLOADS[0] ?? '');
  await page.waitForTimeout(300);
  return opened;
}
