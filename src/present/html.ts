// `--html FILE`: the map app as one self-contained page a CTO can share: the
// webview bundle and its stylesheet inlined under a strict CSP with a fresh
// nonce, the report in a JSON block the page validates before it renders.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Report } from '../core/model/report';
import { escapeNonAscii, mapPage } from './map-page';

export interface MapAssets {
  script: string;
  style: string;
}

/** The bundle sits next to the CLI and the extension in dist/; from sources (tests) it is the project's dist/. */
function findAsset(relative: string): string {
  const candidates = [join(__dirname, '..', relative), join(__dirname, '..', '..', relative)];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) throw new Error(`The map's ${relative} is missing (looked in ${candidates.join(', ')}): run \`npm run build\`.`);
  return found;
}

let cached: MapAssets | undefined;

export function mapAssets(): MapAssets {
  cached ??= { script: readFileSync(findAsset('dist/webview.js'), 'utf8'), style: readFileSync(findAsset('dist/webview.css'), 'utf8') };
  return cached;
}

/** Inline text must not close its own element, and stays ASCII as the page does (map-page.ts). */
function inlineSafe(text: string, tag: 'script' | 'style'): string {
  const ascii = tag === 'script' ? escapeNonAscii(text) : text.replace(/[^\0-\x7f]/gu, (character) => `\\${(character.codePointAt(0) ?? 0).toString(16)} `);
  return ascii.replace(new RegExp(`</${tag}`, 'gi'), `<\\/${tag}`);
}

export function renderHtmlReport(report: Report, assets: MapAssets = mapAssets()): string {
  const name = report.repository.root.split(/[\\/]/).filter(Boolean).pop() ?? 'repository';
  return mapPage({
    title: `Decision Orbit: ${name}`,
    heading: name,
    sources: { img: 'data:' },
    style: (nonce) => `<style nonce="${nonce}">${inlineSafe(assets.style, 'style')}</style>`,
    script: (nonce) => `<script nonce="${nonce}">${inlineSafe(assets.script, 'script')}</script>`,
    report,
    host: 'standalone',
  });
}
