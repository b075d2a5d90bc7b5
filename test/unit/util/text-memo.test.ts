import assert from 'node:assert/strict';
import { memoizedText } from '../../../src/core/util/text-memo';

describe('memoizedText', () => {
  it('reads each text once, null answers included, and answers again from memory', () => {
    const read: string[] = [];
    const clue = memoizedText((text) => {
      read.push(text);
      return text.includes('.') ? text.split('.').join(' ') : null;
    });
    assert.equal(clue('ana.silva'), 'ana silva');
    assert.equal(clue('ana'), null);
    assert.equal(clue('ana.silva'), 'ana silva');
    assert.equal(clue('ana'), null);
    assert.deepEqual(read, ['ana.silva', 'ana']);
  });

  it('stays bounded and still answers right once it has let its memory go', () => {
    let reads = 0;
    const upper = memoizedText((text) => {
      reads += 1;
      return text.toUpperCase();
    });
    for (let i = 0; i < 50_001; i += 1) upper(`name${i}`);
    assert.equal(reads, 50_001);
    assert.equal(upper('name0'), 'NAME0', 'the first text, forgotten when the memory was full, is read again');
    assert.equal(reads, 50_002);
    assert.equal(upper('name50000'), 'NAME50000');
    assert.equal(reads, 50_002, 'the newest text is still kept');
  });
});
