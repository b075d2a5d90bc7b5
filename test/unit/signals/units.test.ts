import assert from 'node:assert/strict';
import type { SignalGroup } from '../../../src/core/signals/detect';
import type { UnitAssessment } from '../../../src/core/signals/structural/assess-unit';
import type { ChangeFinding } from '../../../src/core/signals/structural/findings';
import { SignalUnitBuilder } from '../../../src/core/signals/units';

function group(kind: SignalGroup['kind'], files: string[]): SignalGroup {
  return { unit: 'pr-7', kind, pr: '#7', commits: ['a1'], files };
}

function unitOf(findingsByGroup: ReadonlyArray<[SignalGroup, ChangeFinding[] | null]>): { kinds: string[]; preReleaseOnly: boolean; choosesVersion: boolean } {
  const assessments = new Map<SignalGroup, UnitAssessment>();
  for (const [g, findings] of findingsByGroup) if (findings !== null) assessments.set(g, { findings, unreadable: [] });
  const [unit] = new SignalUnitBuilder().build(findingsByGroup.map(([g]) => g), assessments);
  assert.ok(unit);
  return { kinds: unit.kinds, preReleaseOnly: unit.preReleaseOnly, choosesVersion: unit.choosesVersion };
}

describe('SignalUnitBuilder: what decided a unit', () => {
  it('says a dependency added or moved to another major, or a platform target changed, chooses a version', () => {
    assert.deepEqual(unitOf([[group('dependency', ['package.json']), [{ kind: 'dependency', what: 'added zod', introduces: 'dependency zod' }]]]), { kinds: ['dependency'], preReleaseOnly: false, choosesVersion: true });
    assert.deepEqual(unitOf([[group('dependency', ['package.json']), [{ kind: 'dependency', what: 'express 4 → 5' }]]]), { kinds: ['dependency'], preReleaseOnly: false, choosesVersion: true });
    assert.deepEqual(unitOf([[group('platform', ['Dockerfile']), [{ kind: 'platform', what: 'node 18 → 20' }]]]), { kinds: ['platform'], preReleaseOnly: false, choosesVersion: true });
  });

  it('says owners, resources, pipelines and new modules choose no version', () => {
    assert.deepEqual(unitOf([
      [group('ownership', ['.github/CODEOWNERS']), [{ kind: 'ownership', what: 'owners added: /infra/ @acme/platform' }]],
      [group('infrastructure', ['infra/main.tf']), [{ kind: 'infrastructure', what: 'infrastructure added: resource aws_s3_bucket', introduces: 'resource aws_s3_bucket' }]],
      [group('ci', ['.github/workflows/ci.yml']), [{ kind: 'ci', what: 'pipeline removed: .github/workflows/ci.yml' }]],
      [group('architecture', ['services/billing']), null],
    ]), { kinds: ['architecture', 'infrastructure', 'ci', 'ownership'], preReleaseOnly: false, choosesVersion: false });
  });

  it('says moves between pre-1.0 versions alone are pre-release only and choose no version, beside anything else they do', () => {
    const move: ChangeFinding = { kind: 'dependency', what: 'tiny-queue 0.2 → 0.3', preRelease: true };
    assert.deepEqual(unitOf([[group('dependency', ['package.json']), [move]]]), { kinds: ['dependency'], preReleaseOnly: true, choosesVersion: false });
    assert.deepEqual(unitOf([[group('dependency', ['package.json']), [move, { kind: 'dependency', what: 'removed left-pad' }]]]), { kinds: ['dependency'], preReleaseOnly: false, choosesVersion: true });
  });
});
