import assert from 'node:assert/strict';
import { parseAdr } from '../../../src/core/adr/parse';

/** A record in the Tendermint / CometBFT way: no date field, a changelog under the title. */
const record = (changelog: string): string => `# ADR 045: ABCI Evidence Handling

## Changelog
${changelog}

## Context

Evidence is a distinct component in a block.

## Status

Accepted
`;

const dated = (changelog: string): [string | null, string | undefined] => {
  const adr = parseAdr('docs/architecture/adr-045-abci-evidence.md', record(changelog));
  return [adr.date, adr.dateSource];
};

describe('dates from a record\'s changelog', () => {
  it('takes the earliest entry, newest-first or oldest-first, in the ways people write them', () => {
    assert.deepEqual(dated('* 21-09-2019: Initial draft'), ['2019-09-21', 'changelog']);
    assert.deepEqual(dated('- 2023-05-03: Mark as rejected in favour of ADR-101 (@thanethomson)\n- 2022-11-02: First draft (@thanethomson)'), ['2022-11-02', 'changelog']);
    assert.deepEqual(dated('016-08-2018: Follow up from review\n05-08-2018: Initial draft'), ['2018-08-05', 'changelog']);
    assert.deepEqual(dated('- *2018-09-02* Remove ABCI errors component\n- *2018-09-01* Initial version'), ['2018-09-01', 'changelog']);
    assert.deepEqual(dated('- July 15 2021: Created by @williambanfield'), ['2021-07-15', 'changelog']);
    assert.deepEqual(dated('- April 1, 2021: Initial Draft (@alexanderbez)'), ['2021-04-01', 'changelog']);
    assert.deepEqual(dated('- 20 April 2021: Initial Draft (@cmwaters)'), ['2021-04-20', 'changelog']);
    assert.deepEqual(dated('- 20-Aug-2021: Initial draft (@creachadair)'), ['2021-08-20', 'changelog']);
    assert.deepEqual(dated('- 2020-4-15: Created (@marbar3778)'), ['2020-04-15', 'changelog']);
    assert.deepEqual(dated('### November 2nd 2018\n\n- initial draft'), ['2018-11-02', 'changelog']);
  });

  it('reads no date it cannot be sure of, and nothing outside the changelog', () => {
    assert.deepEqual(dated('- 04/09/2020: Initial Draft (Unabridged)'), [null, undefined]);
    assert.deepEqual(dated('- 02.04.20: Initial Draft'), [null, undefined]);
    assert.deepEqual(dated(''), [null, undefined]);
    const prose = parseAdr('docs/architecture/adr-001-logging.md', '# ADR 1: Logging\n\n## Context\n\n2019-01-01: the day the logger broke.\n');
    assert.equal(prose.date, null);
  });

  it('a date field wins over the changelog', () => {
    const both = parseAdr('doc/adr/0002-x.md', '# 2. X\n\nDate: 2020-01-05\n\n## Changelog\n\n- 2019-12-01: draft\n\n## Status\n\nAccepted\n');
    assert.deepEqual([both.date, both.dateSource], ['2020-01-05', 'adr-field']);
  });
});
