import assert from 'node:assert/strict';
import { assessUnitChanges, newRepositoryMemory, type UnitFileChange } from '../../../../src/core/signals/structural/assess-unit';
import { addFacts, newBlobFacts } from '../../../../src/core/signals/structural/blob-facts';

const pkg = (deps: Record<string, string>): string => JSON.stringify({ name: 'app', version: '1.0.0', dependencies: deps }, null, 2);
const OLD_ID = '1'.repeat(40);
const NEW_ID = '2'.repeat(40);

function edit(kind: UnitFileChange['kind'], path: string, before: string, after: string, ids: { beforeId?: string; afterId?: string } = {}): UnitFileChange {
  return { kind, path, basePath: path, existedBefore: true, existsAfter: true, before, after, ...ids };
}

function whats(changes: UnitFileChange[], blobs = newBlobFacts()): string[] {
  return assessUnitChanges(changes, newRepositoryMemory(), blobs).findings.map((f) => `${f.kind}: ${f.what}`).sort();
}

describe('structural comparison: what each blob gave, kept by its id', () => {
  it('reads a blob id once per run: a later text under the same id is not read again', () => {
    const blobs = newBlobFacts();
    assert.deepEqual(whats([edit('dependency', 'package.json', pkg({}), pkg({ react: '^18.0.0' }), { beforeId: OLD_ID, afterId: NEW_ID })], blobs), ['dependency: added react']);
    // The id says the text is the one read before; whatever text comes with it.
    assert.deepEqual(whats([edit('dependency', 'package.json', pkg({ react: '^18.0.0' }), pkg({ react: '^18.0.0', vue: '^3.0.0' }), { beforeId: NEW_ID, afterId: NEW_ID })], blobs), []);
    assert.deepEqual(whats([edit('dependency', 'package.json', pkg({ react: '^18.0.0' }), pkg({ react: '^18.0.0', vue: '^3.0.0' }))], blobs), ['dependency: added vue'], 'without ids every text is read');
  });

  it('gives each reader and path its own facts for the same id', () => {
    const blobs = newBlobFacts();
    const tf = 'resource "aws_s3_bucket" "b" {}\n';
    assert.deepEqual(whats([edit('infrastructure', 'a/main.tf', '', tf, { beforeId: OLD_ID, afterId: NEW_ID })], blobs), ['infrastructure: infrastructure added: resource aws_s3_bucket']);
    assert.deepEqual(whats([edit('data', 'db/schema.sql', '', 'create table users (id int);\n', { beforeId: OLD_ID, afterId: NEW_ID })], blobs), ['data: schema added: create table users']);
  });

  it('merges without changing what it was given, so kept facts stay as read', () => {
    const kept = { dependencies: new Map([['react', '^18.0.0']]), platform: new Map<string, string>() };
    const merged = addFacts({ dependencies: new Map([['vue', '^3.0.0']]), platform: new Map([['node', '>=20']]) }, kept);
    assert.deepEqual([...merged.dependencies], [['vue', '^3.0.0'], ['react', '^18.0.0']]);
    assert.deepEqual([...merged.platform], [['node', '>=20']]);
    assert.deepEqual([...kept.dependencies], [['react', '^18.0.0']]);
    assert.equal(kept.platform.size, 0);
  });

  it('pairs a manifest moved by delete and add without changing the kept facts of either side', () => {
    const blobs = newBlobFacts();
    const moved = (): UnitFileChange[] => [
      { kind: 'dependency', path: 'a/package.json', basePath: 'a/package.json', existedBefore: true, existsAfter: false, before: pkg({ react: '^18.0.0' }), after: null, beforeId: OLD_ID },
      { kind: 'dependency', path: 'b/package.json', basePath: 'b/package.json', existedBefore: true, existsAfter: false, before: pkg({ vue: '^3.0.0' }), after: null, beforeId: NEW_ID },
      { kind: 'dependency', path: 'c/package.json', basePath: 'c/package.json', existedBefore: false, existsAfter: true, before: null, after: pkg({ react: '^18.0.0', vue: '^3.0.0' }) },
    ];
    assert.deepEqual(whats(moved(), blobs), []);
    assert.deepEqual(whats(moved(), blobs), [], 'the second run reads the same kept facts');
    assert.deepEqual(whats([edit('dependency', 'a/package.json', '', pkg({ react: '^18.0.0' }), { beforeId: OLD_ID })], blobs), [], 'the kept facts of a/package.json still hold react alone');
  });

  it('knows every dependency of an old manifest version, also one whose own old side did not parse', () => {
    const blobs = newBlobFacts();
    const memory = newRepositoryMemory();
    const unit = (changes: UnitFileChange[]): string[] => assessUnitChanges(changes, memory, blobs).findings.map((f) => `${f.kind}: ${f.what}`).sort();
    const third = '3'.repeat(40);
    assert.deepEqual(unit([edit('dependency', 'package.json', '{ broken', pkg({ lodash: '^4.0.0' }), { beforeId: OLD_ID, afterId: NEW_ID })]), []);
    assert.deepEqual(unit([edit('dependency', 'package.json', pkg({ lodash: '^4.0.0' }), pkg({ lodash: '^4.0.0', vue: '^3.0.0' }), { beforeId: NEW_ID, afterId: third })]), ['dependency: added vue']);
    // lodash is known from the second unit's old side: a package that adds it later adds nothing new.
    const added: UnitFileChange = { kind: 'dependency', path: 'b/package.json', basePath: 'b/package.json', existedBefore: false, existsAfter: true, before: null, after: pkg({ lodash: '^4.1.0', vue: '^3.0.0' }) };
    assert.deepEqual(unit([added]), []);
    assert.deepEqual([...memory.seen].sort(), ['dependency lodash', 'dependency vue']);
  });
});
