import assert from 'node:assert/strict';
import { signalWitnesses, witnessEvidence, witnessPeople } from '../../../src/core/analysis/evidence';
import { indexHistory } from '../../../src/core/analysis/history-index';
import { DEFAULT_CONFIG } from '../../../src/core/config/schema';
import { parseLogOutput } from '../../../src/core/git/log-parser';
import { parseTrailers } from '../../../src/core/git/trailers';
import { createIdentityResolver, parseMailmap } from '../../../src/core/people';
import { literalLog, sha } from './literal-log';

const MESSAGE = [
  'Add the payments service',
  '',
  'Splits payments out of the monolith.',
  '',
  'Co-authored-by: Bob Li <bob@acme.io>',
  'Reviewed-by: Dana Chen <dana@acme.io>',
  'Acked-by: Arjun Patel <arjun@acme.io>',
  'Approved-by: Carol Diaz <carol@old.acme.io>',
  'Signed-off-by: Eve Stone <eve@acme.io>',
  '',
].join('\n');

describe('git trailers: literal commit messages', () => {
  it('reads the trailer block of the last paragraph, keys as written', () => {
    const [commit] = parseLogOutput(literalLog([{ sha: sha(1), message: MESSAGE }]));
    assert.deepEqual(commit?.trailers, [
      { key: 'Co-authored-by', value: 'Bob Li <bob@acme.io>' },
      { key: 'Reviewed-by', value: 'Dana Chen <dana@acme.io>' },
      { key: 'Acked-by', value: 'Arjun Patel <arjun@acme.io>' },
      { key: 'Approved-by', value: 'Carol Diaz <carol@old.acme.io>' },
      { key: 'Signed-off-by', value: 'Eve Stone <eve@acme.io>' },
    ]);
    assert.equal(commit?.subject, 'Add the payments service');
  });

  it('joins continuation lines and reads CRLF messages', () => {
    assert.deepEqual(parseTrailers('Subject\r\n\r\nReviewed-by: Dana Chen\r\n  <dana@acme.io>\r\n'), [{ key: 'Reviewed-by', value: 'Dana Chen <dana@acme.io>' }]);
  });

  it('reads the last paragraph after blank lines as git splits paragraphs: an odd run of them leaves a newline that counts as a line', () => {
    assert.deepEqual(parseTrailers('Subject\n\nProse.\n \t\nReviewed-by: Dana Chen'), [{ key: 'Reviewed-by', value: 'Dana Chen' }]);
    assert.deepEqual(parseTrailers('Subject\n\nProse.\n\n\n\nReviewed-by: Dana Chen'), [{ key: 'Reviewed-by', value: 'Dana Chen' }]);
    assert.deepEqual(parseTrailers('Subject\n\n\nReviewed-by: Dana Chen\nAcked-by: Eve Stone\nApproved-by: Bob Li'), [
      { key: 'Reviewed-by', value: 'Dana Chen' }, { key: 'Acked-by', value: 'Eve Stone' }, { key: 'Approved-by', value: 'Bob Li' },
    ]);
    assert.deepEqual(parseTrailers('Subject\n\n\nReviewed-by: Dana Chen\nAcked-by: Eve Stone'), [], 'the leftover newline is a prose line: 2 of 3 lines');
  });

  it('finds none in a subject-only message, a prose last paragraph, or a paragraph that is mostly prose', () => {
    assert.deepEqual(parseTrailers('Reviewed-by: Dana Chen <dana@acme.io>\n'), []);
    assert.deepEqual(parseTrailers('Subject\n\nNote: this is prose, not a trailer block.\nIt goes on for a while\nand on.\n'), []);
    assert.deepEqual(parseTrailers('Subject\n\nReviewed-by: Dana Chen <dana@acme.io>\n\nThanks to everyone.\n'), []);
  });

  it('turns co-authors into deciders and Reviewed-by / Acked-by / Approved-by into reviewers, mailmapped; Signed-off-by gives nothing', () => {
    const commits = parseLogOutput(literalLog([{ sha: sha(1), authorName: 'Ada Abe', authorEmail: 'ada@acme.io', message: MESSAGE }]));
    const history = { head: sha(1), commits, shallow: false, pullRequests: [], prOfCommit: new Map<string, string>() };
    const resolver = createIdentityResolver({ mailmap: parseMailmap('Carol Diaz <carol@acme.io> <carol@old.acme.io>\n'), config: DEFAULT_CONFIG });
    const witnesses = signalWitnesses([sha(1)], { index: indexHistory(history), reviewTrailers: DEFAULT_CONFIG.reviewTrailers });
    const evidence = witnessEvidence(witnesses, witnessPeople(witnesses, resolver));
    assert.deepEqual(evidence.map((e) => [e.person, e.role, e.source, e.level]), [
      ['ada-abe', 'author', 'commit-author', 'decided'],
      ['bob-li', 'co-author', 'trailer', 'decided'],
      ['dana-chen', 'reviewer', 'trailer', 'consulted'],
      ['arjun-patel', 'reviewer', 'trailer', 'consulted'],
      ['carol-diaz', 'reviewer', 'trailer', 'consulted'],
    ]);
    assert.deepEqual(resolver.person('carol-diaz')?.emails, ['carol@acme.io']);
    assert.equal(resolver.people().some((p) => p.name === 'Eve Stone'), false);
  });
});
