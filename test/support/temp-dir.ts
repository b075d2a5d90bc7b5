// Temporary folders for mocha: one for the enclosing suite, or one for each test.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A folder made by the `make` hook and removed by the `remove` hook; the returned function gives it. */
function tempDirBetween(prefix: string, make: Mocha.HookFunction, remove: Mocha.HookFunction): () => string {
  let dir = '';
  make(async () => {
    dir = await mkdtemp(path.join(tmpdir(), `decision-orbit-${prefix}-`));
  });
  remove(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  return () => dir;
}

/** Call inside describe(); the returned function gives the folder once the suite runs. */
export function suiteTempDir(prefix: string): () => string {
  return tempDirBetween(prefix, before, after);
}

/** Call inside describe(); the returned function gives a folder of the test's own, made before each test and removed after it. */
export function testTempDir(prefix: string): () => string {
  return tempDirBetween(prefix, beforeEach, afterEach);
}
