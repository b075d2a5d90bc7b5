import assert from 'node:assert/strict';
import { areaOfAdr, areaOfPaths } from '../../../src/core/analysis/areas';
import { parseCodeowners } from '../../../src/core/analysis/codeowners';

describe('areas and CODEOWNERS', () => {
  const rules = { areas: { payments: ['services/payments/**'] }, packageGlobs: ['services/*'] };
  it('lets config globs win, then category, tag, package', () => {
    assert.equal(areaOfAdr({ path: 'services/payments/docs/decisions/0001.md', category: 'backend', tags: [] }, rules), 'payments');
    assert.equal(areaOfAdr({ path: 'docs/adr/backend/0001.md', category: 'backend', tags: ['db'] }, rules), 'backend');
    assert.equal(areaOfAdr({ path: 'docs/adr/0001.md', category: null, tags: ['db'] }, rules), 'db');
    assert.equal(areaOfAdr({ path: 'services/search/docs/adr/0001.md', category: null, tags: [] }, rules), 'search');
    assert.equal(areaOfAdr({ path: 'docs/adr/0001.md', category: null, tags: [] }, rules), 'general');
  });

  it('places git signals by package or top-level folder of most files', () => {
    assert.equal(areaOfPaths(['services/payments/package.json'], rules), 'payments');
    assert.equal(areaOfPaths(['services/search'], rules), 'search');
    assert.equal(areaOfPaths(['db/migrations/1.sql', 'db/migrations/2.sql', 'Dockerfile'], rules), 'db');
    assert.equal(areaOfPaths(['Dockerfile'], rules), 'general');
  });

  it('parses CODEOWNERS rules with their lines', () => {
    assert.deepEqual(parseCodeowners('# owners\n\n*  @dchen\nservices/payments/ @bobli @carol # team\n[Section]\n'), [
      { pattern: '*', owners: ['@dchen'], line: 3 },
      { pattern: 'services/payments/', owners: ['@bobli', '@carol'], line: 4 },
    ]);
  });
});
