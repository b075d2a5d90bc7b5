// Runs the suite inside the extension host: mocha's BDD globals are installed,
// the test files are loaded, and the closing line `N passed, N failed` is printed.
// The first line names the workspace kind the describe blocks were chosen for:
// the launcher checks it is the workspace it opened.
import Mocha from 'mocha';
import { workspaceKind } from './helpers';

export function runSuite(load: () => void): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 90_000, reporter: 'spec' });
  console.log(`extension-host suite, workspace: ${workspaceKind()}`);
  mocha.suite.emit('pre-require', globalThis, 'extension-host', mocha);
  load();
  return new Promise((resolve, reject) => {
    let passed = 0;
    let failed = 0;
    const runner = mocha.run(() => {
      console.log(`${passed} passed, ${failed} failed`);
      if (failed > 0) reject(new Error(`${failed} test(s) failed`));
      else resolve();
    });
    runner.on('pass', () => (passed += 1));
    runner.on('fail', () => (failed += 1));
  });
}
