// After a production build: one analysis of a repository (the project's own) through the
// built CLI, with a cache folder of its own, and the V8 code cache that run kept copied
// beside the engine. A user's first analysis then starts from compiled code instead of
// compiling the engine and each function it calls on the way (ADR 0029).
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const isCodeCache = (name) => name.startsWith('cli-code-') && name.endsWith('.bin');

/**
 * Keeps in `dist` the code cache of an analysis of `repository` by `dist/cli.js`, in place
 * of any an earlier build kept. Returns null, or why no code cache was kept: the build
 * goes on without one, and the CLI compiles as it did before.
 */
export function trainCodeCache(dist, repository) {
  for (const name of readdirSync(dist)) if (isCodeCache(name)) rmSync(join(dist, name), { force: true });
  const cacheHome = mkdtempSync(join(tmpdir(), 'decision-orbit-training-'));
  try {
    const run = spawnSync(process.execPath, [join(dist, 'cli.js'), repository], {
      env: { ...process.env, XDG_CACHE_HOME: cacheHome, NO_COLOR: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
      timeout: 120_000,
    });
    if (run.error) return run.error.message;
    if (run.status !== 0) return `the analysis of ${repository} exited ${run.status}: ${run.stderr.trim().split('\n').pop() ?? ''}`;
    const kept = join(cacheHome, 'decision-orbit');
    const [name, ...more] = readdirSync(kept).filter(isCodeCache);
    if (name === undefined || more.length > 0) return 'the analysis kept no single code cache';
    copyFileSync(join(kept, name), join(dist, name));
    // As the engine beside it: anyone may run it, only its owner may change it (code-cache.ts reads nothing else).
    chmodSync(join(dist, name), 0o644);
    return null;
  } finally {
    rmSync(cacheHome, { recursive: true, force: true });
  }
}
