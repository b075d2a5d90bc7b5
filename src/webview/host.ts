// The one place that talks to the host: the VS Code webview API when present,
// nothing at all in the standalone HTML report.
import type { WebviewToHost } from '../protocol/messages';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare const acquireVsCodeApi: (() => VsCodeApi) | undefined;

const api: VsCodeApi | undefined = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : undefined;

export const inVsCode = api !== undefined;

export function post(message: WebviewToHost): void {
  api?.postMessage(message);
}

export function loadState(): unknown {
  return api?.getState();
}

export function saveState(state: unknown): void {
  api?.setState(state);
}
