// Builds a fixture repository (test/fixtures) into a fresh temporary folder.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../../scripts/prereqs.mjs';

export function buildFixture(name) {
  const dir = join(mkdtempSync(join(tmpdir(), `do-${name}-`)), name);
  const output = execFileSync(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'test', 'fixtures', 'build.ts'), name, dir], { cwd: PROJECT_ROOT, encoding: 'utf8' });
  return output.trim().split('\n').pop() ?? dir;
}
