// Which of a go.mod's requirements are the project's own modules, left out of its dependencies.
import assert from 'node:assert/strict';
import { emptyFacts } from '../../../../src/core/signals/structural/manifest-facts';
import { manifestReader } from '../../../../src/core/signals/structural/manifests';

function dependenciesOf(module: string, requires: readonly string[]): string[] {
  const text = `module ${module}\n\ngo 1.22\n\nrequire (\n${requires.map((name) => `\t${name} v1.2.3`).join('\n')}\n)\n`;
  return [...(manifestReader('go.mod')?.(text) ?? emptyFacts()).dependencies.keys()];
}

describe('go.mod: the project\'s own modules', () => {
  it('leaves out the module\'s own packages and, on a code host, every module of its repository (a sub-module requiring the root at a new major)', () => {
    assert.deepEqual(dependenciesOf('github.com/acme/app/test/e2e', ['github.com/acme/app/v8', 'github.com/acme/app', 'github.com/acme/app/tools/gen', 'github.com/acme/lib']), ['github.com/acme/lib']);
    assert.deepEqual(dependenciesOf('gitlab.com/acme/app/v2', ['gitlab.com/acme/app/v2/api', 'gitlab.com/other/app']), ['gitlab.com/other/app']);
  });

  it('keeps a sibling repository whose name starts with the module\'s (app-db beside app) a dependency', () => {
    assert.deepEqual(dependenciesOf('github.com/acme/app', ['github.com/acme/app-db', 'github.com/acme/application']), ['github.com/acme/app-db', 'github.com/acme/application']);
  });

  it('keeps other modules under a vanity domain dependencies: one domain serves many repositories', () => {
    assert.deepEqual(dependenciesOf('go.acme.dev/app', ['go.acme.dev/app/api', 'go.acme.dev/log']), ['go.acme.dev/log']);
  });
});
