// Writes stay inside the repository's records: every bad input to `tag` and `new` exits 2
// with one line before anything is written. Each case compares the bytes of every file
// in the repository (links as links) and outside it before and after.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CliIo } from '../../src/cli/io';
import { runCli } from '../../src/cli/main';
import { snapshotTree } from '../fixtures/file-snapshot';
import { fixtureGitEnv } from '../fixtures/git';
import { buildWritesRepo, type WritesFixture } from '../fixtures/writes';

describe('cli: writes are confined to the repository\'s records', function () {
  let tmp: string;
  let fixture: WritesFixture;

  async function run(argv: string[], cwd = fixture.root): Promise<{ code: number; err: string; out: string }> {
    let err = '';
    let out = '';
    const io: CliIo = { cwd, stdout: (t) => { out += t; }, stderr: (t) => { err += t; }, stderrIsTty: false, stdoutIsTty: false, env: fixtureGitEnv() };
    return { code: await runCli(argv, io), err, out };
  }

  async function world(): Promise<Map<string, string>> {
    return new Map([...(await snapshotTree(fixture.root, 'repo/')), ...(await snapshotTree(fixture.outside, 'outside/'))]);
  }

  before(async function () {
    tmp = await mkdtemp(path.join(tmpdir(), 'decision-orbit-writes-'));
    fixture = await buildWritesRepo(tmp);
  });

  after(async function () {
    await rm(tmp, { recursive: true, force: true });
  });

  const R = {
    madr4: 'docs/adr/0001-use-postgresql.md',
    madr2: 'docs/adr/0003-use-redis.md',
    nygard: 'doc/architecture/decisions/0001-record-architecture-decisions.md',
  };
  const OUTSIDE = 'is outside the repository; Decision Orbit writes only inside the repository it works on';
  const SYMLINK = 'is a symbolic link; Decision Orbit never writes through or over a link';
  const NOT_RECORD = 'is not a decision record that discovery found; Decision Orbit edits only records (and .decision-orbit.yml)';

  // [what, argv (FILE relative to the repository unless absolute), exact first line of stderr]
  const cases: ReadonlyArray<[string, () => string[], string | (() => string)]> = [
    ['a file outside the repository, by absolute path', () => ['tag', path.join(fixture.outside, 'passwd'), '--decision-makers', 'x'], () => `decision-orbit: ${path.join(tmp, 'outside/passwd')} ${OUTSIDE}`],
    ['a file outside the repository, by ../', () => ['tag', '../outside/passwd', '--decision-makers', 'x'], `decision-orbit: ../outside/passwd ${OUTSIDE}`],
    ['a record that is a link to a file outside', () => ['tag', 'docs/adr/0004-linked-secret.md', '--decision-makers', 'x'], `decision-orbit: docs/adr/0004-linked-secret.md ${SYMLINK}`],
    ['a record that is a link to another record', () => ['tag', 'docs/adr/0005-linked-inside.md', '--status', 'accepted'], `decision-orbit: docs/adr/0005-linked-inside.md ${SYMLINK}`],
    ['a record under a folder that is a link leading outside', () => ['tag', 'docs/decisions/0001-elsewhere.md', '--status', 'rejected'], `decision-orbit: docs/decisions/0001-elsewhere.md ${OUTSIDE}`],
    ['a Markdown file that is no record', () => ['tag', 'notes.md', '--decision-makers', 'x'], `decision-orbit: notes.md ${NOT_RECORD}`],
    ['a text file that is no record', () => ['tag', 'notes.txt', '--decision-makers', 'x'], `decision-orbit: notes.txt ${NOT_RECORD}`],
    ['the index page of a record folder', () => ['tag', 'docs/adr/README.md', '--status', 'accepted'], `decision-orbit: docs/adr/README.md ${NOT_RECORD}`],
    ['a folder', () => ['tag', 'docs/adr', '--status', 'accepted'], 'decision-orbit: docs/adr is not a regular file of its own (a folder, a device, or a file with other hard links)'],
    ['a file that does not exist', () => ['tag', 'docs/adr/0009-missing.md', '--status', 'accepted'], 'decision-orbit: docs/adr/0009-missing.md does not exist'],
    ['a status outside MADR\'s vocabulary', () => ['tag', R.madr4, '--status', 'bogus'], 'decision-orbit: --status: "bogus" is not a status of a MADR 4 record; use one of: proposed, accepted, rejected, deprecated, superseded'],
    ['a status outside adr-tools\' vocabulary', () => ['tag', R.nygard, '--status', 'bogus'], 'decision-orbit: --status: "bogus" is not a status of an adr-tools (Nygard) record; use one of: Proposed, Accepted, Rejected, Deprecated, Superseded'],
    ['an empty status', () => ['tag', R.madr4, '--status', ' '], 'decision-orbit: --status needs a status, e.g. --status accepted'],
    ['an empty name list (MADR 4)', () => ['tag', R.madr4, '--decision-makers', ''], 'decision-orbit: --decision-makers needs at least one name: names separated by commas, e.g. --decision-makers "Ann Lee, Bo Kim"'],
    ['an empty name list (Nygard)', () => ['tag', R.nygard, '--decision-makers', ' , '], 'decision-orbit: --decision-makers needs at least one name: names separated by commas, e.g. --decision-makers "Ann Lee, Bo Kim"'],
    ['a name with a comma in a Nygard Deciders line', () => ['tag', R.nygard, '--decision-makers', '"Smith, Jr.", Ann Lee'], 'decision-orbit: --decision-makers: "Smith, Jr." cannot be written in the "Deciders:" line of an adr-tools (Nygard) record: names there are separated by commas and semicolons, and cannot hold one or start and end with quotes'],
    ['a name with a comma in MADR 2 bullets', () => ['tag', R.madr2, '--informed', '"Smith, Jr."'], 'decision-orbit: --informed: "Smith, Jr." cannot be written in the "Informed:" bullet of a MADR 2 record: names there are separated by commas and semicolons, and cannot hold one or start and end with quotes'],
    ['an unclosed quote in a name list', () => ['tag', R.madr4, '--consulted', '"Smith, Jr.'], 'decision-orbit: --consulted: write a name that holds a comma in double quotes, e.g. \'"Smith, Jr.", Ann Lee\''],
    ['a flag where names should be', () => ['tag', R.madr4, '--consulted', '---'], 'decision-orbit: --consulted needs names separated by commas, e.g. --consulted "Ann Lee, Bo Kim"; "---" is not one (write --consulted="---" if you mean it)'],
    ['a name with no letter', () => ['tag', R.madr4, '--consulted=---'], 'decision-orbit: --consulted: "---" is not a name (it has no letter or digit)'],
    ['a flag with no value at the end', () => ['tag', R.madr4, '--informed'], 'decision-orbit: --informed needs names separated by commas, e.g. --informed "Ann Lee, Bo Kim"'],
    ['template text for a name', () => ['tag', R.madr4, '--decision-makers', '[list them here]'], 'decision-orbit: --decision-makers: "[list them here]" reads as template text, not a name'],
    ['a name with a line break', () => ['tag', R.madr4, '--decision-makers', 'Ann\nstatus: accepted'], 'decision-orbit: --decision-makers: "Ann?status: accepted" holds a line break or control character; a name is one line of text'],
    ['new with a folder outside', () => ['new', 'Use gRPC', '--dir', '../outside'], `decision-orbit: ../outside ${OUTSIDE}`],
    ['new with a folder that is a link leading outside', () => ['new', 'Use gRPC', '--dir', 'docs/decisions'], `decision-orbit: docs/decisions ${OUTSIDE}`],
  ];

  for (const [what, argv, firstLine] of cases) {
    it(`refuses ${what}: exit 2, one line, no byte changed`, async function () {
      const before = await world();
      const result = await run(argv());
      assert.equal(result.err.split('\n')[0], typeof firstLine === 'string' ? firstLine : firstLine());
      assert.equal(result.code, 2, result.err);
      assert.equal(result.out, '');
      assert.deepEqual(await world(), before);
    });
  }

  it('refuses a file outside any repository when run outside one', async function () {
    const before = await world();
    const result = await run(['tag', 'passwd', '--decision-makers', 'x'], fixture.outside);
    assert.equal(result.err.split('\n')[0], 'decision-orbit: passwd is not in a git repository; Decision Orbit edits only records of a repository');
    assert.equal(result.code, 2);
    assert.deepEqual(await world(), before);
  });

  it('writes a name with a comma quoted in YAML front matter, changing only that field', async function () {
    const before = await world();
    const text = await readFile(path.join(fixture.root, R.madr4), 'utf8');
    const result = await run(['tag', R.madr4, '--decision-makers', '"Smith, Jr.", Ann Lee', '--status', 'Accepted']);
    assert.equal(result.code, 0, result.err);
    const after = await readFile(path.join(fixture.root, R.madr4), 'utf8');
    assert.equal(after, text.replace('decision-makers: []', 'decision-makers: ["Smith, Jr.", Ann Lee]').replace('status: proposed', 'status: accepted'));
    const changed = [...(await world())].filter(([key, value]) => before.get(key) !== value).map(([key]) => key);
    assert.deepEqual(changed, [`repo/${R.madr4}`]);
  });

  it('keeps the byte-order mark and CRLF of a log4brains record', async function () {
    const file = 'docs/adr/20240105-use-nx.md';
    const text = await readFile(path.join(fixture.root, file), 'utf8');
    const result = await run(['tag', file, '--decision-makers', 'Ann, Ben', '--status', 'accepted']);
    assert.equal(result.code, 0, result.err);
    const bytes = await readFile(path.join(fixture.root, file));
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.equal(bytes.toString('utf8'), text.replace('- Status: draft', '- Status: accepted').replace('- Date: 2024-01-05\r\n', '- Date: 2024-01-05\r\n- Deciders: Ann, Ben\r\n'));
  });

  it('refuses a Latin-1 record and malformed front matter (exit 1), touching nothing', async function () {
    for (const [file, message] of [['docs/adr/0006-latin1.md', /UTF-8/], ['docs/adr/0007-broken-front-matter.md', /not valid YAML/]] as const) {
      const before = await world();
      const result = await run(['tag', file, '--status', 'deprecated']);
      assert.equal(result.code, 1, result.err);
      assert.match(result.err, message);
      assert.deepEqual(await world(), before);
    }
  });

  it('creates a new record inside, from a folder below the root', async function () {
    const result = await run(['new', 'Use gRPC', '--dir', '.'], path.join(fixture.root, 'doc/architecture/decisions'));
    assert.equal(result.code, 0, result.err);
    assert.equal(result.out, '0002-use-grpc.md\n');
    assert.match(await readFile(path.join(fixture.root, 'doc/architecture/decisions/0002-use-grpc.md'), 'utf8'), /^# 2\. Use gRPC\n/);
  });
});
