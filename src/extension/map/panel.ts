// The map's webview panel: strict CSP with a fresh nonce, scripts and styles
// only from the bundle folders, repository text only as escaped text.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

export const MAP_VIEW_TYPE = 'decisionOrbit.map';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

export function mapPanelOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    retainContextWhenHidden: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

export function mapHtml(webview: vscode.Webview, extensionUri: vscode.Uri, repositoryName: string): string {
  const nonce = randomBytes(16).toString('base64');
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'map.css'));
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${webview.cspSource}`,
    `img-src ${webview.cspSource} data:`,
    `font-src ${webview.cspSource}`,
    "connect-src 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${style.toString()}">
<title>Decision Orbit: ${escapeHtml(repositoryName)}</title>
</head>
<body data-host="vscode">
<header class="map-header"><h1 id="repository-name">${escapeHtml(repositoryName)}</h1><p id="status" role="status">Waiting for the analysis…</p></header>
<main id="app" aria-live="polite"></main>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
}

export function showMapPanel(context: vscode.ExtensionContext, options: { repositoryName: string }): vscode.WebviewPanel {
  const panel = vscode.window.createWebviewPanel(MAP_VIEW_TYPE, `Decision Orbit: ${options.repositoryName}`, vscode.ViewColumn.Active, mapPanelOptions(context.extensionUri));
  panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'orbit.svg');
  panel.webview.html = mapHtml(panel.webview, context.extensionUri, options.repositoryName);
  return panel;
}
