// A temporary folder for the enclosing mocha suite, removed after it.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Call inside describe(); the returned function gives the folder once the suite runs. */
export function suiteTempDir(prefix: string): () => string {
  let dir = '';
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), `decision-orbit-${prefix}-`));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  return () => dir;
}
