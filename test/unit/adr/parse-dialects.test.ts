import assert from 'node:assert/strict';
import { parseAdr } from '../../../src/core/adr';
import { resolveLinks } from '../../../src/core/adr/resolve-links';

const names = (refs: ReadonlyArray<{ text: string }>): string[] => refs.map((r) => r.text);

describe('parseAdr: dialects', () => {
  it('reads an adr-tools (Nygard) record', () => {
    const record = parseAdr('doc/adr/0002-use-kafka.md', '# 2. Use Kafka\n\nDate: 2025-11-24\n\n## Status\n\nAccepted\n\nSupersedes [1. Use RabbitMQ](0001-use-rabbitmq.md)\n\n## Context\n\nEvents.\n');
    assert.equal(record.dialect, 'nygard');
    assert.equal(record.title, 'Use Kafka');
    assert.equal(record.number, 2);
    assert.equal(record.status, 'accepted');
    assert.equal(record.statusText, 'Accepted');
    assert.equal(record.date, '2025-11-24');
    assert.deepEqual(record.links.map((l) => [l.kind, l.target, l.line]), [['supersedes', '0001-use-rabbitmq.md', 9]]);
    assert.deepEqual(record.diagnostics, []);
  });

  it('reads a Nygard record with a Deciders line under Date', () => {
    const record = parseAdr('d/0001-x.md', '# 1. X\n\nDate: 2025-11-04\nDeciders: Dana Chen, @bob\nConsulted: Eve\n\n## Status\n\nProposed\n');
    assert.equal(record.dialect, 'nygard');
    assert.deepEqual(record.decisionMakers, [{ text: 'Dana Chen', line: 4 }, { text: '@bob', line: 4 }]);
    assert.deepEqual(names(record.consulted), ['Eve']);
    assert.equal(record.status, 'proposed');
  });

  it('reads MADR 2 bullets, including Decider and a missing colon', () => {
    const record = parseAdr('p/0001-idempotency-keys.md', '# Idempotency keys\n\n* Status accepted\n* Decider: Carol Diaz, @fosei\n* Date: 2026-07-08\n\nTechnical Story: retries.\n\n## Context and Problem Statement\n\n* Status quo: no keys\n');
    assert.equal(record.dialect, 'madr2');
    assert.equal(record.status, 'accepted');
    assert.deepEqual(record.decisionMakers, [{ text: 'Carol Diaz', line: 4 }, { text: '@fosei', line: 4 }]);
    assert.equal(record.date, '2026-07-08');
    assert.equal(record.number, 1);
  });

  it('reads log4brains dash bullets with tags and a draft status', () => {
    const record = parseAdr('docs/adr/20240105-use-nx.md', '# Use Nx\n\n- Status: draft\n- Deciders: Ann, Ben <!-- optional -->\n- Date: 2024-01-05\n- Tags: build, monorepo tooling\n\n## Context and Problem Statement\n');
    assert.equal(record.dialect, 'log4brains');
    assert.equal(record.status, 'proposed');
    assert.deepEqual(names(record.decisionMakers), ['Ann', 'Ben']);
    assert.deepEqual(record.tags, ['build', 'monorepo', 'tooling']);
    assert.equal(record.number, null);
  });

  it('reads MADR 3 front matter with deciders as a comma string', () => {
    const record = parseAdr('docs/adr/0005-cqrs.md', '---\nstatus: accepted\ndate: 2026-05-18\ndeciders: Carol Diaz, Dana\nconsulted: [Bob]\ninformed:\n  - Eve\n---\n\n# Move payments to CQRS\n');
    assert.equal(record.dialect, 'madr3');
    assert.deepEqual(record.decisionMakers, [{ text: 'Carol Diaz', line: 4 }, { text: 'Dana', line: 4 }]);
    assert.deepEqual(record.consulted, [{ text: 'Bob', line: 5 }]);
    assert.deepEqual(record.informed, [{ text: 'Eve', line: 7 }]);
    assert.equal(record.title, 'Move payments to CQRS');
    assert.equal(record.titleLine, 10);
  });

  it('reads MADR 4 front matter: lists, nested lists, emails, handles, maps and empty values', () => {
    const text = [
      '---', 'status: accepted', 'date: 2026-01-08', 'decision-makers:', '  - Dana Chen <dana@acme.io>', '  - - "@apatel"', '    - bob@old-domain.com',
      '  - name: Frank Osei', 'consulted: []', 'informed: ~', 'tags: [db, ledger]', '---', '', '# Use PostgreSQL', '',
    ].join('\n');
    const record = parseAdr('docs/adr/0001-use-postgresql.md', text);
    assert.equal(record.dialect, 'madr4');
    assert.deepEqual(record.decisionMakers, [
      { text: 'Dana Chen <dana@acme.io>', line: 5 }, { text: '@apatel', line: 6 }, { text: 'bob@old-domain.com', line: 7 }, { text: 'Frank Osei', line: 8 },
    ]);
    assert.deepEqual(record.consulted, []);
    assert.deepEqual(record.informed, []);
    assert.deepEqual(record.tags, ['db', 'ledger']);
  });

  it('reads Jekyll keys mixed into MADR front matter and takes the title from the front matter without a heading', () => {
    const record = parseAdr('docs/decisions/0007-x.md', '---\nlayout: adr\ntitle: Cache with Redis\nparent: Decisions\nstatus: proposed\ndecision-makers: [Ann]\n---\n\nWe cache.\n');
    assert.equal(record.dialect, 'madr4');
    assert.equal(record.title, 'Cache with Redis');
    assert.equal(record.titleLine, 3);
    assert.equal(record.status, 'proposed');
  });

  it('reads a free-form record: title from the first heading, status from a bold line', () => {
    const record = parseAdr('docs/adr/arch/pick-a-queue.md', 'Intro text.\n\n# Pick a queue\n\nSome prose.\n\n**Status:** Rejected\n\nMore.\n');
    assert.equal(record.dialect, 'freeform');
    assert.equal(record.title, 'Pick a queue');
    assert.equal(record.titleLine, 3);
    assert.equal(record.status, 'rejected');
    assert.equal(record.category, 'arch');
  });

  it('gives unknown status and a diagnostic when a free-form record says none', () => {
    const record = parseAdr('docs/adr/notes.md', '# Notes\n\nJust notes.\n');
    assert.equal(record.status, 'unknown');
    assert.deepEqual(record.diagnostics.map((d) => d.code), ['no-status']);
  });
});

describe('parseAdr: reStructuredText records', () => {
  it('reads an Open edX record: an underlined title and a Status section, every line where it was', () => {
    const text = '1. Record Architecture Decisions\n--------------------------------\n\nStatus\n------\n\nAccepted\n\nContext\n-------\n\nWe would like a record.\n\n----\n\nA transition above, not a heading.\n';
    const record = parseAdr('docs/decisions/0001-record-architecture-decisions.rst', text);
    assert.equal(record.title, 'Record Architecture Decisions');
    assert.equal(record.titleLine, 1);
    assert.equal(record.number, 1);
    assert.equal(record.status, 'accepted');
    assert.equal(record.statusText, 'Accepted');
  });

  it('reads an overlined title, field-list people and date, and a status other than accepted', () => {
    const text = '==========================\nUse Sphinx for the handbook\n==========================\n\n:Date: 2024-02-03\n:Deciders: Dana Chen, Eve Park\n\nStatus\n======\n\nProposed\n';
    const record = parseAdr('docs/decisions/0012-use-sphinx.rst', text);
    assert.equal(record.title, 'Use Sphinx for the handbook');
    assert.equal(record.titleLine, 2);
    assert.equal(record.date, '2024-02-03');
    assert.deepEqual(record.decisionMakers, [{ text: 'Dana Chen', line: 6 }, { text: 'Eve Park', line: 6 }]);
    assert.equal(record.status, 'proposed');
  });

  it('reads hyperlinks and :doc: references as links, so a supersede link meets its record by name', () => {
    const older = parseAdr('docs/decisions/use-celery.rst', 'Use Celery\n==========\n\nStatus\n------\n\nSuperseded by :doc:`use-huey`\n');
    const old2 = parseAdr('docs/decisions/use-rq.rst', 'Use RQ\n======\n\nStatus\n------\n\nSuperseded by `the Huey record <use-huey.rst>`_\n');
    const newer = parseAdr('docs/decisions/use-huey.rst', 'Use Huey\n========\n\nStatus\n------\n\nAccepted. See `the docs <https://huey.readthedocs.io>`_.\n');
    const resolved = resolveLinks([older, old2, newer], (file) => file.slice(0, file.lastIndexOf('/')));
    assert.deepEqual(resolved.map((r) => [r.status, r.links.map((l) => [l.kind, l.resolvedPath])]), [
      ['superseded', [['superseded-by', 'docs/decisions/use-huey.rst']]],
      ['superseded', [['superseded-by', 'docs/decisions/use-huey.rst']]],
      ['accepted', [['supersedes', 'docs/decisions/use-celery.rst'], ['supersedes', 'docs/decisions/use-rq.rst']]],
    ]);
  });

  it('leaves a Markdown record with the same lines as it is: only .rst files are read as reStructuredText', () => {
    const record = parseAdr('docs/adr/0003-x.md', 'Use X\n=====\n\n:Status: Accepted\n');
    assert.equal(record.title, 'Use X');
    assert.notEqual(record.status, 'accepted');
  });
});

describe('parseAdr: approvers and reviewers', () => {
  it('reads Approvers and Approved by as decision-makers, Reviewers and Reviewed by as consulted (gRFC and DACI-style headers)', () => {
    const grfc = parseAdr('proposals/0115-disable-cache.md', 'A115: disable the cache\n----\n* Author(s): @apolcyn\n* Approvers: @markdroth, @ejona86\n* Reviewers: Dana Chen\n* Status: Draft\n* Last updated: 2026-03-17\n\n## Abstract\n\nText.\n');
    assert.deepEqual(names(grfc.decisionMakers), ['@markdroth', '@ejona86']);
    assert.deepEqual(names(grfc.consulted), ['Dana Chen']);
    assert.equal(grfc.date, '2026-03-17');
    const nygard = parseAdr('docs/adr/0004-x.md', '# 4. X\n\nDate: 2025-02-01\nApproved by: Eve Park\nReviewed by: Bob Stone\n\n## Status\n\nAccepted\n');
    assert.deepEqual([names(nygard.decisionMakers), names(nygard.consulted)], [['Eve Park'], ['Bob Stone']]);
  });
});
