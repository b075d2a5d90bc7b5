// The real VS Code server (from the code-server npm package) on 127.0.0.1,
// with fresh data folders and a temporary HOME for every run.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureCodeServer } from '../../../scripts/prereqs.mjs';
import { trackGroup } from './processes.mjs';

const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'workbench.enableExperiments': false,
  'workbench.tips.enabled': false,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  // Local history copies files as they change and logs ENOENT when a test removes one first.
  'workbench.localHistory.enabled': false,
};

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitForHttp(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the VS Code server did not answer at ${url} within ${timeoutMs / 1000} s`);
}

/** Starts a server; `stop()` ends its whole process group. */
export async function startVsCodeServer({ settings = {}, log = () => {} } = {}) {
  const { node, serverMain } = ensureCodeServer();
  const data = mkdtempSync(join(tmpdir(), 'do-vscode-'));
  const home = join(data, 'home');
  const userSettings = join(data, 'ud', 'User');
  mkdirSync(home, { recursive: true });
  mkdirSync(userSettings, { recursive: true });
  writeFileSync(join(userSettings, 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...settings }, null, 2));
  const port = await freePort();
  const child = spawn(
    node,
    [serverMain, '--host', '127.0.0.1', '--port', String(port), '--without-connection-token', '--accept-server-license-terms', '--enable-smoke-test-driver', '--disable-telemetry', '--server-data-dir', join(data, 'sd'), '--user-data-dir', join(data, 'ud'), '--extensions-dir', join(data, 'exts')],
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), XDG_CACHE_HOME: join(home, '.cache'), VSCODE_CLI: '' } },
  );
  const stop = trackGroup(child.pid);
  child.stdout.on('data', (chunk) => log(String(chunk)));
  child.stderr.on('data', (chunk) => log(String(chunk)));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(url, 60_000);
  } catch (error) {
    stop();
    throw error;
  }
  return { url, port, home, stop };
}

/**
 * The workbench URL that opens `folder` (or the multi-root `workspace` file) and,
 * for tests, loads the extension under development.
 * @param {{ url: string, port: number }} server
 * @param {{ folder?: string, workspace?: string, extensionDevelopmentPath?: string, extensionTestsPath?: string }} target
 */
export function workbenchUrl(server, { folder, workspace, extensionDevelopmentPath, extensionTestsPath }) {
  const payload = [['skipWelcome', 'true']];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${server.port}${extensionDevelopmentPath}`]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', `vscode-remote://127.0.0.1:${server.port}${extensionTestsPath}`]);
  const opened = workspace ? `workspace=${encodeURIComponent(workspace)}` : `folder=${encodeURIComponent(folder)}`;
  return `${server.url}/?${opened}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}
