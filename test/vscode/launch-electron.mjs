// The same extension-host suite on a desktop VS Code downloaded by
// @vscode/test-electron (needs internet; our CI machines use launch.mjs).
// Run: node test/vscode/launch-electron.mjs [vscode version, default: stable]
import { runTests } from '@vscode/test-electron';
import { PROJECT_ROOT } from '../../scripts/prereqs.mjs';
import { buildFixture } from '../e2e/harness/fixtures.mjs';
import { bundleSuite } from './bundle-suite.mjs';

try {
  const extensionTestsPath = await bundleSuite();
  const workspace = buildFixture('company');
  await runTests({
    version: process.argv[2] ?? 'stable',
    extensionDevelopmentPath: PROJECT_ROOT,
    extensionTestsPath,
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
  });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
