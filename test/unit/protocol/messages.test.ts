// The messages between the extension host and the map page: every schema in
// src/protocol/messages.ts takes what it should and refuses, without a throw, what is
// malformed, oversized or hostile (a page running injected script can post anything).
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { syntheticReport } from '../../../bench/synthetic-report';
import { encodeReport } from '../../../src/protocol/compact-report';
import { hostToWebviewSchema, MAX_ID_LENGTH, MAX_TEXT_LENGTH, parseMessage, webviewToHostSchema } from '../../../src/protocol/messages';

const SHA = 'a'.repeat(40);

/** What a message looks like after a trip through postMessage (structured clone of JSON-like data). */
const posted = (text: string): unknown => JSON.parse(text);

describe('protocol: webview → host', () => {
  it('takes each command as the page sends it', () => {
    const valid: unknown[] = [
      { type: 'ready' },
      { type: 'openDecision', id: 'adr:docs/adr/0001-x.md' },
      { type: 'showCommit', sha: SHA },
      { type: 'showCommit', sha: 'b'.repeat(64) },
      { type: 'setOwners', id: 'adr:docs/adr/0001-x.md' },
      { type: 'refresh' },
    ];
    for (const message of valid) assert.deepEqual(parseMessage(webviewToHostSchema, message), message);
  });

  it('refuses what is not a message at all', () => {
    for (const data of [undefined, null, 0, 42, 'ready', '{"type":"ready"}', [], [{ type: 'ready' }], true, Symbol.iterator, () => 'ready', new Date(0)]) {
      assert.equal(parseMessage(webviewToHostSchema, data), undefined, String(data));
    }
  });

  it('refuses unknown types and fields of the wrong kind', () => {
    const malformed: unknown[] = [
      {},
      { type: 'Ready' },
      { type: 'readyy' },
      { type: 'eval', code: 'alert(1)' },
      { type: 'openDecision' },
      { type: 'openDecision', id: 7 },
      { type: 'openDecision', id: '' },
      { type: 'openDecision', id: ['adr:a.md'] },
      { type: 'openDecision', id: { toString: 'adr:a.md' } },
      { type: 'setOwners', id: null },
      { type: 'showCommit' },
      { type: 'showCommit', sha: 42 },
    ];
    for (const message of malformed) assert.equal(parseMessage(webviewToHostSchema, message), undefined, JSON.stringify(message));
  });

  it('takes only a full lowercase hex sha: no revision syntax, option or path reaches git', () => {
    for (const sha of ['HEAD', 'HEAD~1', 'main', SHA.slice(0, 39), `${SHA}\n`, ` ${SHA}`, SHA.toUpperCase(), `--output=/tmp/x${SHA}`, `-${SHA}`, `${SHA}:README.md`, `${SHA}^{tree}`, 'a'.repeat(65), `${SHA}..HEAD`, '../../etc/passwd']) {
      assert.equal(parseMessage(webviewToHostSchema, { type: 'showCommit', sha }), undefined, sha);
    }
  });

  it('refuses oversized ids, and takes the longest allowed', () => {
    assert.equal(parseMessage(webviewToHostSchema, { type: 'openDecision', id: 'x'.repeat(MAX_ID_LENGTH + 1) }), undefined);
    assert.equal(parseMessage(webviewToHostSchema, { type: 'setOwners', id: 'x'.repeat(10 * 1024 * 1024) }), undefined);
    assert.ok(parseMessage(webviewToHostSchema, { type: 'openDecision', id: 'x'.repeat(MAX_ID_LENGTH) }));
  });

  it('keeps hostile text as inert data and drops every field it does not know', () => {
    const id = 'adr:<img src=x onerror=alert(1)>\u202e\u0000../../.ssh/id_rsa';
    assert.deepEqual(parseMessage(webviewToHostSchema, { type: 'openDecision', id, root: '/etc', command: 'workbench.action.terminal.new' }), { type: 'openDecision', id });
  });

  it('lets no message pollute prototypes', () => {
    const hostile = posted('{"type":"ready","__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}');
    const parsed = parseMessage(webviewToHostSchema, hostile);
    assert.deepEqual(parsed, { type: 'ready' });
    assert.equal(({} as { polluted?: string }).polluted, undefined);
    assert.equal(Object.getPrototypeOf(parsed), Object.prototype);
  });

  it('never throws, whatever arrives', () => {
    fc.assert(fc.property(fc.anything({ withObjectString: true, withNullPrototype: true, withMap: true, withSet: true, withTypedArray: true }), (data) => {
      const parsed = parseMessage(webviewToHostSchema, data);
      return parsed === undefined || ['ready', 'openDecision', 'showCommit', 'setOwners', 'refresh'].includes(parsed.type);
    }), { numRuns: 2000, seed: 10 });
    const getterBomb = { get type(): string { throw new Error('boom'); } };
    assert.equal(parseMessage(webviewToHostSchema, getterBomb), undefined);
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    assert.equal(parseMessage(webviewToHostSchema, revoked.proxy), undefined);
  });
});

describe('protocol: host → webview', () => {
  const compact = encodeReport(syntheticReport(40, 12));

  it('takes a report in its compact form, and the state messages', () => {
    assert.ok(parseMessage(hostToWebviewSchema, posted(JSON.stringify({ type: 'report', report: compact }))));
    assert.deepEqual(parseMessage(hostToWebviewSchema, { type: 'analysing', repositoryName: 'app' }), { type: 'analysing', repositoryName: 'app' });
    assert.deepEqual(parseMessage(hostToWebviewSchema, { type: 'error', message: 'git was not found' }), { type: 'error', message: 'git was not found' });
  });

  it('refuses a damaged report: wrong format, a stream of the wrong kind, a table of the wrong kind, a missing part', () => {
    const damaged: unknown[] = [
      { ...compact, format: 'decision-orbit/compact-0' },
      { ...compact, decisions: [0, 1, 2] },
      { ...compact, people: 7 },
      { ...compact, strings: { ...compact.strings, shared: [...compact.strings.shared, 7] } },
      { ...compact, numbers: { ...compact.numbers, once: [...compact.numbers.once, Number.NaN] } },
      { ...compact, report: { ...compact.report, schema: 'decision-orbit/v0' } },
      { ...compact, strings: undefined },
      { ...compact, numbers: [...compact.numbers.shared] },
    ];
    for (const report of damaged) assert.equal(parseMessage(hostToWebviewSchema, { type: 'report', report }), undefined);
    assert.equal(parseMessage(hostToWebviewSchema, { type: 'report' }), undefined);
  });

  it('refuses oversized texts and texts of the wrong kind', () => {
    assert.equal(parseMessage(hostToWebviewSchema, { type: 'error', message: 'x'.repeat(MAX_TEXT_LENGTH + 1) }), undefined);
    assert.equal(parseMessage(hostToWebviewSchema, { type: 'analysing', repositoryName: 'x'.repeat(MAX_TEXT_LENGTH + 1) }), undefined);
    assert.equal(parseMessage(hostToWebviewSchema, { type: 'error', message: { html: '<b>x</b>' } }), undefined);
    assert.equal(parseMessage(hostToWebviewSchema, { type: 'analysing' }), undefined);
  });

  it('never throws, whatever arrives', () => {
    fc.assert(fc.property(fc.anything(), (data) => {
      const parsed = parseMessage(hostToWebviewSchema, data);
      return parsed === undefined || ['report', 'analysing', 'error'].includes(parsed.type);
    }), { numRuns: 2000, seed: 11 });
  });
});
