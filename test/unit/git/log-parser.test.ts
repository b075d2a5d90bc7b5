import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import path from 'node:path';
import fc from 'fast-check';
import { buildLogArgs, GIT_SAFETY_ARGS } from '../../../src/core/git';
import { GitError } from '../../../src/core/git/errors';
import { LogStreamParser, parseLogOutput } from '../../../src/core/git/log-parser';
import { blobIdsOf, type CommitRecord } from '../../../src/core/model/history';
import { blobId, createRepo, fixtureGitEnv, latin1, runGit } from '../../fixtures/git';
import { literalLog, literalRecord, rawEntry, sha, type LiteralCommit } from './literal-log';
import { suiteTempDir } from '../../support/temp-dir';

function parseInChunks(bytes: Buffer, cuts: readonly number[]): CommitRecord[] {
  const parser = new LogStreamParser();
  const commits: CommitRecord[] = [];
  let start = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    commits.push(...parser.push(bytes.subarray(start, cut)));
    start = cut;
  }
  commits.push(...parser.push(bytes.subarray(start)), ...parser.end());
  return commits;
}

function truncated(bytes: Buffer): () => CommitRecord[] {
  return () => parseLogOutput(bytes);
}

const isTruncation = (error: unknown): boolean => error instanceof GitError && /truncated output/.test(error.message);

const ROOT_A = sha('root-a');
const ROOT_B = sha('root-b');
const FEATURE = sha('feature');
const TOPIC = sha('topic');
const OCTOPUS = sha('octopus');

/** Newest first: an octopus merge of three lines, two of them separate root commits. */
const HISTORY: LiteralCommit[] = [
  {
    sha: OCTOPUS, parents: [FEATURE, TOPIC, ROOT_B], message: "Merge branches 'topic' and 'legacy'\n",
    authorDate: '2026-03-05T09:00:00+01:00', committerDate: '2026-03-05T09:00:00+01:00',
  },
  {
    sha: TOPIC, parents: [ROOT_A], authorName: latin1('José Müller'), authorEmail: 'jose@acme.io',
    message: latin1('Añade el módulo de pagos\n\nCo-authored-by: Zoë Bauer <zoe@acme.io>\n'),
    files: [['A', 'services/payments/src/index.ts'], ['M', 'package.json']],
  },
  {
    sha: FEATURE, parents: [ROOT_A], authorName: 'Zoë Bauer 🚀', authorEmail: 'zoe@acme.io',
    // Rebased: the author date is later than the commit date.
    authorDate: '2026-03-04T18:00:00+01:00', committerDate: '2026-03-03T08:00:00+01:00',
    message: 'Move the decision record\n\nKeeps the records together.\n\nReviewed-by: Dana Chen <dana@acme.io>\nSigned-off-by: Zoë Bauer <zoe@acme.io>\n',
    files: [['R087', 'doc/adr/0001-use-postgres.md', 'docs/adr/0001-use-postgres.md'], ['C100', 'Dockerfile', 'services/payments/Dockerfile'], ['D', 'old.txt'], ['T', 'bin/run']],
  },
  { sha: ROOT_B, message: '', files: [['A', 'legacy/README.md']] },
  { sha: ROOT_A, message: 'Initial commit\n', files: [['A', 'doc/adr/0001-use-postgres.md'], ['A', 'old.txt']] },
];
const BYTES = literalLog(HISTORY);

describe('git log parser: literal output', () => {
  const commits = parseLogOutput(BYTES);
  const bySha = new Map(commits.map((c) => [c.sha, c]));

  it('reads every record, newest first, with its fields from the field map', () => {
    assert.deepEqual(commits.map((c) => c.sha), [OCTOPUS, TOPIC, FEATURE, ROOT_B, ROOT_A]);
    const feature = bySha.get(FEATURE);
    assert.deepEqual(feature?.parents, [ROOT_A]);
    assert.deepEqual(feature?.author, { name: 'Zoë Bauer 🚀', email: 'zoe@acme.io' });
    assert.deepEqual(feature?.committer, { name: 'Zoë Bauer 🚀', email: 'zoe@acme.io' });
    assert.equal(feature?.subject, 'Move the decision record');
    assert.equal(feature?.body, 'Keeps the records together.\n\nReviewed-by: Dana Chen <dana@acme.io>\nSigned-off-by: Zoë Bauer <zoe@acme.io>');
  });

  it('keeps an author date later than the commit date as git printed both', () => {
    const feature = bySha.get(FEATURE);
    assert.equal(feature?.authorDate, '2026-03-04T18:00:00+01:00');
    assert.equal(feature?.committerDate, '2026-03-03T08:00:00+01:00');
  });

  it('reads octopus merges (three parents) and several root commits', () => {
    assert.deepEqual(bySha.get(OCTOPUS)?.parents, [FEATURE, TOPIC, ROOT_B]);
    assert.deepEqual(bySha.get(OCTOPUS)?.files, []);
    assert.deepEqual(commits.filter((c) => c.parents.length === 0).map((c) => c.sha), [ROOT_B, ROOT_A]);
  });

  it('decodes Latin-1 names and messages (bytes that are not UTF-8) and keeps UTF-8 ones', () => {
    const topic = bySha.get(TOPIC);
    assert.equal(topic?.author.name, 'José Müller');
    assert.equal(topic?.subject, 'Añade el módulo de pagos');
    assert.deepEqual(topic?.trailers, [{ key: 'Co-authored-by', value: 'Zoë Bauer <zoe@acme.io>' }]);
  });

  it('gives an empty subject, body and trailer list for an empty message', () => {
    const rootB = bySha.get(ROOT_B);
    assert.equal(rootB?.subject, '');
    assert.equal(rootB?.body, '');
    assert.deepEqual(rootB?.trailers, []);
    assert.deepEqual(rootB?.files, [{ status: 'A', path: 'legacy/README.md' }]);
  });

  it('reads renames and copies (old and new path, score dropped), deletions and type changes', () => {
    assert.deepEqual(bySha.get(FEATURE)?.files, [
      { status: 'R', oldPath: 'doc/adr/0001-use-postgres.md', path: 'docs/adr/0001-use-postgres.md' },
      { status: 'C', oldPath: 'Dockerfile', path: 'services/payments/Dockerfile' },
      { status: 'D', path: 'old.txt' },
      { status: 'T', path: 'bin/run' },
    ]);
  });

  it('gives the same commits however the stream is cut into chunks (every single cut position)', () => {
    for (let cut = 0; cut <= BYTES.length; cut += 1) assert.deepEqual(parseInChunks(BYTES, [cut]), commits, `cut at byte ${cut}`);
  });

  it('gives the same commits for any number of cuts anywhere (inside fields, NULs and multi-byte characters)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: BYTES.length }), { maxLength: 40 }), (cuts) => {
        assert.deepEqual(parseInChunks(BYTES, cuts), commits);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same commits one byte at a time', () => {
    assert.deepEqual(parseInChunks(BYTES, Array.from({ length: BYTES.length }, (_, i) => i)), commits);
  });

  it('counts the commits it completed', () => {
    const parser = new LogStreamParser();
    parser.push(BYTES);
    assert.equal(parser.commitCount, 4, 'the last record is only complete at the end of the stream');
    parser.end();
    assert.equal(parser.commitCount, 5);
  });
});

describe('git log parser: truncated and malformed output', () => {
  const last = literalRecord({ sha: sha('last'), parents: [sha('p')], files: [['R100', 'a.md', 'b.md'], ['M', 'c.ts']] });
  const first = literalRecord({ sha: sha('first'), parents: [sha('last')], files: [['M', 'x.ts']] });
  const whole = Buffer.concat([first, last]);

  it('parses the whole output', () => {
    assert.deepEqual(parseLogOutput(whole).map((c) => c.files.length), [1, 2]);
  });

  it('detects a last record cut inside its header', () => {
    const headerEnd = first.length + last.indexOf('\0', last.indexOf('\0') + 1);
    assert.throws(truncated(whole.subarray(0, headerEnd + 1)), isTruncation);
  });

  it('detects a last record cut inside a token', () => {
    assert.throws(truncated(whole.subarray(0, whole.length - 3)), isTruncation);
  });

  it('detects a rename cut between its two paths', () => {
    const cut = first.length + last.indexOf('a.md\0') + 'a.md\0'.length;
    assert.throws(truncated(whole.subarray(0, cut)), isTruncation);
  });

  it('detects every cut that leaves a record or a path half written', () => {
    const tokenEnds = new Set<number>();
    for (let i = whole.indexOf(0); i !== -1; i = whole.indexOf(0, i + 1)) tokenEnds.add(i + 1);
    for (let cut = first.length + 1; cut < whole.length; cut += 1) {
      if (tokenEnds.has(cut)) continue;
      assert.throws(truncated(whole.subarray(0, cut)), isTruncation, `cut at byte ${cut}`);
    }
  });

  it('rejects a malformed commit id and text where a status letter belongs', () => {
    assert.throws(() => parseLogOutput(literalRecord({ sha: 'not-a-sha' })), (e: unknown) => e instanceof GitError && /malformed commit id/.test(e.message));
    const garbage = Buffer.concat([literalRecord({ sha: sha('g') }), Buffer.from('\nwhat\0')]);
    assert.throws(() => parseLogOutput(garbage), (e: unknown) => e instanceof GitError && /unexpected text/.test(e.message));
  });
});

describe('git log parser: --raw output read without rename detection', () => {
  const ZERO = '0'.repeat(40);
  const EMPTY = 'e69de29bb2d1d6434b8b29ae775ad8c2e48c5391';
  const blob = (label: string): string => sha(`blob ${label}`);
  const added = (id: string, file: string): string[] => [`:000000 100644 ${ZERO} ${id} A`, file];
  const deleted = (id: string, file: string): string[] => [`:100644 000000 ${id} ${ZERO} D`, file];
  const modified = (file: string): string[] => [`:100644 100644 ${blob('before')} ${blob('after')} M`, file];

  it('pairs a deleted and an added file with the same blob into one exact rename; other changes stay as they are', () => {
    const [commit] = parseLogOutput(literalRecord({
      sha: sha('move'),
      files: [added(blob('record'), 'docs/decisions/0001-use-git.md'), modified('README.md'), deleted(blob('record'), 'doc/adr/0001-use-git.md'), added(blob('new'), 'docs/decisions/0002-new.md')],
    }));
    assert.deepEqual(commit?.files, [
      { status: 'R', oldPath: 'doc/adr/0001-use-git.md', path: 'docs/decisions/0001-use-git.md', blobs: `${blob('record')} ${blob('record')}` },
      { status: 'M', path: 'README.md', blobs: `${blob('before')} ${blob('after')}` },
      { status: 'A', path: 'docs/decisions/0002-new.md', blobs: `${ZERO} ${blob('new')}` },
    ]);
  });

  it('with rename detection (git paired every rename), a deleted and an added file with the same blob stay apart', () => {
    const parser = new LogStreamParser(false);
    const commits = [...parser.push(literalRecord({ sha: sha('copy'), files: [added(blob('record'), 'b/0001.md'), deleted(blob('record'), 'a/0001.md')] })), ...parser.end()];
    assert.deepEqual(commits[0]?.files, [
      { status: 'A', path: 'b/0001.md', blobs: `${ZERO} ${blob('record')}` },
      { status: 'D', path: 'a/0001.md', blobs: `${blob('record')} ${ZERO}` },
    ]);
  });

  it('with rename detection too, a record written again in another format under its name is one record renamed', () => {
    const parser = new LogStreamParser(false);
    const commits = [...parser.push(literalRecord({
      sha: sha('to rst'),
      files: [deleted(blob('md'), 'docs/decisions/0001-record-architecture-decisions.md'), added(blob('rst'), 'docs/decisions/0001-record-architecture-decisions.rst'), added(blob('new'), 'docs/decisions/0002-new.rst'), deleted(blob('old'), 'docs/other/0002-new.md')],
    })), ...parser.end()];
    assert.deepEqual(commits[0]?.files.map((f) => `${f.status} ${f.oldPath ?? ''} ${f.path}`), [
      'R docs/decisions/0001-record-architecture-decisions.md docs/decisions/0001-record-architecture-decisions.rst',
      'A  docs/decisions/0002-new.rst',
      'D  docs/other/0002-new.md',
    ]);
  });

  it('reads SHA-256 ids, and refuses a raw line whose ids are malformed', () => {
    const long = (label: string): string => createHash('sha256').update(label).digest('hex');
    const [commit] = parseLogOutput(literalRecord({ sha: long('commit'), files: [[`:100644 100644 ${long('a')} ${long('b')} M`, 'go.mod']] }));
    assert.deepEqual(blobIdsOf(commit?.files[0] ?? { status: 'M', path: '' }), { before: long('a'), after: long('b') });
    assert.throws(() => parseLogOutput(literalRecord({ sha: sha('bad'), files: [[`:100644 100644 ${blob('a')}\n ${blob('b')} M`, 'go.mod']] })), (e: unknown) => e instanceof GitError && /unexpected text/.test(e.message));
  });

  it('reads --raw lines the same wherever the stream is cut, and refuses the same malformed ones either way', () => {
    const long = (label: string): string => createHash('sha256').update(label).digest('hex');
    const bytes = literalLog([
      { sha: sha('raw-2'), files: [rawEntry('R087', blob('old'), blob('new'), 'a/x.md', 'b/x.md'), rawEntry('C100', blob('c'), blob('c'), 'a/y.md', 'b/y.md'), modified('go.mod'), rawEntry('T', blob('l'), blob('f'), 'bin/run')] },
      { sha: long('raw-1'), files: [[`:100644 100644 ${long('a')} ${long('b')} M`, 'go.sum'], added(blob('n'), 'n.md'), deleted(blob('n2'), 'o.md')] },
    ]);
    const whole = parseLogOutput(bytes);
    assert.deepEqual(whole.map((c) => c.files.map((f) => `${f.status} ${f.oldPath ?? ''} ${f.path} ${f.blobs?.length ?? 0}`)), [
      ['R a/x.md b/x.md 81', 'C a/y.md b/y.md 81', 'M  go.mod 81', 'T  bin/run 81'],
      ['M  go.sum 129', 'A  n.md 81', 'D  o.md 81'],
    ]);
    for (let cut = 0; cut <= bytes.length; cut += 1) assert.deepEqual(parseInChunks(bytes, [cut]), whole, `cut at byte ${cut}`);
    const malformed = [
      `:100644 100644 ${blob('a').toUpperCase()} ${blob('b')} M`,
      `:100644 100644 ${blob('a')} ${blob('b')} R1x`,
      `:100644 100644 ${blob('a')} ${blob('b')} MM`,
      `:100644 100644 ${blob('a')} ${blob('b')}`,
      `:100644 100644 ${blob('a')}  ${blob('b')} M`,
      `:100644 100644 ${blob('a').slice(0, 39)} ${blob('b')} M`,
    ];
    for (const line of malformed) {
      const record = literalRecord({ sha: sha('bad'), files: [[line, 'x']] });
      for (const cuts of [[], [record.indexOf(':') + 20]]) {
        assert.throws(() => parseInChunks(record, cuts), (e: unknown) => e instanceof GitError && /unexpected text/.test(e.message), line);
      }
    }
  });

  it('never pairs empty files, other files of different content, or across commits', () => {
    const commits = parseLogOutput(literalLog([
      { sha: sha('c2'), files: [added(EMPTY, 'b/.keep'), deleted(EMPTY, 'a/.keep'), added(blob('x2'), 'b/x.json'), deleted(blob('x1'), 'a/x.json'), added(blob('y'), 'b/y.md')] },
      { sha: sha('c1'), files: [deleted(blob('y'), 'a/y.md')] },
    ]));
    assert.deepEqual(commits.map((c) => c.files.map((f) => f.status).join('')), ['ADADA', 'D']);
  });

  it('pairs a record moved to another folder, or renumbered, and edited in the same commit', () => {
    const [commit] = parseLogOutput(literalRecord({
      sha: sha('moved and edited'),
      files: [
        deleted(blob('old 0003'), 'doc/adr/0003-use-terraform.md'),
        added(blob('new 0003'), 'docs/decisions/0003-use-terraform.md'),
        deleted(blob('old 0018'), 'docs/decisions/0018-react-context-api.md'),
        added(blob('new 0016'), 'docs/decisions/0016-react-context-api.md'),
        added(blob('index'), 'docs/decisions/README.md'),
      ],
    }));
    assert.deepEqual(commit?.files, [
      { status: 'R', oldPath: 'doc/adr/0003-use-terraform.md', path: 'docs/decisions/0003-use-terraform.md', blobs: `${blob('old 0003')} ${blob('new 0003')}` },
      { status: 'R', oldPath: 'docs/decisions/0018-react-context-api.md', path: 'docs/decisions/0016-react-context-api.md', blobs: `${blob('old 0018')} ${blob('new 0016')}` },
      { status: 'A', path: 'docs/decisions/README.md', blobs: `${ZERO} ${blob('index')}` },
    ]);
  });

  it('leaves a record written anew under its number, and records whose names two files share, as deleted and added', () => {
    const [commit] = parseLogOutput(literalRecord({
      sha: sha('rewritten'),
      files: [
        deleted(blob('old 0005'), 'adr/0005-use-mysql.md'),
        added(blob('new 0005'), 'adr/0005-use-postgres.md'),
        deleted(blob('a'), 'svc-a/adr/0001-record-architecture-decisions.md'),
        deleted(blob('b'), 'svc-b/adr/0001-record-architecture-decisions.md'),
        added(blob('c'), 'docs/adr/0001-record-architecture-decisions.md'),
      ],
    }));
    assert.deepEqual(commit?.files.map((f) => f.status).join(''), 'DADDA');
  });

  it('two records with the same text: each added copy takes the deleted one whose path is most like its own', () => {
    const [commit] = parseLogOutput(literalRecord({
      sha: sha('same'),
      files: [
        added(blob('adr-tools first record'), 'svc-b/docs/adr/0001-record-architecture-decisions.md'),
        added(blob('adr-tools first record'), 'svc-a/docs/adr/0001-record-architecture-decisions.md'),
        deleted(blob('adr-tools first record'), 'svc-a/doc/adr/0001-record-architecture-decisions.md'),
        deleted(blob('adr-tools first record'), 'svc-b/doc/adr/0001-record-architecture-decisions.md'),
      ],
    }));
    assert.deepEqual(commit?.files.map((f) => `${f.status} ${f.oldPath ?? ''} ${f.path}`), [
      'R svc-b/doc/adr/0001-record-architecture-decisions.md svc-b/docs/adr/0001-record-architecture-decisions.md',
      'R svc-a/doc/adr/0001-record-architecture-decisions.md svc-a/docs/adr/0001-record-architecture-decisions.md',
    ]);
  });
});

describe('git log parser: the literal format is what git prints', function () {
  this.timeout(20000);
  const dir = suiteTempDir('literal-log');

  it('matches real `git log` bytes for a root commit and a Latin-1 commit with a rename and a trailer', async () => {
    const RECORD = blobId('# 1. Use Postgres\n\nLong enough to be recognised as the same file.\n');
    const repo = await createRepo(path.join(dir(), 'repo'));
    const root = await repo.commitRaw({
      authorName: 'Ada Abe', authorEmail: 'ada@acme.io', date: '2026-03-02T10:00:00+01:00', message: 'Initial commit\n',
      files: { 'doc/adr/0001-use-postgres.md': '# 1. Use Postgres\n\nLong enough to be recognised as the same file.\n' },
    });
    await runGit(repo.root, ['mv', 'doc/adr/0001-use-postgres.md', 'docs-0001-use-postgres.md']);
    const second = await repo.commitRaw({
      authorName: latin1('José Müller'), authorEmail: 'jose@acme.io', date: '2026-03-04T18:00:00+01:00', committerDate: '2026-03-03T08:00:00+01:00',
      message: latin1('Añade\n\nReviewed-by: Dana Chen <dana@acme.io>\n'), files: { 'b.ts': 'x\n' },
    });
    const real = (await runGit(repo.root, [...GIT_SAFETY_ARGS, ...buildLogArgs()], { env: fixtureGitEnv() })).stdoutBytes;
    const literal = literalLog([
      {
        sha: second, parents: [root], authorName: latin1('José Müller'), authorEmail: 'jose@acme.io',
        authorDate: '2026-03-04T18:00:00+01:00', committerDate: '2026-03-03T08:00:00+01:00',
        message: latin1('Añade\n\nReviewed-by: Dana Chen <dana@acme.io>\n'),
        files: [rawEntry('A', null, blobId('x\n'), 'b.ts'), rawEntry('R100', RECORD, RECORD, 'doc/adr/0001-use-postgres.md', 'docs-0001-use-postgres.md')],
      },
      { sha: root, authorDate: '2026-03-02T10:00:00+01:00', message: 'Initial commit\n', files: [rawEntry('A', null, RECORD, 'doc/adr/0001-use-postgres.md')] },
    ]);
    assert.equal(real.toString('latin1'), literal.toString('latin1'));
    // The ids of git's own rename, as the structural assessment names the blobs.
    assert.deepEqual(parseLogOutput(real)[0]?.files[1], { status: 'R', oldPath: 'doc/adr/0001-use-postgres.md', path: 'docs-0001-use-postgres.md', blobs: `${RECORD} ${RECORD}` });
  });
});

describe('git log arguments', () => {
  it('a resumed pass: no renames, the commits already read skipped, the range pinned to a sha', () => {
    const args = buildLogArgs({ head: sha('head'), since: sha('last'), renames: false, skip: 12 });
    assert.deepEqual(args.slice(args.indexOf('--no-renames') - 2, args.indexOf('--no-renames') + 1), ['--raw', '--no-abbrev', '--no-renames']);
    assert.ok(!args.includes('--name-status'));
    assert.deepEqual(args.slice(-4), ['--skip=12', '--end-of-options', `${sha('last')}..${sha('head')}`, '--']);
  });

  it('a first pass: renames, nothing skipped, HEAD when no sha is given', () => {
    const args = buildLogArgs();
    assert.ok(args.includes('-M'));
    assert.ok(!args.some((arg) => arg.startsWith('--skip')));
    assert.deepEqual(args.slice(-3), ['--end-of-options', 'HEAD', '--']);
  });
});
