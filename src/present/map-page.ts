// The one HTML page of the map, for the VS Code webview (script and style from
// the extension's files) and for the standalone report (both inlined, the
// report in a JSON block, in the compact form the app decodes). Both carry a
// strict CSP; repository text only ever enters as escaped text or as JSON that
// cannot end its block.
import { randomBytes } from 'node:crypto';
import { encodeReport } from '../protocol/compact-report';
import type { Report } from '../core/model/report';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** JSON that can sit inside <script type="application/json">: no `<` can open `</script>` or `<!--`. */
export function jsonForScriptBlock(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export interface MapPageParts {
  title: string;
  heading: string;
  /** CSP sources beyond the page's nonce: styles (default: the nonce), images, fonts. */
  sources: { style?: string; img: string; font?: string };
  /** The `<link>` or `<style>` element, given the page's nonce. */
  style(nonce: string): string;
  /** The `<script>` element, given the page's nonce. */
  script(nonce: string): string;
  report?: Report;
  host: 'vscode' | 'standalone';
}

/** No network, no forms, no base: the page runs its own nonce'd script and nothing else. */
function contentSecurityPolicy(nonce: string, sources: MapPageParts['sources']): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${sources.style ?? `'nonce-${nonce}'`}`,
    `img-src ${sources.img}`,
    ...(sources.font ? [`font-src ${sources.font}`] : []),
    "connect-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
}

export function mapPage(parts: MapPageParts): string {
  const nonce = randomBytes(16).toString('base64');
  const data = parts.report ? `<script type="application/json" id="report-data">${jsonForScriptBlock(encodeReport(parts.report))}</script>\n` : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(nonce, parts.sources)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${escapeHtml(parts.title)}</title>
${parts.style(nonce)}
</head>
<body data-host="${parts.host}">
<header class="map-header"><h1 id="repository-name">${escapeHtml(parts.heading)}</h1><p id="status" role="status">Waiting for the analysis…</p></header>
<main id="app"></main>
<noscript><p>The map needs JavaScript. The same report as data: decision-orbit --json.</p></noscript>
${data}${parts.script(nonce)}
</body>
</html>
`;
}
