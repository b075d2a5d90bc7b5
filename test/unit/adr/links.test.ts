import assert from 'node:assert/strict';
import { parseAdr } from '../../../src/core/adr';

const linksOf = (text: string): Array<[string, string]> => parseAdr('docs/adr/0009-x.md', text).links.map((l) => [l.kind, l.target]);

describe('parseAdr: links', () => {
  it('reads every link keyword in a Nygard status section', () => {
    const text = '# 9. X\n\nDate: 2024-01-01\n\n## Status\n\nAccepted\n\nSupercedes [3. A](0003-a.md)\n\nSuperceded by [12. B](0012-b.md)\n\nAmends [4. C](0004-c.md)\n\nAmended by [13. D](0013-d.md)\n\nOverrides 0005\n\nComplements [6. E](0006-e.md)\n\nRelates to auth-tokens\n';
    assert.deepEqual(linksOf(text), [
      ['supersedes', '0003-a.md'], ['superseded-by', '0012-b.md'], ['amends', '0004-c.md'], ['amended-by', '0013-d.md'],
      ['supersedes', '0005'], ['relates-to', '0006-e.md'], ['relates-to', 'auth-tokens'],
    ]);
  });

  it('reads links in a status value and in front matter keys', () => {
    assert.deepEqual(linksOf('---\nstatus: accepted; supersedes ADR-0045\n---\n# X\n'), [['supersedes', '0045']]);
    assert.deepEqual(linksOf('---\nstatus: superseded by ADR-0123\n---\n# X\n'), [['superseded-by', '0123']]);
    assert.deepEqual(linksOf('---\nstatus: accepted\nsupersedes: [0002-old.md]\nsuperseded_by: "#15"\n---\n# X\n'), [['supersedes', '0002-old.md'], ['superseded-by', '15']]);
  });

  it('reads a line that opens with a link phrase, and bullets with links', () => {
    assert.deepEqual(linksOf('# X\n\nSupersedes [ADR-0002](0002-adopt.md), [ADR-0003](../other/0003-b.md)\n'), [['supersedes', '0002-adopt.md'], ['supersedes', '../other/0003-b.md']]);
    assert.deepEqual(linksOf('# X\n\n* Status: superseded by [ADR-0010](0010-y.md)\n'), [['superseded-by', '0010-y.md']]);
  });

  it("reads no record in a link to a section of the same page, and keeps the records beside it", () => {
    assert.deepEqual(linksOf('# X\n\nSee also the [limitations](#limitations) section discussing the parameters.\n'), []);
    assert.deepEqual(linksOf('# X\n\nSee also [below](#notes) and [ADR-0004](0004-z.md)\n'), [['relates-to', '0004-z.md']]);
  });

  it('ignores link words inside prose', () => {
    assert.deepEqual(linksOf('# X\n\nThis choice supersedes nothing, and relates to everything.\n'), []);
  });
});
