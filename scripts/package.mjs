// `npm run package [-- --out FILE]`: a production build, then the .vsix. The
// README's relative image links stay as they are (no repository URL to point
// them at; the screenshots would double the package), and there is no
// `repository` field to check.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from './prereqs.mjs';

const outIndex = process.argv.indexOf('--out');
const out = outIndex >= 0 ? process.argv[outIndex + 1] : join(PROJECT_ROOT, 'decision-orbit.vsix');

function step(command, args) {
  const result = spawnSync(command, args, { cwd: PROJECT_ROOT, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

step(process.execPath, ['esbuild.js', '--production']);
step(join(PROJECT_ROOT, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', '--no-rewrite-relative-links', '--allow-missing-repository', '--out', out]);
