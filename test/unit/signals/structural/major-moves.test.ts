// A dependency's or a base image's move to another major, and which of those moves
// are between pre-1.0 versions (ADR 0016: a person's decision, a bot's routine).
import assert from 'node:assert/strict';
import { assessUnitChanges } from '../../../../src/core/signals/structural/assess-unit';
import { compareManifestFacts, emptyFacts, type ManifestFacts } from '../../../../src/core/signals/structural/manifest-facts';
import { manifestReader } from '../../../../src/core/signals/structural/manifests';

function goMod(requires: Record<string, string>): ManifestFacts {
  const text = `module example.com/node\n\ngo 1.22\n\nrequire (\n${Object.entries(requires).map(([name, version]) => `\t${name} ${version}`).join('\n')}\n)\n`;
  return manifestReader('go.mod')?.(text) ?? emptyFacts();
}

function moves(before: Record<string, string>, after: Record<string, string>): Array<[string, boolean]> {
  return compareManifestFacts(goMod(before), goMod(after)).map((f) => [f.what, f.preRelease === true]);
}

describe('majors before and after 1.0', () => {
  it('marks a move between two 0.x versions as pre-release, still a major by semver', () => {
    assert.deepEqual(moves({ 'golang.org/x/net': 'v0.55.0' }, { 'golang.org/x/net': 'v0.56.0' }), [['golang.org/x/net 0.55 → 0.56', true]]);
    assert.deepEqual(moves({ 'example.com/tiny': 'v0.0.3' }, { 'example.com/tiny': 'v0.0.4' }), [['example.com/tiny 0.0.3 → 0.0.4', true]]);
  });

  it('keeps a move to 1.0 or between released majors a plain major, and a patch within 0.x no move at all', () => {
    assert.deepEqual(moves({ 'example.com/db': 'v0.9.4', 'example.com/log': 'v1.8.0' }, { 'example.com/db': 'v1.0.0', 'example.com/log': 'v2.0.0+incompatible' }), [
      ['example.com/db 0.9 → 1', false],
      ['example.com/log 1 → 2', false],
    ]);
    assert.deepEqual(moves({ 'golang.org/x/net': 'v0.55.0' }, { 'golang.org/x/net': 'v0.55.1' }), []);
  });

  it('marks a base image\'s move between 0.x tags the same way, and not a move between released majors', () => {
    const images = (before: string, after: string): Array<[string, boolean]> => assessUnitChanges([{
      kind: 'infrastructure', path: 'Dockerfile', basePath: 'Dockerfile', existedBefore: true, existsAfter: true, before, after,
    }]).findings.map((f) => [f.what, f.preRelease === true]);
    assert.deepEqual(images('FROM example/db-testing:v0.9.1\n', 'FROM example/db-testing:v0.10.0\n'), [['example/db-testing 0.9 → 0.10', true]]);
    assert.deepEqual(images('FROM node:20-alpine\n', 'FROM node:22-alpine\n'), [['node 20 → 22', false]]);
  });
});
