import assert from 'node:assert/strict';
import { rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
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

  it('fills the adr-tools template (NUMBER, TITLE, DATE, STATUS) and starts the writer on its first section after Status', async () => {
    const template = '# NUMBER. TITLE\n\nDate: DATE\n\n## Status\n\nSTATUS\n\n## Context\n\nThe issue motivating this decision.\n\n## Decision\n\nTeam note: TITLE stays.\n';
    tree = tempTree({ '.adr-dir': 'doc/adr\n', 'doc/adr/0001-record.md': '# 1. Record\n\nDate: 2025-01-01\n\n## Status\n\nAccepted\n', 'doc/adr/templates/template.md': template });
    const created = await createAdr({ root: tree.root, title: 'Use Kafka', date: '2026-03-01', config: DEFAULT_CONFIG });
    assert.equal(created.path, 'doc/adr/0002-use-kafka.md');
    assert.equal(created.template, 'doc/adr/templates/template.md');
    assert.equal(created.text, '# 2. Use Kafka\n\nDate: 2026-03-01\n\n## Status\n\nProposed\n\n## Context\n\nThe issue motivating this decision.\n\n## Decision\n\nTeam note: TITLE stays.\n');
    assert.equal(created.text.slice(created.cursor.start, created.cursor.end), 'The issue motivating this decision.');
    const record = parseAdr(created.path, created.text);
    assert.deepEqual([record.dialect, record.number, record.title, record.status, record.date], ['nygard', 2, 'Use Kafka', 'proposed', '2026-03-01']);
  });

  it('fills a MADR template (title, status, date) and selects its first placeholder after the title', async () => {
    const template = '---\nstatus: "{proposed | rejected | accepted}"\ndate: {YYYY-MM-DD when the decision was last updated}\ndecision-makers: {list everyone involved}\n---\n\n# {short title of solved problem and solution}\n\n## Context and Problem Statement\n\n{Describe the context and problem statement}\n';
    tree = tempTree({ 'docs/decisions/0001-a.md': '---\nstatus: accepted\n---\n\n# A\n', 'docs/decisions/adr-template.md': template });
    const created = await createAdr({ root: tree.root, title: 'Use Redis', date: '2026-03-01', config: DEFAULT_CONFIG });
    assert.equal(created.path, 'docs/decisions/0002-use-redis.md');
    assert.equal(created.text, template.replace('"{proposed | rejected | accepted}"', 'proposed').replace('{YYYY-MM-DD when the decision was last updated}', '2026-03-01').replace('{short title of solved problem and solution}', 'Use Redis'));
    assert.equal(created.text.slice(created.cursor.start, created.cursor.end), '{Describe the context and problem statement}');
  });

  it('leaves a template that is a link alone, and starts the built-in record on its first section', async () => {
    const outside = path.join(tmpdir(), `adr-template-secret-${process.pid}.md`);
    writeFileSync(outside, '# SECRET\n');
    tree = tempTree({ 'docs/decisions/0001-a.md': '---\nstatus: accepted\n---\n\n# A\n' });
    symlinkSync(outside, path.join(tree.root, 'docs/decisions/template.md'));
    try {
      const created = await createAdr({ root: tree.root, title: 'Use Redis', date: '2026-03-01', config: DEFAULT_CONFIG });
      assert.equal(created.template, undefined);
      assert.doesNotMatch(created.text, /SECRET/);
      const lines = created.text.slice(0, created.cursor.start).split('\n');
      assert.equal(created.cursor.end, created.cursor.start);
      assert.equal(lines[lines.length - 3], '## Context and Problem Statement');
    } finally {
      rmSync(outside);
    }
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
    assert.equal(slugify('Łódź: store blobs in Ørsted’s bucket'), 'lodz-store-blobs-in-orsted-s-bucket');
  });
});
