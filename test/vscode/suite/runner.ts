// Runs the suite inside the extension host: mocha's BDD globals are installed,
// the test files are loaded, and the closing line `N passed, N failed, N pending`
// is printed (test/run-all.mjs fails a tier that skips a test). An `.only` left in
// a test file throws while the files load, so the suite never reports green.
// The first line names the workspace kind the describe blocks were chosen for:
// the launcher checks it is the workspace it opened.
import Mocha from 'mocha';
import { workspaceKind } from './helpers';

export function runSuite(load: () => void): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 90_000, reporter: 'spec', forbidOnly: true });
  console.log(`extension-host suite, workspace: ${workspaceKind()}`);
  mocha.suite.emit('pre-require', globalThis, 'extension-host', mocha);
  load();
  return new Promise((resolve, reject) => {
    let passed = 0;
    let failed = 0;
    let pending = 0;
    const runner = mocha.run(() => {
      console.log(`${passed} passed, ${failed} failed, ${pending} pending`);
      if (failed > 0) reject(new Error(`${failed} test(s) failed`));
      else resolve();
    });
    runner.on('pass', () => (passed += 1));
    runner.on('fail', () => (failed += 1));
    runner.on('pending', () => (pending += 1));
  });
}
