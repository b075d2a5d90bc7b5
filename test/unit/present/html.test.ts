// The standalone report's page is ASCII (Chromium parses a page with any
// character past one byte as two-byte text, 90-120 ms more of the first frame at
// 10,000 decisions): everything else is written as its context's escape and reads
// back as the same text.
import assert from 'node:assert/strict';
import { runInNewContext } from 'node:vm';
import { syntheticReport } from '../../../bench/synthetic-report';
import { renderHtmlReport } from '../../../src/present/html';
import { escapeHtml } from '../../../src/present/map-page';
import { readEmbeddedReport } from '../../../src/protocol/decode-report';

const NAME = 'Zoë 李 \ud83d\ude00';
const SCRIPT = 'result = { text: "Waiting…", matches: /a…b/.test("a…b"), unit: /^.$/u.test("\ud83d\ude00"), raw: "李" };';
const STYLE = '.status::after { content: "…"; }';

function page(): string {
  const report = syntheticReport(20, 5);
  const first = report.people[0];
  assert.ok(first);
  first.name = NAME;
  return renderHtmlReport({ ...report, repository: { ...report.repository, root: `/work/${NAME}` } }, { script: SCRIPT, style: STYLE });
}

function between(text: string, open: RegExp, close: string): string {
  const start = open.exec(text);
  assert.ok(start, `no ${open.source}`);
  const from = start.index + start[0].length;
  return text.slice(from, text.indexOf(close, from));
}

describe('standalone page: ASCII only', () => {
  it('holds no character past ASCII, even for names, the script and the style that have them', () => {
    const html = page();
    const outside = [...html].filter((character) => character.charCodeAt(0) > 0x7f);
    assert.deepEqual(outside, []);
  });

  it('reads back as the same report, script and style', () => {
    const html = page();
    const report = readEmbeddedReport(between(html, /<script type="application\/json" id="report-data">/, '</script>'));
    assert.equal(report?.people[0]?.name, NAME);
    const context: { result?: unknown } = {};
    runInNewContext(between(html, /<script nonce="[^"]+">/, '</script>'), context);
    assert.deepEqual(JSON.parse(JSON.stringify(context.result)), { text: 'Waiting…', matches: true, unit: true, raw: '李' });
    assert.equal(between(html, /<style nonce="[^"]+">/, '</style>'), '.status::after { content: "\\2026 "; }');
    assert.ok(html.includes(`<h1 id="repository-name">Zo&#235; &#26446; &#128512;</h1>`));
  });

  it('escapes markup characters and every code point past ASCII as character references', () => {
    assert.equal(escapeHtml('<a href="x">Zoë & \ud83d\ude00\'s</a>'), '&#60;a href=&#34;x&#34;&#62;Zo&#235; &#38; &#128512;&#39;s&#60;/a&#62;');
  });
});
