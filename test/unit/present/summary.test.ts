// The terminal summary: verdicts in words, and a bounded list of warnings with
// the repository's own first.
import assert from 'node:assert/strict';
import { formatSummary } from '../../../src/present/summary';
import type { Report, Warning } from '../../../src/core/model/report';
import { aReport, anOwnedReport } from '../../support/builders';


function report(warnings: Warning[]): Report {
  return aReport({ warnings });
}

describe('cli summary', () => {
  it('says the verdict in words', () => {
    assert.match(formatSummary(report([]), { colour: false }), /Dana Chen \(CTO\)\s+too few decisions\s+0 decisions, no shares/);
  });

  it('lists ten warnings at most, the repository\'s own first, and says how many more there are', () => {
    const records = Array.from({ length: 30 }, (_, i): Warning => ({ code: 'adr-no-decision-makers', message: `docs/adr/${i}.md:1: No decision-makers`, path: `docs/adr/${i}.md`, line: 1 }));
    const shallow: Warning = { code: 'shallow-clone', message: 'This is a shallow clone.', path: null };
    const lines = formatSummary(report([...records, shallow]), { colour: false }).split('\n');
    const at = lines.indexOf('Warnings (31)');
    assert.ok(at >= 0, lines.join('\n'));
    assert.equal(lines[at + 1], '  ! This is a shallow clone.');
    assert.deepEqual(lines.slice(at + 2, at + 11), records.slice(0, 9).map((w) => `  ! ${w.message}`));
    assert.equal(lines[at + 11], '  … and 21 more: --md or --html lists them all');
  });

  it('lists every warning when there are ten or fewer', () => {
    const ten = Array.from({ length: 10 }, (_, i): Warning => ({ code: 'x', message: `w${i}`, path: null }));
    const text = formatSummary(report(ten), { colour: false });
    assert.ok(ten.every((w) => text.includes(`  ! ${w.message}\n`)));
    assert.ok(!text.includes('more:'));
  });

  it('lists who decided most in the window with their distance from leadership; without a roster, their counts only', () => {
    const lines = formatSummary(anOwnedReport(), { colour: false }).split('\n');
    const at = lines.indexOf('Owners (top 2 of 2 who decided in the window)');
    assert.ok(at >= 0, lines.join('\n'));
    assert.deepEqual(lines.slice(at + 1, at + 3), ['  Carol Diaz  2 decisions · 67 % away from leadership', '  Dana Chen   1 decision · 0 % away from leadership']);
    const unknown = formatSummary(anOwnedReport({ leadership: [] }), { colour: false });
    assert.match(unknown, /\n {2}Carol Diaz {2}2 decisions\n/);
  });
});
