import assert from 'node:assert/strict';
import { createAdr, parseAdr, slugify } from '../../../src/core/adr';
import { DEFAULT_CONFIG } from '../../../src/core/config/schema';
import { tempTree, type TempTree } from './temp-repo';

describe('createAdr', () => {
  let tree: TempTree;
  afterEach(() => tree.remove());

  it('starts docs/decisions with MADR 4 and number 0001 in a repository without records', async () => {
    tree = tempTree({ 'README.md': '# x\n' });
    const created = await createAdr({ root: tree.root, title: 'Use  PostgreSQL', date: '2026-03-01', config: DEFAULT_CONFIG });
    assert.equal(created.path, 'docs/decisions/0001-use-postgresql.md');
    const record = parseAdr(created.path, created.text);
    assert.deepEqual([record.dialect, record.title, record.status, record.date, record.number], ['madr4', 'Use PostgreSQL', 'proposed', '2026-03-01', 1]);
  });

  it('follows the folder: next number and its width, MADR 2 bullets, or a log4brains date slug', async () => {
    tree = tempTree({
      'docs/adr/001-a.md': '# A\n\n* Status: accepted\n',
      'docs/adr/007-b.md': '# B\n\n* Status: accepted\n',
      'l4b/adr/20240101-c.md': '# C\n\n- Status: accepted\n- Date: 2024-01-01\n',
      '.log4brains.yml': 'project:\n  adrFolder: ./l4b/adr\n',
    });
    const madr2 = await createAdr({ root: tree.root, title: 'Next one', date: '2026-03-01', config: DEFAULT_CONFIG });
    assert.equal(madr2.path, 'docs/adr/008-next-one.md');
    assert.equal(parseAdr(madr2.path, madr2.text).dialect, 'madr2');
    const l4b = await createAdr({ root: tree.root, title: 'Café à la carte!', dir: 'l4b/adr', date: '2026-03-01', config: DEFAULT_CONFIG });
    assert.equal(l4b.path, 'l4b/adr/20260301-cafe-a-la-carte.md');
    assert.deepEqual([parseAdr(l4b.path, l4b.text).dialect, parseAdr(l4b.path, l4b.text).status], ['log4brains', 'proposed']);
  });

  it('rejects an empty title, a bad date and a folder outside the repository', async () => {
    tree = tempTree({ 'README.md': '# x\n' });
    await assert.rejects(createAdr({ root: tree.root, title: '  ', date: '2026-03-01', config: DEFAULT_CONFIG }), /title/);
    await assert.rejects(createAdr({ root: tree.root, title: 'X', date: '1 March', config: DEFAULT_CONFIG }), /YYYY-MM-DD/);
    await assert.rejects(createAdr({ root: tree.root, title: 'X', dir: '../elsewhere', date: '2026-03-01', config: DEFAULT_CONFIG }), /outside/);
  });

  it('slugifies titles', () => {
    assert.equal(slugify('Use gRPC (internally) — v2'), 'use-grpc-internally-v2');
    assert.equal(slugify('!!!'), 'decision');
  });
});
