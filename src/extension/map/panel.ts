// The map's webview panel: strict CSP with a fresh nonce, script and style only
// from the extension's bundle folder, repository text only as escaped text.
import * as vscode from 'vscode';
import { mapPage } from '../../present/map-page';

export const MAP_VIEW_TYPE = 'decisionOrbit.map';

export function mapPanelOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    retainContextWhenHidden: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist')],
  };
}

export function mapHtml(webview: vscode.Webview, extensionUri: vscode.Uri, repositoryName: string): string {
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview.css'));
  return mapPage({
    title: `Decision Orbit: ${repositoryName}`,
    heading: repositoryName,
    sources: { style: webview.cspSource, img: `${webview.cspSource} data:`, font: webview.cspSource },
    style: () => `<link rel="stylesheet" href="${style.toString()}">`,
    script: (nonce) => `<script nonce="${nonce}" src="${script.toString()}"></script>`,
    host: 'vscode',
  });
}

export function showMapPanel(context: vscode.ExtensionContext, options: { repositoryName: string }): vscode.WebviewPanel {
  const panel = vscode.window.createWebviewPanel(MAP_VIEW_TYPE, `Decision Orbit: ${options.repositoryName}`, vscode.ViewColumn.Active, mapPanelOptions(context.extensionUri));
  panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'orbit.svg');
  panel.webview.html = mapHtml(panel.webview, context.extensionUri, options.repositoryName);
  return panel;
}
