// Runs the mocha suite in test/vscode/suite inside the real extension host of
// the VS Code server (code-server's), driven by headless Chromium, once per
// workspace of workspaces.mjs, each with its own server and browser. The suite
// picks its describe blocks from what it sees and names the workspace kind; a run
// whose kind is not the one intended counts as a failure. See VSCODE-TESTING.md;
// launch-electron.mjs runs the same suite on desktop VS Code.
// Run: node test/vscode/launch.mjs [kind ...] (default: every workspace)
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { format } from 'node:util';
import { PROJECT_ROOT, MissingPrerequisite, ensureBrowserPrerequisites } from '../../scripts/prereqs.mjs';
import { launchBrowser } from '../e2e/harness/browser.mjs';
import { startVsCodeServer, workbenchUrl } from '../e2e/harness/vscode-server.mjs';
import { bundleSuite } from './bundle-suite.mjs';
import { WORKSPACES } from './workspaces.mjs';

const TIMEOUT_MS = 5 * 60 * 1000;
/** Workbench chatter of an offline server that says nothing about our tests. */
const NOISE = /ENOTFOUND|AgentHost|ChatModelSelection|AccountPolicyGate|authentication provider|Creation of workbench contribution|^\s+at /;
const CLOSING_LINE = /^(\d+) passed, (\d+) failed, (\d+) pending$/;
/** Printed by test/vscode/suite/runner.ts before the tests run. */
const KIND_LINE = /^extension-host suite, workspace: (\S+)$/;

/** A log entry: its first line starts with a timestamp and a level; stack lines follow. */
const LOG_ENTRY = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3} \[(\w+)\]/;

/**
 * Warnings and errors the extension host logged about our extension (its Developer
 * Tools console): entries naming the bundle or the extension's id. Our own
 * messages go to our output channel, so any entry here is a fault, such as zod
 * reading `navigator` (a PendingMigrationError) when it is not jitless.
 */
function extensionHostComplaints(dataDir) {
  const logs = join(dataDir, 'ud', 'logs');
  if (!existsSync(logs)) return [];
  const files = readdirSync(logs, { recursive: true }).filter((file) => /(^|\/)(remote)?exthost\.log$/.test(String(file)));
  return files.flatMap((file) => {
    const entries = [];
    for (const line of readFileSync(join(logs, String(file)), 'utf8').split('\n')) {
      if (LOG_ENTRY.test(line)) entries.push(line);
      else if (entries.length > 0) entries[entries.length - 1] += `\n${line}`;
    }
    const ours = (entry) => {
      const [first = '', ...stack] = entry.split('\n');
      return first.includes('[decision-orbit.decision-orbit]') || stack.some((line) => /^\s+at /.test(line) && line.includes(join(PROJECT_ROOT, 'dist')));
    };
    return entries.filter((entry) => /\[(warning|error)\]/.test(entry.split('\n')[0] ?? '') && ours(entry));
  });
}

async function runIn(suite, workspace) {
  console.log(`\n── ${workspace.kind}: ${workspace.title}`);
  const target = workspace.open();
  let server;
  let browser;
  let counts = { passed: 0, failed: 0, pending: 0 };
  let seenKind;
  try {
    server = await startVsCodeServer({ settings: workspace.settings ?? {}, log: (text) => process.env.DECISION_ORBIT_DEBUG && process.stderr.write(text) });
    browser = await launchBrowser();
    const page = await browser.newPage();
    let resolveExit;
    const exit = new Promise((resolve) => {
      resolveExit = resolve;
    });
    await page.exposeFunction('codeAutomationExit', (code) => resolveExit(code));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const text = format(...(Array.isArray(args) ? args : [args]));
      const closing = CLOSING_LINE.exec(text.trim());
      const kind = KIND_LINE.exec(text.trim());
      if (closing) {
        counts = { passed: Number(closing[1]), failed: Number(closing[2]), pending: Number(closing[3]) };
        // The workbench calls codeAutomationExit only after stopping its extension
        // hosts, which can hang on the server; the suite's closing line is final.
        resolveExit(counts.failed === 0 ? 0 : 1);
      } else {
        if (kind) seenKind = kind[1];
        if (!NOISE.test(text)) process.stdout.write(`${text}\n`);
      }
    });
    await page.goto(workbenchUrl(server, { folder: target.folder, workspace: target.workspace, extensionDevelopmentPath: PROJECT_ROOT, extensionTestsPath: suite }));
    let timer;
    const timeout = new Promise((resolve) => {
      timer = setTimeout(() => resolve('timeout'), TIMEOUT_MS);
    });
    const code = await Promise.race([exit, timeout]);
    // A pending timer would hold the process open for the whole time-out after the suite ended.
    clearTimeout(timer);
    if (code === 'timeout') {
      console.error(`the extension-host suite did not finish within ${TIMEOUT_MS / 1000} s`);
      counts.failed += 1;
    } else if (code !== 0 && counts.failed === 0) {
      console.error(`the extension host exited with code ${code}`);
      counts.failed += 1;
    }
    if (seenKind !== workspace.kind) {
      console.error(`the suite saw a ${seenKind ?? 'unknown'} workspace where a ${workspace.kind} one was opened: its tests did not check what this run is for`);
      counts.failed += 1;
    }
    const complaints = server ? extensionHostComplaints(dirname(server.home)) : [];
    for (const complaint of complaints) console.error(`the extension host logged about the extension:\n${complaint}`);
    counts.failed += complaints.length;
  } finally {
    await browser?.close();
    server?.stop();
    // Three runs would leave three fixtures and server data folders (HOME included) behind.
    for (const dir of [target.scratch, server && dirname(server.home)]) if (dir) rmSync(dir, { recursive: true, force: true });
  }
  console.log(`${workspace.kind} workspace: ${counts.passed} passed, ${counts.failed} failed, ${counts.pending} pending`);
  return counts;
}

async function main() {
  ensureBrowserPrerequisites();
  const suite = await bundleSuite();
  const only = process.argv.slice(2);
  const unknown = only.filter((kind) => !WORKSPACES.some((workspace) => workspace.kind === kind));
  if (unknown.length > 0) throw new Error(`no workspace kind ${unknown.join(', ')}; the kinds are ${WORKSPACES.map((workspace) => workspace.kind).join(', ')}`);
  const total = { passed: 0, failed: 0, pending: 0 };
  for (const workspace of WORKSPACES.filter(({ kind }) => only.length === 0 || only.includes(kind))) {
    let counts;
    try {
      counts = await runIn(suite, workspace);
    } catch (error) {
      if (error instanceof MissingPrerequisite) throw error;
      console.error(`the ${workspace.kind} run could not start:`, error);
      counts = { passed: 0, failed: 1, pending: 0 };
    }
    total.passed += counts.passed;
    total.failed += counts.failed;
    total.pending += counts.pending;
  }
  console.log(`${total.passed} passed, ${total.failed} failed, ${total.pending} pending`);
  process.exitCode = total.failed === 0 && total.passed > 0 ? 0 : 1;
}

main().catch((error) => {
  console.error(error instanceof MissingPrerequisite ? `missing prerequisite: ${error.message}` : error);
  console.log('0 passed, 1 failed, 0 pending');
  process.exitCode = 1;
});
