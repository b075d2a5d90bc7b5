// The ADR engine on the fixture company repository: discovery of the three folders,
// every record's fields, links on both sides, and the CLI's tag and new commands.
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { discoverAdrs, lintAdrs, readAdrs } from '../../src/core/adr';
import type { CliIo } from '../../src/cli/io';
import { runCli } from '../../src/cli/main';
import { loadConfig } from '../../src/core/config/load';
import type { DecisionOrbitConfig } from '../../src/core/config/schema';
import type { ParsedAdr } from '../../src/core/model/adr';
import { sharedFixture, type BuiltFixture } from '../fixtures/catalog';
import { fixtureGitEnv } from '../fixtures/git';

const NYGARD = 'doc/architecture/decisions';
const DOCS = 'docs/adr';
const PAYMENTS = 'services/payments/docs/decisions';

function captureIo(cwd: string): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { cwd, stdout: (t) => out.push(t), stderr: (t) => err.push(t), stderrIsTty: false, env: {}, out, err };
}

/** Lines only in `before` and lines only in `after`, after trimming the common head and tail. */
function changedLines(before: string, after: string): { removed: string[]; added: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head += 1;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail += 1;
  return { removed: a.slice(head, a.length - tail), added: b.slice(head, b.length - tail) };
}

describe('ADR engine on the company repository', function () {
  let fixture: BuiltFixture;
  let config: DecisionOrbitConfig;
  let records: ParsedAdr[];
  const byPath = (file: string): ParsedAdr => {
    const record = records.find((r) => r.path === file);
    assert.ok(record, file);
    return record;
  };

  before(async function () {
    fixture = await sharedFixture('company');
    config = (await loadConfig({ root: fixture.root })).config;
    const read = await readAdrs(fixture.root, config);
    assert.deepEqual(read.warnings, []);
    records = read.records;
  });

  it('discovers the three ADR folders (.adr-dir, conventional, adr.paths) and every record in them', async function () {
    const found = await discoverAdrs(fixture.root, config);
    assert.deepEqual(found.folders, [NYGARD, DOCS, PAYMENTS].sort());
    const expected = (fixture.company?.expected ?? []).filter((d) => d.kind === 'adr').map((d) => d.id.replace(/^adr:/, '')).sort();
    assert.equal(expected.length, 9);
    assert.deepEqual(found.files, expected);
    assert.deepEqual(records.map((r) => r.path), expected);
  });

  it('reads titles and statuses as the expectation table states them, in the right dialects', function () {
    for (const decision of (fixture.company?.expected ?? []).filter((d) => d.kind === 'adr')) {
      const record = byPath(decision.id.replace(/^adr:/, ''));
      if (decision.title !== undefined) assert.equal(record.title, decision.title, decision.id);
      if (decision.status !== undefined) assert.equal(record.status, decision.status, decision.id);
    }
    assert.deepEqual(records.map((r) => [path.posix.basename(r.path), r.dialect, r.number, r.date]), [
      ['0001-record-architecture-decisions.md', 'nygard', 1, '2025-11-04'],
      ['0002-use-kafka-for-events.md', 'nygard', 2, '2025-11-24'],
      ['0001-use-postgresql-for-the-ledger.md', 'madr4', 1, '2026-01-08'],
      ['0002-adopt-event-sourcing-for-payments.md', 'madr4', 2, '2026-01-20'],
      ['0003-use-feature-flags-service.md', 'madr4', 3, '2026-02-10'],
      ['0004-drop-graphql-gateway.md', 'madr4', 4, '2026-02-24'],
      ['0005-move-payments-to-cqrs.md', 'madr3', 5, '2026-05-18'],
      ['0006-adopt-opentelemetry.md', 'madr4', 6, '2026-06-03'],
      ['0001-idempotency-keys.md', 'madr2', 1, '2026-07-08'],
    ]);
  });

  it('reads the people fields with their lines', function () {
    const people = (file: string): string[][] => {
      const r = byPath(file);
      return [r.decisionMakers, r.consulted, r.informed].map((refs) => refs.map((n) => `${n.text}@${n.line}`));
    };
    assert.deepEqual(people(`${DOCS}/0001-use-postgresql-for-the-ledger.md`), [['Dana Chen@5'], ['Bob Li@7'], ['Carol Diaz@9']]);
    assert.deepEqual(people(`${DOCS}/0002-adopt-event-sourcing-for-payments.md`), [['Carol Diaz@4', 'Bob Li@4'], ['@apatel@5'], []]);
    assert.deepEqual(people(`${DOCS}/0003-use-feature-flags-service.md`), [[], [], []]);
    assert.deepEqual(people(`${DOCS}/0005-move-payments-to-cqrs.md`), [['Carol Diaz@4'], [], []]);
    assert.deepEqual(people(`${DOCS}/0006-adopt-opentelemetry.md`), [['@fosei@4'], [], []]);
    assert.deepEqual(people(`${PAYMENTS}/0001-idempotency-keys.md`), [['Carol Diaz@4', '@fosei@4'], [], []]);
    assert.deepEqual(people(`${NYGARD}/0001-record-architecture-decisions.md`), [[], [], []]);
  });

  it('links 0005 and 0002 on both sides', function () {
    const links = (file: string): Array<[string, string | null]> => byPath(file).links.map((l) => [l.kind, l.resolvedPath]);
    assert.deepEqual(links(`${DOCS}/0005-move-payments-to-cqrs.md`), [['supersedes', `${DOCS}/0002-adopt-event-sourcing-for-payments.md`]]);
    assert.deepEqual(links(`${DOCS}/0002-adopt-event-sourcing-for-payments.md`), [['superseded-by', `${DOCS}/0005-move-payments-to-cqrs.md`]]);
  });

  it('lints: records without decision-makers, duplicate numbers only within one folder', function () {
    const found = lintAdrs(records);
    const withCode = (code: string): string[] => [...found].filter(([, ds]) => ds.some((d) => d.code === code)).map(([file]) => file);
    assert.deepEqual(withCode('no-decision-makers'), [
      `${NYGARD}/0001-record-architecture-decisions.md`, `${NYGARD}/0002-use-kafka-for-events.md`,
      `${DOCS}/0003-use-feature-flags-service.md`, `${DOCS}/0004-drop-graphql-gateway.md`,
    ]);
    assert.deepEqual(withCode('duplicate-number'), []);
    assert.deepEqual(withCode('broken-link'), []);
  });

  describe('CLI', function () {
    let root: string;
    let tmp: string;
    const savedEnv = { ...process.env };

    before(async function () {
      tmp = await mkdtemp(path.join(tmpdir(), 'decision-orbit-adr-cli-'));
      root = path.join(tmp, 'company');
      await cp(fixture.root, root, { recursive: true });
      Object.assign(process.env, fixtureGitEnv());
    });

    after(async function () {
      process.env = savedEnv;
      await rm(tmp, { recursive: true, force: true });
    });

    const tag = async (file: string, flags: string[]): Promise<{ code: number; removed: string[]; added: string[]; out: string }> => {
      const before = await readFile(path.join(root, file), 'utf8');
      const io = captureIo(root);
      const code = await runCli(['tag', file, ...flags], io);
      const after = await readFile(path.join(root, file), 'utf8');
      return { code, ...changedLines(before, after), out: io.out.join('') + io.err.join('') };
    };

    it('tags a Nygard record with a Deciders line under Date', async function () {
      const result = await tag(`${NYGARD}/0002-use-kafka-for-events.md`, ['--decision-makers', 'Eve Martin, Dana Chen']);
      assert.equal(result.code, 0, result.out);
      assert.deepEqual(result, { code: 0, removed: [], added: ['Deciders: Eve Martin, Dana Chen'], out: `${NYGARD}/0002-use-kafka-for-events.md: updated decision-makers\n` });
    });

    it('tags a MADR 4 record: decision-makers and status change, nothing else', async function () {
      const result = await tag(`${DOCS}/0004-drop-graphql-gateway.md`, ['--decision-makers', 'Carol Diaz', '--status', 'deprecated']);
      assert.equal(result.code, 0, result.out);
      assert.deepEqual([result.removed, result.added], [['status: accepted', 'date: 2026-02-24'], ['status: deprecated', 'date: 2026-02-24', 'decision-makers: [Carol Diaz]']]);
    });

    it('tags a MADR 3 record with its own key and a MADR 2 record with a bullet', async function () {
      const madr3 = await tag(`${DOCS}/0005-move-payments-to-cqrs.md`, ['--decision-makers', 'Carol Diaz, Dana Chen']);
      assert.deepEqual([madr3.code, madr3.removed, madr3.added], [0, ['deciders: Carol Diaz'], ['deciders: Carol Diaz, Dana Chen']]);
      const madr2 = await tag(`${PAYMENTS}/0001-idempotency-keys.md`, ['--informed', 'Bob Li']);
      assert.deepEqual([madr2.code, madr2.removed, madr2.added], [0, [], ['* Informed: Bob Li']]);
      const consulted = await tag(`${DOCS}/0001-use-postgresql-for-the-ledger.md`, ['--consulted', '@apatel, Bob Li']);
      assert.deepEqual([consulted.code, consulted.removed, consulted.added], [0, [], ['  - "@apatel"']]);
    });

    it('says when nothing changes, and fails clearly on bad usage or a missing file', async function () {
      const same = await tag(`${DOCS}/0005-move-payments-to-cqrs.md`, ['--status', 'accepted']);
      assert.deepEqual([same.code, same.added, same.out], [0, [], `${DOCS}/0005-move-payments-to-cqrs.md: already up to date\n`]);
      for (const [argv, code, message] of [
        [['tag'], 2, /needs the record FILE/],
        [['tag', 'x.md'], 2, /at least one of/],
        [['tag', 'x.md', '--owner', 'A'], 2, /^decision-orbit: unknown option --owner; 'decision-orbit --help' lists the options\n$/],
        [['tag', 'missing.md', '--status', 'accepted'], 2, /missing\.md does not exist/],
        [['new'], 2, /needs a title/],
      ] as const) {
        const io = captureIo(root);
        assert.equal(await runCli([...argv], io), code, argv.join(' '));
        assert.match(io.err.join(''), message);
      }
    });

    it('creates the next record in the dominant dialect, or in the folder asked for', async function () {
      const io = captureIo(root);
      assert.equal(await runCli(['new', 'Adopt Temporal for workflows'], io), 0, io.err.join(''));
      assert.equal(io.out.join(''), `${DOCS}/0007-adopt-temporal-for-workflows.md\n`);
      const madr = await readFile(path.join(root, DOCS, '0007-adopt-temporal-for-workflows.md'), 'utf8');
      assert.match(madr, /^---\nstatus: proposed\ndate: \d{4}-\d{2}-\d{2}\ndecision-makers: \[\]\n/);
      assert.match(madr, /\n# Adopt Temporal for workflows\n/);

      const nygardIo = captureIo(path.join(root, 'doc'));
      assert.equal(await runCli(['new', 'Use gRPC', '--dir', 'architecture/decisions'], nygardIo), 0, nygardIo.err.join(''));
      assert.equal(nygardIo.out.join(''), 'architecture/decisions/0003-use-grpc.md\n');
      const nygard = await readFile(path.join(root, NYGARD, '0003-use-grpc.md'), 'utf8');
      assert.match(nygard, /^# 3\. Use gRPC\n\nDate: \d{4}-\d{2}-\d{2}\n\n## Status\n\nProposed\n/);
    });
  });
});
