// Property: no sequence of edit commands, aimed at records, links, files that are no
// records and files outside, changes a byte outside the repository, a byte of any file
// but the edited record, or a line of that record outside the edited field.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { editRecordFile, parseAdr, WriteRefusedError, type AdrEdit } from '../../../src/core/adr';
import { checkNames, checkStatus, statusVocabulary } from '../../../src/core/adr/edit-checks';
import { nameKind } from '../../../src/core/adr/name-kinds';
import type { AdrPeopleField } from '../../../src/core/model/adr';
import { snapshotTree } from '../../fixtures/file-snapshot';
import { tempTree } from './temp-repo';

/** What `tag` turns into bad usage: a name or status the record's dialect cannot hold. */
class DialectRefusal extends Error {}

const RECORDS: Record<string, string> = {
  'repo/docs/adr/0001-madr4.md': '---\nstatus: proposed\ndate: 2026-01-08\ndecision-makers:\n  - Ann Lee\nconsulted: [Bob Li]\n---\n\n# Use PostgreSQL\n\n## Context\n\nText.\n',
  'repo/docs/adr/0002-madr3.md': '---\nstatus: accepted\ndeciders: Carol Diaz\n---\n\n# Use Kafka\n\nText.\n',
  'repo/docs/adr/0003-madr2.md': '# Use Redis\n\n* Status: proposed\n* Deciders: Bob Li\n* Date: 2026-01-10\n\n## Context\n\nCaching.\n',
  'repo/docs/adr/20240105-log4brains.md': '# Use Nx\r\n\r\n- Status: draft\r\n- Date: 2024-01-05\r\n\r\n## Context\r\n',
  'repo/docs/adr/0005-nygard.md': '# 5. Record decisions\n\nDate: 2026-01-05\n\n## Status\n\nAccepted\n\n## Context\n\nWhy.\n',
};
const RECORD_PATHS = new Set(Object.keys(RECORDS).map((file) => file.slice('repo/'.length)));

/** Where commands aim: the records, and everything the rule must refuse. */
const TARGETS = [
  ...RECORD_PATHS,
  'docs/adr/0006-link-out.md',
  'docs/adr/0007-link-in.md',
  'docs/linked/0001-elsewhere.md',
  'notes.md',
  '../outside/secret.md',
  'OUTSIDE_ABSOLUTE',
  'docs/adr',
];

const FIELD_LINES: Record<AdrPeopleField, RegExp> = {
  decisionMakers: /^(decision-makers:|deciders:|([*-] )?Deciders:|\s+- )/,
  consulted: /^(consulted:|([*-] )?Consulted:|\s+- )/,
  informed: /^(informed:|([*-] )?Informed:|\s+- )/,
};
const STATUS_LINE = /^(status:|([*-] )?Status:|(draft|proposed|accepted|rejected|deprecated|superseded)$)/i;

const name = fc.oneof(
  // A role written as a name ("Cto", "Cdo") is read as a team, not a person: never one of the names written here.
  { weight: 4, arbitrary: fc.stringMatching(/^[A-Z][a-z]{1,7}( [A-Z][a-z]{1,9})?$/).filter((written) => nameKind(written) === 'person') },
  { weight: 1, arbitrary: fc.constantFrom('Smith, Jr.', '---', 'Ann\nstatus: accepted', '[names]', '@dchen', 'dana@acme.io', "Zoë O'Brien") },
);
const editArb: fc.Arbitrary<AdrEdit> = fc.oneof(
  fc.record({ kind: fc.constant('people' as const), field: fc.constantFrom<AdrPeopleField>('decisionMakers', 'consulted', 'informed'), names: fc.array(name, { minLength: 1, maxLength: 3 }) }),
  fc.record({ kind: fc.constant('status' as const), status: fc.constantFrom('accepted', 'Proposed', 'draft', 'deprecated', 'bogus', 'superseded') }),
);
const commandArb = fc.record({ target: fc.constantFrom(...TARGETS), edit: editArb });

/** Lines of `before` and `after` that the other does not hold (as multisets). */
function changedLines(before: string, after: string): string[] {
  const count = new Map<string, number>();
  for (const line of before.split(/\r?\n/)) count.set(line, (count.get(line) ?? 0) + 1);
  const added: string[] = [];
  for (const line of after.split(/\r?\n/)) {
    const left = count.get(line) ?? 0;
    if (left > 0) count.set(line, left - 1);
    else added.push(line);
  }
  const removed = [...count].flatMap(([line, left]) => Array<string>(left).fill(line));
  return [...removed, ...added];
}

describe('confined edits (property)', () => {
  it('change no byte outside the repository, of another file, or of the record outside the edited field', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(commandArb, { minLength: 1, maxLength: 6 }), async (commands) => {
        const tree = tempTree({ ...RECORDS, 'repo/notes.md': '# Notes\n', 'outside/secret.md': 'secret\n', 'outside/adr/0001-elsewhere.md': '# Elsewhere\n\n* Status: accepted\n' });
        try {
          const repo = path.join(tree.root, 'repo');
          symlinkSync(path.join(tree.root, 'outside/secret.md'), path.join(repo, 'docs/adr/0006-link-out.md'));
          symlinkSync('0001-madr4.md', path.join(repo, 'docs/adr/0007-link-in.md'));
          symlinkSync(path.join(tree.root, 'outside/adr'), path.join(repo, 'docs/linked'));
          mkdirSync(path.join(repo, 'docs/empty'));
          for (const { target, edit } of commands) {
            const before = await snapshotTree(tree.root);
            const file = target === 'OUTSIDE_ABSOLUTE' ? path.join(tree.root, 'outside/secret.md') : target;
            const textBefore = RECORD_PATHS.has(target) ? readFileSync(path.join(repo, target), 'utf8') : '';
            const result = await editRecordFile(repo, file, {
              shown: target,
              allowed: (relative) => RECORD_PATHS.has(relative),
              edits: ({ dialect }) => {
                if (edit.kind === 'people') {
                  const problem = checkNames(dialect, edit.field, edit.names);
                  if (problem !== null) throw new DialectRefusal(problem);
                  return [edit];
                }
                if (edit.kind !== 'status') return [];
                const checked = checkStatus(dialect, edit.status);
                if ('error' in checked) throw new DialectRefusal(checked.error);
                return [{ kind: 'status', status: checked.status }];
              },
            }).then(
              (done) => done,
              (error: unknown) => {
                assert.ok(error instanceof WriteRefusedError || error instanceof DialectRefusal, String(error));
                return undefined;
              },
            );
            const after = await snapshotTree(tree.root);
            const changed = [...new Set([...before.keys(), ...after.keys()])].filter((key) => before.get(key) !== after.get(key));
            if (!result?.changed) {
              assert.deepEqual(changed, [], `${target}: nothing was to change`);
              continue;
            }
            assert.ok(RECORD_PATHS.has(target), `${target} was written`);
            assert.deepEqual(changed, [`repo/${target}`]);
            const textAfter = readFileSync(path.join(repo, target), 'utf8');
            const pattern = edit.kind === 'people' ? FIELD_LINES[edit.field] : STATUS_LINE;
            for (const line of changedLines(textBefore, textAfter)) assert.ok(line.trim() === '' || pattern.test(line), `${target}: "${line}" changed`);
            const record = parseAdr(target, textAfter.replace(/^\uFEFF/, ''));
            if (edit.kind === 'people') assert.deepEqual(record[edit.field].map((ref) => ref.text), edit.names);
            if (edit.kind === 'status') assert.ok(statusVocabulary(record.dialect).includes(record.statusText), record.statusText);
          }
        } finally {
          tree.remove();
        }
      }),
      { numRuns: 25 },
    );
  });
});
