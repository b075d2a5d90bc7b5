// The same extension-host suite on a desktop VS Code downloaded by
// @vscode/test-electron (needs internet; our CI machines use launch.mjs), in each
// trusted workspace of workspaces.mjs. The restricted-mode run is left out:
// runTests always passes --disable-workspace-trust.
// Run: node test/vscode/launch-electron.mjs [vscode version, default: stable]
import { rmSync } from 'node:fs';
import { runTests } from '@vscode/test-electron';
import { PROJECT_ROOT } from '../../scripts/prereqs.mjs';
import { bundleSuite } from './bundle-suite.mjs';
import { WORKSPACES } from './workspaces.mjs';

try {
  const extensionTestsPath = await bundleSuite();
  for (const workspace of WORKSPACES.filter(({ restricted }) => !restricted)) {
    const target = workspace.open();
    try {
      await runTests({
        version: process.argv[2] ?? 'stable',
        extensionDevelopmentPath: PROJECT_ROOT,
        extensionTestsPath,
        launchArgs: [target.workspace ?? target.folder, '--disable-extensions', '--disable-workspace-trust'],
      });
    } catch (error) {
      console.error(`${workspace.kind}: ${error instanceof Error ? error.message : error}`);
      process.exitCode = 1;
    } finally {
      rmSync(target.scratch, { recursive: true, force: true });
    }
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
