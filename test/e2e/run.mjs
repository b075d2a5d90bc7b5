// The end-to-end tier: a person's clicks in the workbench and in the HTML
// report, in Debian's Chromium. Screenshots go to test-results/screenshots.
import { spawnSync } from 'node:child_process';
import { PROJECT_ROOT } from '../../scripts/prereqs.mjs';
import { screenshotDir } from './harness/browser.mjs';

const result = spawnSync(process.execPath, [`${PROJECT_ROOT}/node_modules/mocha/bin/mocha.js`, '--node-option', 'import=tsx', '--extension', 'ts', '--forbid-only', '--timeout', '180000', 'test/e2e/**/*.test.ts'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
console.log(`screenshots: ${screenshotDir()}`);
process.exitCode = result.status ?? 1;
