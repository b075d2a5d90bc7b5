// The kept assessments give the next process what this one found, every field of
// each finding included: a field lost on the way changes what a unit decides.
import assert from 'node:assert/strict';
import { loadAssessments, saveAssessments } from '../../../../src/core/signals/structural/assessment-file';
import type { UnitAssessment } from '../../../../src/core/signals/structural/assess-unit';
import { testTempDir } from '../../../support/temp-dir';

describe('kept structural assessments', () => {
  const dir = testTempDir('assessments');

  it('load as they were saved, a pre-1.0 move marked as such', async () => {
    const known = new Map<string, UnitAssessment>([
      ['pr-5\u0000dependency', { findings: [{ kind: 'dependency', what: 'tiny-queue 0.2 → 0.3', preRelease: true }], unreadable: [] }],
      ['abc\u0000dependency', { findings: [{ kind: 'dependency', what: 'added zod', introduces: 'dependency zod' }], unreadable: ['go.mod'] }],
    ]);
    await saveAssessments(dir(), '/repo', { known, memory: { seen: new Set(['dependency zod']), stacks: new Map([['infra', 1]]), own: new Map([['@acme/types', 2]]) } });
    const loaded = await loadAssessments(dir(), '/repo');
    assert.deepEqual(loaded?.known, known);
    assert.deepEqual(loaded?.memory, { seen: new Set(['dependency zod']), stacks: new Map([['infra', 1]]), own: new Map([['@acme/types', 2]]) });
    assert.equal(await loadAssessments(dir(), '/other'), null);
  });
});
