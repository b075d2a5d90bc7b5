import assert from 'node:assert/strict';
import { fileHistories } from '../../../src/core/git/file-history';
import type { FileChange, History, KeptCommit } from '../../../src/core/model/history';

const commit = (sha: string, files: FileChange[], authorDate = '2026-01-01T00:00:00Z'): KeptCommit => ({
  sha, author: { name: 'Ada Abe', email: 'ada@acme.io' }, authorDate, committerDate: '2026-01-01T00:00:00Z', subject: sha, trailers: [], files,
});

const history = (commits: KeptCommit[]): History => ({ head: commits[0]?.sha ?? null, commits, shallow: false, pullRequests: [], prOfCommit: new Map() });

describe('file histories out of the one history pass', () => {
  it('follow a record across renames and say what each commit did, newest first', () => {
    const found = fileHistories(history([
      commit('edit', [{ status: 'M', path: 'docs/adr/0001-x.md' }]),
      commit('move', [{ status: 'R', oldPath: 'doc/adr/0001-x.md', path: 'docs/adr/0001-x.md' }]),
      commit('add', [{ status: 'A', path: 'doc/adr/0001-x.md' }, { status: 'A', path: 'doc/adr/0002-y.md' }]),
    ]), ['docs/adr/0001-x.md']).get('docs/adr/0001-x.md');
    assert.deepEqual(found, {
      added: 'add', commits: ['edit', 'move', 'add'], previousPaths: ['doc/adr/0001-x.md'],
      edits: [
        { sha: 'edit', path: 'docs/adr/0001-x.md', before: 'docs/adr/0001-x.md' },
        { sha: 'move', path: 'docs/adr/0001-x.md', before: 'doc/adr/0001-x.md' },
        { sha: 'add', path: 'doc/adr/0001-x.md', before: null },
      ],
    });
  });

  it('go on past a re-adding to the older history of the same path: its first author wrote it, not the import that brought it back', () => {
    const found = fileHistories(history([
      commit('import', [{ status: 'A', path: 'docs/architecture/adr-013-x.md' }]),
      commit('unrelated', [{ status: 'A', path: 'docs/architecture/adr-014-y.md' }]),
      commit('drop', [{ status: 'D', path: 'docs/architecture/adr-013-x.md' }]),
      commit('lint', [{ status: 'M', path: 'docs/architecture/adr-013-x.md' }]),
      commit('written', [{ status: 'A', path: 'docs/architecture/adr-013-x.md' }]),
    ]), ['docs/architecture/adr-013-x.md']).get('docs/architecture/adr-013-x.md');
    assert.deepEqual([found?.added, found?.restored], ['written', 'import']);
    assert.deepEqual(found?.commits, ['import', 'drop', 'lint', 'written']);
    assert.deepEqual(found?.edits.find((e) => e.sha === 'drop'), { sha: 'drop', path: 'docs/architecture/adr-013-x.md', before: 'docs/architecture/adr-013-x.md', deleted: true });
  });

  it('take the earliest authored of the parallel branches that added the same record: there it was written; the others only carried it', () => {
    const path = 'docs/adr/0018-hooks.md';
    const found = fileHistories(history([
      commit('edit', [{ status: 'M', path }], '2021-01-01T00:00:00Z'),
      commit('sync', [{ status: 'A', path }], '2020-02-12T10:45:19+00:00'),
      commit('backport', [{ status: 'A', path }], '2020-06-16T00:00:00Z'),
      commit('written', [{ status: 'A', path }], '2020-02-12T10:15:19+01:00'),
      commit('pr-merge', [{ status: 'A', path }], '2020-02-12T09:20:00+00:00'),
    ]), [path]).get(path);
    assert.deepEqual([found?.added, found?.restored, found?.commits], ['written', undefined, ['edit', 'written']]);
    assert.deepEqual(found?.edits.map((e) => [e.sha, e.before]), [['edit', path], ['written', null]]);
  });

  it('tell two records apart that held one name on parallel branches: the renaming PR\'s older commits are its record\'s', () => {
    // NATS: PR #66 wrote ADR-19 (object stores) and, when #71 took number 19 on main meanwhile, renamed its record to ADR-20.
    const commits = [
      commit('edit-19', [{ status: 'M', path: 'adr/ADR-19.md' }]),
      commit('renumber', [{ status: 'R', oldPath: 'adr/ADR-19.md', path: 'adr/ADR-20.md' }]),
      commit('squash-71', [{ status: 'A', path: 'adr/ADR-19.md' }]),
      commit('branch-edit', [{ status: 'M', path: 'adr/ADR-19.md' }]),
      commit('branch-add', [{ status: 'A', path: 'adr/ADR-19.md' }]),
    ];
    const prOfCommit = new Map([['renumber', '#66'], ['branch-edit', '#66'], ['branch-add', '#66'], ['squash-71', '#71']]);
    const found = fileHistories({ ...history(commits), prOfCommit }, ['adr/ADR-19.md', 'adr/ADR-20.md']);
    assert.deepEqual([found.get('adr/ADR-19.md')?.added, found.get('adr/ADR-19.md')?.commits], ['squash-71', ['edit-19', 'squash-71']]);
    assert.deepEqual([found.get('adr/ADR-20.md')?.added, found.get('adr/ADR-20.md')?.commits], ['branch-add', ['renumber', 'branch-edit', 'branch-add']]);
    // Outside a PR nothing tells the two apart: the rename takes the name's older history, as in a linear history.
    const linear = fileHistories(history(commits), ['adr/ADR-19.md', 'adr/ADR-20.md']);
    assert.deepEqual([linear.get('adr/ADR-19.md')?.added, linear.get('adr/ADR-20.md')?.commits], [null, ['renumber', 'squash-71']]);
  });

  it('follow a record copied to a new folder and deleted from the old one later: a move in two commits', () => {
    // Unleash: the records copied to contributing/ADRs/, the docs site that held them deleted a month later.
    const commits = [
      commit('drop-site', [{ status: 'D', path: 'website/docs/contributing/ADRs/back-end/naming.md' }, { status: 'D', path: 'website/docs/contributing/ADRs/back-end/sql.md' }]),
      commit('copy', [{ status: 'A', path: 'contributing/ADRs/back-end/naming.md' }, { status: 'A', path: 'contributing/ADRs/back-end/fresh.md' }]),
      commit('edit-old', [{ status: 'M', path: 'website/docs/contributing/ADRs/back-end/naming.md' }]),
      commit('write', [{ status: 'A', path: 'website/docs/contributing/ADRs/back-end/naming.md' }]),
    ];
    const found = fileHistories(history(commits), ['contributing/ADRs/back-end/naming.md', 'contributing/ADRs/back-end/fresh.md']);
    const naming = found.get('contributing/ADRs/back-end/naming.md');
    assert.deepEqual([naming?.added, naming?.commits, naming?.previousPaths, naming?.edits[0]?.before], ['write', ['copy', 'edit-old', 'write'], ['website/docs/contributing/ADRs/back-end/naming.md'], 'website/docs/contributing/ADRs/back-end/naming.md']);
    assert.deepEqual([found.get('contributing/ADRs/back-end/fresh.md')?.added], ['copy']);
    // Two old copies of the same folder and name: nothing tells which one it was.
    const twice = fileHistories(history([commit('drop-both', [{ status: 'D', path: 'a/back-end/naming.md' }, { status: 'D', path: 'b/back-end/naming.md' }]), ...commits.slice(1)]), ['contributing/ADRs/back-end/naming.md']);
    assert.equal(twice.get('contributing/ADRs/back-end/naming.md')?.added, 'copy');
  });

  it('a record added once has no older history, whatever was deleted elsewhere', () => {
    const found = fileHistories(history([
      commit('add', [{ status: 'A', path: 'docs/adr/0003-z.md' }]),
      commit('drop', [{ status: 'D', path: 'docs/adr/0003-old.md' }]),
    ]), ['docs/adr/0003-z.md']).get('docs/adr/0003-z.md');
    assert.deepEqual([found?.added, found?.commits], ['add', ['add']]);
  });
});
