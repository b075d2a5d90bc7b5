// The one `git cat-file --batch` of an analysis, shared by its readers of file
// contents: each caller is answered in its own order, a name git cannot give is
// null in its turn, and the process is started once.
import assert from 'node:assert/strict';
import path from 'node:path';
import { BlobReader, type BlobContent, type BlobRequest } from '../../src/core/git';
import { createRepo, fixtureGitEnv } from '../fixtures/git';
import { recordingGit } from '../fixtures/recording-git';
import { suiteTempDir } from '../support/temp-dir';

const AUTHOR = { name: 'Ada Reader', email: 'ada@example.com' };

describe('git: one cat-file for every reader of an analysis', function () {
  const tmp = suiteTempDir('blob-reader');

  it('answers callers that ask at once, each in its own order, from one process', async () => {
    const repo = await createRepo(path.join(tmp(), 'repo'));
    const first = await repo.commit({ author: AUTHOR, date: '2026-01-05T10:00:00Z', message: 'One', files: { 'a.txt': 'a1\n', 'b.txt': 'b1\n' } });
    const second = await repo.commit({ author: AUTHOR, date: '2026-01-06T10:00:00Z', message: 'Two', files: { 'a.txt': 'a2\n' } });
    const git = await recordingGit(tmp());
    const reader = new BlobReader(repo.root, { gitPath: git.gitPath, env: fixtureGitEnv() });

    const seen = (requests: BlobRequest[]): { texts: Array<string | null>; done: Promise<void> } => {
      const texts: Array<string | null> = [];
      const done = reader.stream(requests, (index, blob: BlobContent) => {
        assert.equal(index, texts.length, 'answers come in the order asked');
        texts.push(blob.text);
      });
      return { texts, done };
    };
    const structure = seen([
      { revision: first, path: 'a.txt' }, { revision: second, path: 'a.txt' }, { revision: second, path: 'gone.txt' }, { revision: second, path: 'b.txt' },
    ]);
    const records = seen([{ revision: second, path: 'odd\nname.txt' }, { revision: `${second}^1`, path: 'b.txt' }]);
    const read = reader.read([{ revision: second, path: 'a.txt' }, { revision: second, path: 'a.txt' }]);
    await Promise.all([structure.done, records.done]);
    assert.deepEqual(structure.texts, ['a1\n', 'a2\n', null, 'b1\n']);
    assert.deepEqual(records.texts, [null, 'b1\n'], 'a name with a newline cannot be asked: null in its turn');
    assert.deepEqual([...(await read)], [[`${second}:a.txt`, 'a2\n']]);
    await reader.close();
    assert.equal(git.commands().filter((line) => / cat-file /.test(` ${line} `)).length, 1);
  });

  it('starts no process when nothing can be asked, and fails every waiting caller when git fails', async () => {
    const git = await recordingGit(tmp());
    const notARepository = new BlobReader(tmp(), { gitPath: git.gitPath, env: fixtureGitEnv({ GIT_CEILING_DIRECTORIES: path.dirname(tmp()) }) });
    const answers: Array<string | null> = [];
    await notARepository.stream([{ revision: 'HEAD', path: 'a\nb' }], (_index, blob) => answers.push(blob.text));
    assert.deepEqual(answers, [null]);
    assert.equal(git.commands().length, 0);
    const settled = await Promise.allSettled([
      notARepository.stream([{ revision: 'HEAD', path: 'a.txt' }], () => undefined),
      notARepository.read([{ revision: 'HEAD', path: 'b.txt' }]),
    ]);
    assert.deepEqual(settled.map((s) => s.status), ['rejected', 'rejected']);
    await notARepository.close();
  });
});
