// Two versions of a manifest's dependencies, compared once per pair: the early reading
// compares them while the log runs, the assessment reads the same answer after it.
import assert from 'node:assert/strict';
import { compareManifestFacts, dependencyDiff, emptyFacts, type ManifestFacts } from '../../../../src/core/signals/structural/manifest-facts';
import { manifestReader } from '../../../../src/core/signals/structural/manifests';

function packageJson(dependencies: Record<string, string>, devDependencies: Record<string, string> = {}): ManifestFacts {
  return manifestReader('package.json')?.(JSON.stringify({ name: 'app', dependencies, devDependencies })) ?? emptyFacts();
}

describe('the dependencies two versions of a manifest differ in', () => {
  it('lists changed and added entries in the new order and removed ones in the old order, and nothing unchanged', () => {
    const before = packageJson({ a: '^1.0.0', b: '^2.0.0', c: '^3.0.0', d: '^4.0.0' });
    const after = packageJson({ c: '^3.1.0', a: '^1.0.0', e: '^1.0.0' }, { b: '^2.0.0' });
    assert.deepEqual(dependencyDiff(before, after), {
      changed: [['c', '^3.0.0', '^3.1.0'], ['e', undefined, '^1.0.0']],
      removed: ['d'],
    });
    assert.deepEqual(dependencyDiff(after, before), {
      changed: [['c', '^3.1.0', '^3.0.0'], ['d', undefined, '^4.0.0']],
      removed: ['e'],
    });
  });

  it('works a pair out once, whoever asks first, and a pair the other way round on its own', () => {
    const before = packageJson({ a: '^1.0.0' });
    const after = packageJson({ a: '^2.0.0' });
    const first = dependencyDiff(before, after);
    assert.equal(dependencyDiff(before, after), first);
    assert.notEqual(dependencyDiff(after, before), first);
    assert.deepEqual(compareManifestFacts(before, after).map((finding) => finding.what), ['a 1 → 2']);
    assert.equal(dependencyDiff(before, after), first, 'the comparison read the pair worked out before');
  });
});
