// The one HTML page of the map, for the VS Code webview (script and style from
// the extension's files) and for the standalone report (both inlined, the
// report in a JSON block, in the compact form the app decodes). Both carry a
// strict CSP; repository text only ever enters as escaped text or as JSON that
// cannot end its block.
import { randomBytes } from 'node:crypto';
import { encodeReport } from '../protocol/compact-report';
import type { Report } from '../core/model/report';

// The page is ASCII: every other character is written as the escape of the
// context it stands in. Chromium reads a page whose characters all fit in one
// byte as one-byte text; one character beyond (an ellipsis, a name in another
// script) and it decodes, parses and compiles it as two-byte text, which cost
// 90-120 ms of the first frame of a 10,000-decision report.

/** Text and attribute values: markup characters and everything past ASCII as character references. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']|[^\0-\x7f]/gu, (character) => `&#${character.codePointAt(0) ?? 0};`);
}

/** Every UTF-16 unit past ASCII as a \\u escape, which JSON strings and JavaScript strings, templates and regular expressions read back as the same character. */
export function escapeNonAscii(text: string): string {
  return text.replace(/[^\0-\x7f]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** JSON that can sit inside <script type="application/json">: no `<` can open `</script>` or `<!--`, and nothing past ASCII. */
export function jsonForScriptBlock(value: unknown): string {
  return escapeNonAscii(JSON.stringify(value).replace(/</g, '\\u003c'));
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
<header class="map-header"><h1 id="repository-name">${escapeHtml(parts.heading)}</h1><p id="status" role="status">Waiting for the analysis&#8230;</p></header>
<main id="app"></main>
<noscript><p>The map needs JavaScript. The same report as data: decision-orbit --json.</p></noscript>
${data}${parts.script(nonce)}
</body>
</html>
`;
}
