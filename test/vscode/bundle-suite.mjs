// Bundles every test/vscode/suite/*.test.ts with a mocha runner into one CJS
// module the extension host can `require` (its `run()` is called). Adding a
// test file to the folder is enough.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import esbuild from 'esbuild';
import { CACHE, PROJECT_ROOT } from '../../scripts/prereqs.mjs';

export async function bundleSuite() {
  const suiteDir = join(PROJECT_ROOT, 'test', 'vscode', 'suite');
  const outDir = join(CACHE, 'vscode-suite');
  mkdirSync(outDir, { recursive: true });
  // SUITE_FILES=commands,writes bundles only those files: a quicker loop while working on one.
  const chosen = (process.env.SUITE_FILES ?? '').split(',').filter(Boolean);
  const files = readdirSync(suiteDir)
    .filter((name) => name.endsWith('.test.ts') && (chosen.length === 0 || chosen.includes(name.slice(0, -'.test.ts'.length))))
    .sort();
  const entry = join(outDir, 'entry.ts');
  writeFileSync(
    entry,
    `import { runSuite } from ${JSON.stringify(join(suiteDir, 'runner'))};\n` +
      `export function run(): Promise<void> {\n  return runSuite(() => {\n${files.map((file) => `    require(${JSON.stringify(join(suiteDir, file))});`).join('\n')}\n  });\n}\n`,
  );
  const outfile = join(outDir, 'index.js');
  await esbuild.build({ entryPoints: [entry], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode', 'mocha'], sourcemap: 'inline', logLevel: 'warning' });
  return outfile;
}
