// "approved in #123" and its link, shared by the map's details and --md.
import assert from 'node:assert/strict';
import { forgeEvidenceLink } from '../../../src/present/describe';
import type { Evidence } from '../../../src/core/model/report';

const base: Evidence = { person: 'dana', role: 'reviewer', source: 'forge-review', ref: 'https://github.com/o/n/pull/123', inferred: false, level: 'consulted', action: 'approved' };

describe('forge evidence in words', () => {
  it('says what the person did in which PR, with the PR\'s address', () => {
    assert.deepEqual(forgeEvidenceLink(base), { text: 'approved in #123', url: 'https://github.com/o/n/pull/123' });
    assert.equal(forgeEvidenceLink({ ...base, action: 'changes-requested' })?.text, 'requested changes in #123');
    assert.equal(forgeEvidenceLink({ ...base, role: 'merger', action: 'merged' })?.text, 'merged #123');
    assert.equal(forgeEvidenceLink({ ...base, role: 'review-requested', action: 'review-requested', level: 'informed' })?.text, 'was asked to review #123');
  });

  it('links nothing that is not forge evidence with an http(s) address', () => {
    assert.equal(forgeEvidenceLink({ ...base, source: 'trailer', action: undefined, ref: 'a'.repeat(40) }), null);
    assert.equal(forgeEvidenceLink({ ...base, ref: 'javascript:alert(1)//pull/1' }), null);
  });
});
