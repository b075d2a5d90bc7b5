// Runs the mocha suite in test/vscode/suite inside the real extension host of
// the VS Code server (code-server's), driven by headless Chromium. See
// VSCODE-TESTING.md; launch-electron.mjs runs the same suite on desktop VS Code.
import { format } from 'node:util';
import { PROJECT_ROOT, MissingPrerequisite, ensureBrowserPrerequisites } from '../../scripts/prereqs.mjs';
import { launchBrowser } from '../e2e/harness/browser.mjs';
import { buildFixture } from '../e2e/harness/fixtures.mjs';
import { startVsCodeServer, workbenchUrl } from '../e2e/harness/vscode-server.mjs';
import { bundleSuite } from './bundle-suite.mjs';

const TIMEOUT_MS = 5 * 60 * 1000;
/** Workbench chatter of an offline server that says nothing about our tests. */
const NOISE = /ENOTFOUND|AgentHost|ChatModelSelection|AccountPolicyGate|authentication provider|Creation of workbench contribution|^\s+at /;

async function main() {
  ensureBrowserPrerequisites();
  const suite = await bundleSuite();
  const workspace = buildFixture('company');
  const server = await startVsCodeServer({ log: (text) => process.env.DECISION_ORBIT_DEBUG && process.stderr.write(text) });
  const browser = await launchBrowser();
  let counts = { passed: 0, failed: 0 };
  try {
    const page = await browser.newPage();
    let resolveExit;
    const exit = new Promise((resolve) => {
      resolveExit = resolve;
    });
    await page.exposeFunction('codeAutomationExit', (code) => resolveExit(code));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const text = format(...(Array.isArray(args) ? args : [args]));
      const match = /^(\d+) passed, (\d+) failed$/.exec(text.trim());
      if (match) {
        counts = { passed: Number(match[1]), failed: Number(match[2]) };
        // The workbench calls codeAutomationExit only after stopping its extension
        // hosts, which can hang on the server; the suite's closing line is final.
        resolveExit(counts.failed === 0 ? 0 : 1);
      } else if (!NOISE.test(text)) process.stdout.write(`${text}\n`);
    });
    await page.goto(workbenchUrl(server, { folder: workspace, extensionDevelopmentPath: PROJECT_ROOT, extensionTestsPath: suite }));
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
  } finally {
    await browser.close();
    server.stop();
  }
  console.log(`${counts.passed} passed, ${counts.failed} failed`);
  process.exitCode = counts.failed === 0 && counts.passed > 0 ? 0 : 1;
}

main().catch((error) => {
  console.error(error instanceof MissingPrerequisite ? `missing prerequisite: ${error.message}` : error);
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
});
