// The fast front matter reader must agree with the yaml package whenever it answers at all.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import { readSimpleYaml } from '../../../src/core/adr/simple-yaml';

interface Shape {
  value: unknown;
  start: number | null;
}

/** Values as text (the reader keeps every scalar a string), with where each starts. */
function shape(node: unknown): Shape | Shape[] | null {
  if (node === null || node === undefined) return null;
  if (isSeq(node)) return node.items.map((item) => shape(item) as Shape);
  if (isScalar(node)) return { value: node.value === null ? null : String(node.value), start: (node as YamlNode).range?.[0] ?? null };
  if (isMap(node)) return { value: `map:${node.items.map((p) => `${String(shape(p.key) && (shape(p.key) as Shape).value)}=${JSON.stringify(shape(p.value))}`).join(',')}`, start: node.range?.[0] ?? null };
  return { value: 'other', start: null };
}

const word = fc.constantFrom('accepted', '{ a | b }', '{a,b}', '{ a: b }', '{ x } y', '@x, y', '`x`', 'Dana Chen', '@fosei', 'a: b', 'x #y', 'x#y', '2026-01-08', 'yes', '12', '~', 'null', '', '{ accepted }', '- x', 'a, b', "it's", 'Zoë', '[x]', '*ref', '&anchor x', '!tag x', 'a\\"b', '|', '>', '?', 'a:', '-x', 'a:\tb', 'a\t#b');
const scalarText = word.chain((w) => fc.constantFrom(w, JSON.stringify(w), `'${w.replace(/'/g, "''")}'`));
const key = fc.constantFrom('status', 'date', 'decision-makers', 'deciders', 'consulted', 'informed', 'tags', 'title', 'decision makers', 'x_y', '"quoted"', '  indented', '- item');
const line = fc.oneof(
  fc.tuple(key, scalarText, fc.constantFrom('', ' # comment', '  #c', '#c', '\t# tab')).map(([k, v, c]) => `${k}: ${v}${c}`),
  fc.tuple(key, fc.array(scalarText, { maxLength: 3 }), fc.boolean()).map(([k, vs, pad]) => `${k}: [${pad ? ' ' : ''}${vs.join(', ')}${pad ? ' ' : ''}]`),
  fc.tuple(key, fc.array(scalarText, { minLength: 1, maxLength: 3 }), fc.constantFrom('  ', '    ', '', '\t')).map(([k, vs, indent]) => [`${k}:`, ...vs.map((v) => `${indent}- ${v}`)].join('\n')),
  fc.constantFrom('# a comment', '', '   ', 'key:', '  continued text', 'a: b: c', '---'),
);

describe('readSimpleYaml', () => {
  it('agrees with the yaml package on values and positions whenever it answers', () => {
    let answered = 0;
    fc.assert(fc.property(fc.array(line, { maxLength: 6 }), fc.boolean(), (lines, crlf) => {
      const source = `${lines.join('\n')}\n`.replace(/\n/g, crlf ? '\r\n' : '\n');
      const simple = readSimpleYaml(source);
      if (!simple) return;
      answered += 1;
      const doc = parseDocument(source, { uniqueKeys: false });
      if (simple.error !== null) {
        assert.ok(doc.errors.length > 0, `the yaml package accepts what the fast reader rejects: ${source}`);
        return;
      }
      const fast = simple.map;
      assert.deepEqual(doc.errors, [], source);
      const full = doc.contents;
      if (full === null) {
        assert.equal(fast.items.length, 0);
        return;
      }
      assert.ok(isMap(full), source);
      assert.deepEqual(fast.items.map((p) => [shape(p.key), shape(p.value)]), full.items.map((p) => [shape(p.key), shape(p.value)]), source);
    }), { numRuns: 3000 });
    assert.ok(answered > 300, `the fast path answered only ${answered} times`);
  });

  it('leaves maps, anchors, escapes and nested lists to the full parser', () => {
    for (const source of ['status: { a: b }\n', 'a: &x 1\n', 'a: "x\\ny"\n', 'a:\n  - - b\n', 'a:\n  b: c\n', 'a: |\n  text\n', 'a: [b, [c]]\n']) {
      assert.equal(readSimpleYaml(source), null, source);
    }
  });
});

describe('readSimpleYaml: traps', () => {
  it('reads `{ accepted }` as the map YAML makes of it, and a reserved `@` as an error with its value', () => {
    const placeholder = readSimpleYaml('status: { accepted }\n');
    assert.ok(placeholder && isMap(placeholder.map.items[0]?.value));
    const reserved = readSimpleYaml('deciders: @fosei, Carol\n');
    assert.match(reserved?.error ?? '', /reserved character @/);
    assert.equal(shape(reserved?.map.items[0]?.value) && (shape(reserved?.map.items[0]?.value) as Shape).value, '@fosei, Carol');
  });
});
