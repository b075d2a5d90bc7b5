import assert from 'node:assert/strict';
import { CatFileBatchParser, type BatchEntry } from '../../../src/core/git/cat-file-batch';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const C = 'c'.repeat(40);

/** Literal `cat-file --batch=%(objectname) %(objecttype) %(objectsize)` output for four names. */
const OUTPUT = Buffer.from([
  `${A} blob 11\n{"a": "1"}\n\n`,
  'HEAD^1:go.mod missing\n',
  `${B} tree 7\n12345\n6\n`,
  `${C} blob 6\nbig  \n\n`,
  `${A} blob 3\nx\ny\n`,
].join(''));

function parse(chunks: readonly Buffer[], maxTextBytes = 100): { entries: BatchEntry[]; idle: boolean } {
  const parser = new CatFileBatchParser(maxTextBytes);
  const entries: BatchEntry[] = [];
  for (const chunk of chunks) parser.push(chunk, (entry) => entries.push(entry));
  return { entries, idle: parser.idle };
}

const EXPECTED: BatchEntry[] = [
  { id: A, type: 'blob', text: '{"a": "1"}\n' },
  { id: null, type: null, text: null },
  { id: B, type: 'tree', text: null },
  { id: C, type: 'blob', text: 'big  \n' },
  { id: A, type: 'blob', text: 'x\ny' },
];

describe('git: cat-file --batch output as it streams', function () {
  it('gives one entry per name in order: texts of blobs, nothing for missing names and other objects', function () {
    assert.deepEqual(parse([OUTPUT]), { entries: EXPECTED, idle: true });
  });

  it('gives the same entries whatever the chunks, down to one byte each', function () {
    for (const size of [1, 2, 5, 13, 40]) {
      const chunks: Buffer[] = [];
      for (let at = 0; at < OUTPUT.length; at += size) chunks.push(OUTPUT.subarray(at, at + size));
      assert.deepEqual(parse(chunks), { entries: EXPECTED, idle: true }, `chunks of ${size}`);
    }
  });

  it('passes over blobs larger than the limit without their text, and goes on after them', function () {
    const { entries } = parse([OUTPUT.subarray(0, 30), OUTPUT.subarray(30)], 5);
    assert.deepEqual(entries.map((e) => e.text), [null, null, null, null, 'x\ny']);
    assert.deepEqual(entries.map((e) => e.id), [A, null, B, C, A]);
  });

  it('is not idle while an object is cut off, and gives no entry for it', function () {
    const { entries, idle } = parse([OUTPUT.subarray(0, OUTPUT.length - 2)]);
    assert.equal(entries.length, 4);
    assert.equal(idle, false);
  });
});
