// The workspaces the extension-host suite runs in, for both launchers. `kind` is
// what the suite must see there (suite/helpers.ts `workspaceKind`); `open()` builds
// the fixture and says what to open (and `scratch`, the temporary folder that
// holds it, to remove afterwards); `settings` are user settings for that run;
// `restricted` runs need workspace trust switched on.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildFixture } from '../e2e/harness/fixtures.mjs';

export const WORKSPACES = [
  { kind: 'single-folder', title: 'the fixture company, trusted', open: () => company() },
  { kind: 'multi-root', title: 'two repositories in a .code-workspace, trusted', open: () => multiRootWorkspace() },
  {
    kind: 'untrusted',
    title: 'the fixture company in restricted mode',
    open: () => company(),
    // A fresh browser profile holds no trusted folders, so the folder opens in
    // restricted mode; `never` keeps the startup trust dialog from covering the workbench.
    settings: { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.banner': 'never' },
    restricted: true,
  },
];

/** The multi-root fixture's two repositories (app/, lib/) as the folders of one workspace file. */
function multiRootWorkspace() {
  const root = buildFixture('multi-root');
  const workspace = join(root, 'decision-orbit.code-workspace');
  writeFileSync(workspace, `${JSON.stringify({ folders: [{ path: 'app' }, { path: 'lib' }] }, null, 2)}\n`);
  return { workspace, scratch: dirname(root) };
}

function company() {
  const folder = buildFixture('company');
  return { folder, scratch: dirname(folder) };
}
