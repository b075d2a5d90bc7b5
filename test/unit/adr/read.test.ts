import assert from 'node:assert/strict';
import { readAdrs } from '../../../src/core/adr';
import { DEFAULT_CONFIG } from '../../../src/core/config/schema';
import { tempTree, type TempTree } from './temp-repo';

const linksOf = (record: { links: ReadonlyArray<{ kind: string; resolvedPath: string | null; derived?: boolean }> } | undefined): Array<[string, string | null, boolean]> =>
  (record?.links ?? []).map((l) => [l.kind, l.resolvedPath, l.derived === true]);

describe('readAdrs', () => {
  let tree: TempTree;
  afterEach(() => tree.remove());

  it('resolves links by relative path, number (same folder first) and slug, across folders, and derives the other side', async () => {
    tree = tempTree({
      'docs/adr/0001-use-rabbitmq.md': '# 1. Use RabbitMQ\n\nDate: 2024-01-01\n\n## Status\n\nSuperseded by [2. Use Kafka](0002-use-kafka.md)\n',
      'docs/adr/0002-use-kafka.md': '# 2. Use Kafka\n\nDate: 2024-02-01\n\n## Status\n\nAccepted\n\nAmends 3\n\nRelates to pick-a-db\n',
      'docs/adr/0003-events.md': '# 3. Events\n\nDate: 2024-02-01\n\n## Status\n\nAccepted\n',
      'docs/decisions/0003-other-three.md': '# Other three\n\n* Status: accepted\n',
      'services/x/docs/decisions/0001-pick-a-db.md': '# Pick a DB\n\n* Status: accepted\n\nSupersedes [old](../../../../docs/adr/0003-events.md#context)\n',
    });
    const { records, warnings } = await readAdrs(tree.root, DEFAULT_CONFIG);
    assert.deepEqual(warnings, []);
    const byPath = new Map(records.map((r) => [r.path, r]));
    assert.deepEqual(records.map((r) => r.path), [
      'docs/adr/0001-use-rabbitmq.md', 'docs/adr/0002-use-kafka.md', 'docs/adr/0003-events.md', 'docs/decisions/0003-other-three.md', 'services/x/docs/decisions/0001-pick-a-db.md',
    ]);
    assert.deepEqual(linksOf(byPath.get('docs/adr/0001-use-rabbitmq.md')), [['superseded-by', 'docs/adr/0002-use-kafka.md', false]]);
    assert.deepEqual(linksOf(byPath.get('docs/adr/0002-use-kafka.md')), [
      ['amends', 'docs/adr/0003-events.md', false], ['relates-to', 'services/x/docs/decisions/0001-pick-a-db.md', false], ['supersedes', 'docs/adr/0001-use-rabbitmq.md', true],
    ]);
    assert.deepEqual(linksOf(byPath.get('docs/adr/0003-events.md')), [['amended-by', 'docs/adr/0002-use-kafka.md', true], ['superseded-by', 'services/x/docs/decisions/0001-pick-a-db.md', true]]);
  });

  it('reads a Latin-1 file with a warning, keeps going past a 10 MB one, and sets categories', async () => {
    const latin1 = Uint8Array.from([...'# Caf', '\u00e9', '\n\n* Status: accepted\n* Deciders: Jos', '\u00e9\n'].join('').split('').map((c) => c.charCodeAt(0)));
    tree = tempTree({
      'docs/adr/0001-cafe.md': latin1,
      'docs/adr/0002-huge.md': `# 2. Huge\n\nDate: 2024-01-01\n\n## Status\n\nAccepted\n\n${'x'.repeat(11 * 1024 * 1024)}\n`,
      'docs/adr/backend/0003-bom.md': '\uFEFF---\r\nstatus: proposed\r\n---\r\n# BOM\r\n',
    });
    const { records, warnings } = await readAdrs(tree.root, DEFAULT_CONFIG);
    assert.deepEqual(warnings.map((w) => [w.code, w.path]), [['adr-encoding', 'docs/adr/0001-cafe.md'], ['adr-too-large', 'docs/adr/0002-huge.md']]);
    assert.deepEqual(records.map((r) => [r.title, r.status, r.category]), [['Café', 'accepted', null], ['Huge', 'accepted', null], ['BOM', 'proposed', 'backend']]);
    assert.deepEqual(records[0]?.decisionMakers.map((d) => d.text), ['José']);
  });

  it('skips binary content in a record folder with one finding each, and reads the text beside it', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, ...Array.from({ length: 200 }, (_, i) => (i * 37) % 256)]);
    const controls = Uint8Array.from(Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41 + (i % 26))));
    tree = tempTree({ 'docs/adr/0001-a.md': '# A\n\n* Status: accepted\n', 'docs/adr/0002-diagram.md': png, 'docs/adr/0003-noise.md': controls });
    const { records, warnings } = await readAdrs(tree.root, DEFAULT_CONFIG);
    assert.deepEqual(records.map((r) => r.path), ['docs/adr/0001-a.md']);
    // Files are read concurrently; the findings come in path order all the same.
    assert.deepEqual(warnings.map((w) => [w.code, w.path, w.message]), [
      ['adr-not-text', 'docs/adr/0002-diagram.md', 'docs/adr/0002-diagram.md is not text (binary content): skipped, not read as a record'],
      ['adr-not-text', 'docs/adr/0003-noise.md', 'docs/adr/0003-noise.md is not text (binary content): skipped, not read as a record'],
    ]);
  });

  it('reads unsaved editor text instead of the disk, including a new record', async () => {
    tree = tempTree({ 'docs/adr/0001-a.md': '# A\n\n* Status: proposed\n' });
    const overlays = new Map([['docs/adr/0001-a.md', '# A\n\n* Status: accepted\n'], ['docs/adr/0002-b.md', '\uFEFF# B\n\n* Status: rejected\n'], ['src/readme.md', '# no']]);
    const { records } = await readAdrs(tree.root, DEFAULT_CONFIG, { overlays });
    assert.deepEqual(records.map((r) => [r.path, r.status]), [['docs/adr/0001-a.md', 'accepted'], ['docs/adr/0002-b.md', 'rejected']]);
  });

  it('reads an empty repository as no records, and says where it looked', async () => {
    tree = tempTree({ 'README.md': '# Nothing\n' });
    const { records, warnings } = await readAdrs(tree.root, DEFAULT_CONFIG);
    assert.deepEqual(records, []);
    assert.deepEqual(warnings.map((w) => w.code), ['adr-none-found']);
    assert.match(warnings[0]?.message ?? '', /\.adr-dir.*docs\/adr.*decision-records.*adr\.paths/);
  });
});
