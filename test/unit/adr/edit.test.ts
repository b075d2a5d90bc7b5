import assert from 'node:assert/strict';
import { applyAdrTextEdits, parseAdr, planAdrEdit, planSupersede, type AdrEdit } from '../../../src/core/adr';

const edit = (path: string, text: string, change: AdrEdit): string => applyAdrTextEdits(text, planAdrEdit(text, path, change));
const people = (field: 'decisionMakers' | 'consulted' | 'informed', names: string[]): AdrEdit => ({ kind: 'people', field, names });

describe('planAdrEdit: front matter', () => {
  const MADR4 = '---\n# who decided\nstatus: "accepted" # set by the board\ndate: 2026-01-08\ndecision-makers:\n  - Dana Chen   # CTO\n  - \'Bob Li\'\nconsulted: [ "@apatel" ]\ninformed:\n---\n\n# Use PostgreSQL\n';

  it('replaces a block list in place, keeping indentation, quoting and every other byte', () => {
    const out = edit('docs/adr/0001-x.md', MADR4, people('decisionMakers', ['Carol Diaz', '@fosei']));
    assert.equal(out, MADR4.replace("  - Dana Chen   # CTO\n  - 'Bob Li'", "  - 'Carol Diaz'\n  - '@fosei'"));
  });

  it('replaces a padded flow list as a padded flow list', () => {
    const out = edit('docs/adr/0001-x.md', MADR4, people('consulted', ['Eve', 'Frank Osei']));
    assert.equal(out, MADR4.replace('consulted: [ "@apatel" ]', 'consulted: [ "Eve", "Frank Osei" ]'));
  });

  it('fills an empty value in the style of the people field above it, and keeps the status quoting and comment', () => {
    assert.equal(edit('docs/adr/0001-x.md', MADR4, people('informed', ['Zed'])), MADR4.replace('informed:\n', 'informed: [ "Zed" ]\n'));
    assert.equal(edit('docs/adr/0001-x.md', MADR4, { kind: 'status', status: 'deprecated' }), MADR4.replace('"accepted"', '"deprecated"'));
  });

  it('writes a new people field as the record writes its others: comma string, block list, flow list', () => {
    const comma = '---\nstatus: accepted\ndeciders: Carol Diaz\n---\n\n# CQRS\n';
    assert.equal(edit('docs/adr/0005-x.md', comma, people('consulted', ['Sergey Menshykh', '@apatel'])), comma.replace('deciders: Carol Diaz\n', 'deciders: Carol Diaz\nconsulted: Sergey Menshykh, @apatel\n'));
    // A name a comma string cannot hold makes it a flow list, never a split name.
    assert.equal(edit('docs/adr/0005-x.md', comma, people('consulted', ['Li, Bob'])), comma.replace('deciders: Carol Diaz\n', 'deciders: Carol Diaz\nconsulted: ["Li, Bob"]\n'));
    const block = '---\r\ndecision-makers:\r\n    - Dana Chen\r\ninformed: []\r\n---\r\n\r\n# X\r\n';
    assert.equal(edit('docs/adr/0001-x.md', block, people('consulted', ['Bob Li', 'Eve'])), block.replace('    - Dana Chen\r\n', '    - Dana Chen\r\nconsulted:\r\n    - Bob Li\r\n    - Eve\r\n'));
    // An empty `[]` from the template takes the style of the fields that hold names.
    assert.equal(edit('docs/adr/0001-x.md', block, people('informed', ['Eve'])), block.replace('informed: []', 'informed:\r\n    - Eve'));
    const unindented = '---\ninformed:\n- Eve\n---\n# X\n';
    assert.equal(edit('docs/adr/0001-x.md', unindented, people('decisionMakers', ['Ann'])), unindented.replace('---\ninformed', '---\ndecision-makers:\n- Ann\ninformed'));
    const flow = '---\nconsulted: [ Ann ]\n---\n# X\n';
    assert.equal(edit('docs/adr/0001-x.md', flow, people('informed', ['Ben'])), flow.replace('[ Ann ]\n', '[ Ann ]\ninformed: [ Ben ]\n'));
  });

  it('keeps the key the file uses (deciders) and a comma string as a comma string', () => {
    const text = '---\nstatus: accepted\ndeciders: Carol Diaz\n---\n\n# CQRS\n';
    assert.equal(edit('docs/adr/0005-x.md', text, people('decisionMakers', ['Carol Diaz', 'Dana Chen'])), text.replace('deciders: Carol Diaz', 'deciders: Carol Diaz, Dana Chen'));
  });

  it('adds a missing key in MADR order: decision-makers after date, deciders in a MADR 3 file', () => {
    const madr4 = '---\nstatus: accepted\ndate: 2026-02-24\n---\n\n# Drop GraphQL\n';
    assert.equal(edit('docs/adr/0004-x.md', madr4, people('decisionMakers', ['Carol Diaz'])), madr4.replace('date: 2026-02-24\n', 'date: 2026-02-24\ndecision-makers: [Carol Diaz]\n'));
    const madr3 = '---\nstatus: accepted\ndeciders: [Ann]\n---\n# X\n';
    assert.equal(edit('docs/adr/0004-x.md', madr3, people('informed', ['Ben'])), madr3.replace('deciders: [Ann]\n', 'deciders: [Ann]\ninformed: [Ben]\n'));
  });

  it('replaces the `{ accepted }` placeholder map with a plain status', () => {
    const text = '---\nstatus: { accepted }\n---\n# X\n';
    const out = edit('docs/adr/0009-x.md', text, { kind: 'status', status: 'accepted' });
    assert.equal(out, '---\nstatus: accepted\n---\n# X\n');
    assert.deepEqual(parseAdr('docs/adr/0009-x.md', out).diagnostics, []);
  });

  it('keeps CRLF and the BOM', () => {
    const text = '\uFEFF---\r\nstatus: accepted\r\ndate: 2026-02-24\r\n---\r\n\r\n# X\r\n';
    const out = edit('docs/adr/0004-x.md', text, people('consulted', ['Ann']));
    assert.equal(out, '\uFEFF---\r\nstatus: accepted\r\ndate: 2026-02-24\r\nconsulted: [Ann]\r\n---\r\n\r\n# X\r\n');
  });

  it('refuses to edit malformed front matter instead of guessing', () => {
    assert.throws(() => planAdrEdit('---\nstatus: [x\n---\n# X\n', 'docs/adr/0001-x.md', { kind: 'status', status: 'accepted' }), /not valid YAML/);
  });

  it('refuses to write into a reStructuredText record, naming it', () => {
    assert.throws(() => planAdrEdit('Use X\n=====\n\nStatus\n------\n\nProposed\n', 'docs/decisions/0001-use-x.rst', { kind: 'status', status: 'accepted' }), /0001-use-x\.rst is reStructuredText: .*by hand/);
  });
});

describe('planAdrEdit: bullets and lines', () => {
  const MADR2 = '# Idempotency keys\n\n* Status: accepted\n* Deciders: Carol Diaz, @fosei <!-- optional -->\n* Date: 2026-07-08\n\nTechnical Story: retries.\n\n## Context\n';

  it('rewrites only the value of a MADR 2 bullet, keeping its trailing comment', () => {
    assert.equal(edit('p/0001-x.md', MADR2, people('decisionMakers', ['Carol Diaz'])), MADR2.replace('Carol Diaz, @fosei <!--', 'Carol Diaz <!--'));
    assert.equal(edit('p/0001-x.md', MADR2, { kind: 'status', status: 'deprecated' }), MADR2.replace('Status: accepted', 'Status: deprecated'));
  });

  it('adds a missing MADR 2 / log4brains bullet with the file bullet after the fields before it', () => {
    assert.equal(edit('p/0001-x.md', MADR2, people('consulted', ['Dana'])), MADR2.replace('* Date: 2026-07-08\n', '* Date: 2026-07-08\n* Consulted: Dana\n'));
    const l4b = '# Use Nx\r\n\r\n- Status: draft\r\n- Date: 2024-01-05\r\n- Tags: build\r\n\r\n## Context\r\n';
    assert.equal(edit('docs/adr/20240105-use-nx.md', l4b, people('decisionMakers', ['Ann'])), l4b.replace('- Date: 2024-01-05\r\n', '- Date: 2024-01-05\r\n- Deciders: Ann\r\n'));
  });

  it('writes Deciders under Date in an adr-tools record, never front matter', () => {
    const text = '# 1. Record architecture decisions\n\nDate: 2025-11-04\n\n## Status\n\nAccepted\n';
    const out = edit('d/0001-x.md', text, people('decisionMakers', ['Dana Chen']));
    assert.equal(out, text.replace('Date: 2025-11-04\n', 'Date: 2025-11-04\nDeciders: Dana Chen\n'));
    assert.ok(out.startsWith('# 1. Record'));
    assert.equal(edit('d/0001-x.md', out, people('informed', ['Eve'])), out.replace('Deciders: Dana Chen\n', 'Deciders: Dana Chen\nInformed: Eve\n'));
  });

  it('sets a Nygard status in its section, or adds the section', () => {
    const text = '# 1. X\n\nDate: 2025-11-04\n\n## Status\n\nAccepted\n\nAmends [0. Y](0000-y.md)\n\n## Context\n';
    assert.equal(edit('d/0001-x.md', text, { kind: 'status', status: 'Deprecated' }), text.replace('\nAccepted\n', '\nDeprecated\n'));
    const bare = '# 2. Y\n\nDate: 2025-11-04\n\n## Context\n\nText.\n';
    assert.equal(edit('d/0002-y.md', bare, { kind: 'status', status: 'Accepted' }), bare.replace('## Context', '## Status\n\nAccepted\n\n## Context'));
  });

  it('adds a people line under the title of a free-form record', () => {
    const text = '# Pick a queue\n\nProse.\n';
    const out = edit('docs/adr/pick.md', text, people('decisionMakers', ['Ann', 'Ben']));
    assert.equal(out, '# Pick a queue\n\nDeciders: Ann, Ben\n\nProse.\n');
    assert.deepEqual(parseAdr('docs/adr/pick.md', out).decisionMakers.map((d) => d.text), ['Ann', 'Ben']);
  });

  it('refuses a name a comma list cannot hold', () => {
    assert.throws(() => planAdrEdit(MADR2, 'p/0001-x.md', people('decisionMakers', ['Li, Bob'])), /comma/);
  });
});

describe('planAdrEdit: a section of people', () => {
  const SECTIONED = '# Find config\n\nDate: 2022-04-06\n\n## Status\n\nProposed\n\n## Deciders\n\n- Thomas Nilefalk\n- Ann Lee\n\n## Context\n\nX\n';

  it('writes the names where the record keeps them, in its `## Deciders` section, and reads them back', () => {
    const out = edit('doc/adr/0005-x.md', SECTIONED, people('decisionMakers', ['Thomas Nilefalk', 'Bo Chen']));
    assert.equal(out, SECTIONED.replace('- Thomas Nilefalk\n- Ann Lee', 'Thomas Nilefalk, Bo Chen'));
    assert.deepEqual(parseAdr('doc/adr/0005-x.md', out).decisionMakers.map((n) => n.text), ['Thomas Nilefalk', 'Bo Chen']);
  });

  it('fills an empty section, and leaves a field the header gives in the header', () => {
    const empty = SECTIONED.replace('- Thomas Nilefalk\n- Ann Lee\n', '');
    assert.deepEqual(parseAdr('doc/adr/0005-x.md', edit('doc/adr/0005-x.md', empty, people('decisionMakers', ['Bo Chen']))).decisionMakers.map((n) => n.text), ['Bo Chen']);
    const headed = SECTIONED.replace('Date: 2022-04-06\n', 'Date: 2022-04-06\nDeciders: Dana Chen\n');
    assert.equal(edit('doc/adr/0005-x.md', headed, people('decisionMakers', ['Bo Chen'])), headed.replace('Deciders: Dana Chen', 'Deciders: Bo Chen'));
  });
});

describe('planAdrEdit: a table of fields', () => {
  const NATS = '# Hostname resolution\n\n|Metadata|Value|\n|--------|-----|\n|Date    |2021-07-21|\n|Status  |Approved|\n|Tags    |client|\n\n## Context\n\nWhy.\n';

  it('writes the status into its cell and people as one more row at the end of the table', () => {
    assert.equal(edit('adr/ADR-11.md', NATS, { kind: 'status', status: 'Deprecated' }), NATS.replace('|Approved|', '|Deprecated|'));
    const out = edit('adr/ADR-11.md', NATS, people('decisionMakers', ['Ann Lee', 'Ivan K']));
    assert.equal(out, NATS.replace('|Tags    |client|\n', '|Tags    |client|\n| Deciders | Ann Lee, Ivan K |\n'));
    assert.deepEqual(parseAdr('adr/ADR-11.md', out).decisionMakers.map((d) => d.text), ['Ann Lee', 'Ivan K']);
    const again = edit('adr/ADR-11.md', out, people('decisionMakers', ['Ann Lee']));
    assert.equal(again, out.replace('| Ann Lee, Ivan K |', '| Ann Lee |'));
  });

  it('links a superseded record under the table, never in place of its status, and the status row of a Status section in its cell', () => {
    const out = edit('adr/ADR-11.md', NATS, { kind: 'link', link: 'supersedes', target: 'ADR-3.md', label: 'ADR-3' });
    assert.equal(out, NATS.replace('|Tags    |client|\n', '|Tags    |client|\n\nSupersedes [ADR-3](ADR-3.md)\n'));
    const record = parseAdr('adr/ADR-11.md', out);
    assert.deepEqual([record.status, record.links.map((l) => [l.kind, l.target])], ['accepted', [['supersedes', 'ADR-3.md']]]);
    const lined = '# 4. X\n\nDate: 2024-01-01\nStatus: Accepted\n\n## Context\n';
    assert.equal(edit('d/0004-x.md', lined, { kind: 'link', link: 'supersedes', target: '0003-y.md', label: '3. Y' }), lined.replace('Status: Accepted\n', 'Status: Accepted\nSupersedes [3. Y](0003-y.md)\n'));
    const quoted = '# ADR-001: Use a hook\n\n>|              |     |\n>| ------------ | --- |\n>| Status       | `RFC` |\n\n## Context\n';
    assert.equal(edit('docs/adr/ADR-001_Use_a_hook.md', quoted, people('decisionMakers', ['Dan Stefaniuk'])), quoted.replace('`RFC` |\n', '`RFC` |\n>| Deciders | Dan Stefaniuk |\n'));
    const section = '# 5. Z\n\n## Status\n\n| Field | Value |\n|---|---|\n| Status | Proposed |\n\n## Context\n';
    assert.equal(edit('d/0005-z.md', section, { kind: 'status', status: 'Accepted' }), section.replace('| Proposed |', '| Accepted |'));
  });
});

describe('planSupersede', () => {
  it('links both Nygard records the adr-tools way', () => {
    const older = { path: 'd/0001-a.md', text: '# 1. Use RabbitMQ\n\nDate: 2024-01-01\n\n## Status\n\nAccepted\n\n## Context\n' };
    const newer = { path: 'd/0002-b.md', text: '# 2. Use Kafka\n\nDate: 2024-02-01\n\n## Status\n\nAccepted\n\n## Context\n' };
    const plan = planSupersede(newer, older);
    assert.equal(applyAdrTextEdits(newer.text, plan.newer), newer.text.replace('Accepted\n', 'Accepted\n\nSupersedes [1. Use RabbitMQ](0001-a.md)\n'));
    const olderOut = applyAdrTextEdits(older.text, plan.older);
    assert.equal(olderOut, older.text.replace('Accepted', 'Superseded by [2. Use Kafka](0002-b.md)'));
    assert.equal(parseAdr(older.path, olderOut).status, 'superseded');
  });

  it('links MADR records across folders and is idempotent', () => {
    const older = { path: 'services/p/docs/decisions/0001-a.md', text: '# A\n\n* Status: accepted\n* Deciders: Ann\n\n## Context\n' };
    const newer = { path: 'docs/adr/0007-b.md', text: '---\nstatus: accepted\n---\n\n# B\n\n## Context\n' };
    const plan = planSupersede(newer, older);
    const newerOut = applyAdrTextEdits(newer.text, plan.newer);
    const olderOut = applyAdrTextEdits(older.text, plan.older);
    assert.equal(newerOut, '---\nstatus: accepted\n---\n\n# B\n\nSupersedes [ADR-0001](../../services/p/docs/decisions/0001-a.md)\n\n## Context\n');
    assert.equal(olderOut, older.text.replace('Status: accepted', 'Status: superseded by [ADR-0007](../../../../docs/adr/0007-b.md)'));
    const again = planSupersede({ ...newer, text: newerOut }, { ...older, text: olderOut });
    assert.deepEqual(again, { newer: [], older: [] });
  });
});

describe('applyAdrTextEdits', () => {
  it('applies edits in any order and rejects overlaps', () => {
    assert.equal(applyAdrTextEdits('abcdef', [{ start: 0, end: 1, newText: 'X' }, { start: 4, end: 6, newText: 'YZ!' }]), 'XbcdYZ!');
    assert.throws(() => applyAdrTextEdits('abcdef', [{ start: 0, end: 3, newText: '' }, { start: 2, end: 4, newText: '' }]), /overlapping/);
  });
});
