// The one Markdown escaper (the CLI's --md and the extension's tooltips): repository
// text renders as the same text, never as markup, read back through a real renderer.
import assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { formatMarkdown, forgeText, MARKDOWN_MAX_CHARS, markdownText } from '../../../src/present/markdown';
import { aDecision, anOwnedReport, aPerson, aReport } from '../../support/builders';

const md = new MarkdownIt({ html: true, linkify: false });

/** What a reader sees of `text` placed inside a line, as a renderer gives it. */
function rendered(text: string): string {
  return md.renderInline(`Owners: ${markdownText(text)}`);
}

describe('markdownText', () => {
  it('keeps links, images, HTML, emphasis, code and entities as text', () => {
    const hostile = '<img src=x onerror=alert(1)> [click](javascript:alert(2)) ![i](x.png) *bold* _it_ `code` ~~gone~~ &lt;b&gt; a\\b';
    const html = rendered(hostile);
    assert.doesNotMatch(html, /<(img|a|em|strong|code|s)\b/, html);
    assert.equal(html, `Owners: ${md.utils.escapeHtml(hostile)}`);
  });

  it('cannot end a table cell or start a codicon', () => {
    const table = new MarkdownIt().render(`| a | b |\n|---|---|\n| ${markdownText('x | y')} | z |\n`);
    assert.equal((table.match(/<td>/g) ?? []).length, 2, table);
    // VS Code draws `$(name)` as an icon unless written `\$(name)`; Markdown shows `\$` as `$`.
    assert.equal(markdownText('$(alert) boom'), '\\$(alert) boom');
    assert.equal(rendered('$(alert) boom'), 'Owners: $(alert) boom');
  });

  it('stops the bare links a GFM renderer finds while parsing (VS Code\'s hovers): scheme://, www. and e-mail addresses; the text reads the same', () => {
    const links = 'see https://evil.example/x, FTP://files.example, (www.evil.example) or mail dana@acme.io';
    const escaped = markdownText(links);
    assert.doesNotMatch(escaped, /(?<!\\):\/\/|(?<!\\)www\.|(?<!\\)@/i, 'GFM autolinks start at an unescaped "://", "www." or "@"');
    assert.equal(rendered(links), `Owners: ${md.utils.escapeHtml(links)}`);
  });

  it('puts control characters and line breaks on one line', () => {
    assert.equal(markdownText('one\n\n# two\r\n\x1b[31mthree\u2028four'), 'one # two [31mthree four'.replace('[', '\\['));
  });
});

// What GitHub links in a comment's text after Markdown is parsed (html-pipeline's
// mention and issue-reference filters, cmark-gfm's e-mail autolinks): a backslash
// escape is gone by then, so it cannot stop them.
const AFTER_PARSING: Record<string, RegExp> = {
  mention: /(?:^|\W)@[a-z0-9][a-z0-9-]*(?!\/)(?=\.+[ \t\W]|\.+$|[^0-9a-zA-Z_.]|$)/i,
  reference: /(?:^|\W)(?:gh-|#|!)\d+\b/i,
  'cross-repository reference': /[\w-]+\/[.\w-]+[#@][0-9a-f]+\b/i,
  'e-mail address': /[a-z0-9.+_-]@[a-z0-9-]+\.[a-z]/i,
};

/** The patterns that match in the text a reader sees of `escaped`. */
function linkedAfterParsing(escaped: string): string[] {
  const text = md.renderInline(escaped);
  return Object.entries(AFTER_PARSING).filter(([, pattern]) => pattern.test(text)).map(([name]) => name);
}

describe('forgeText: repository text that pings nobody and links nothing on a forge', () => {
  const HOSTILE = 'Ping @dchen and @acme/leads, cc dana@acme.io: fixes #12, GH-7 and acme/api#3, see !4 and acme/api@1a2b3c4';

  it('breaks mentions, references and e-mail addresses with a zero-width space; the text reads the same', () => {
    assert.deepEqual(linkedAfterParsing(markdownText(HOSTILE)), ['mention', 'reference', 'cross-repository reference', 'e-mail address'], 'the patterns find what GitHub would link');
    assert.deepEqual(linkedAfterParsing(forgeText(HOSTILE)), []);
    assert.equal(md.renderInline(forgeText(HOSTILE)).replace(/\u200b/g, ''), md.utils.escapeHtml(HOSTILE));
  });

  it('escapes what starts a bare link while parsing (scheme://, www.), unseen by a reader', () => {
    const urls = 'see https://evil.example/x, FTP://files.example and (www.evil.example)';
    const escaped = forgeText(urls);
    assert.doesNotMatch(escaped, /(?<!\\):\/\/|www\./i, 'GFM autolinks start at an unescaped "://" or "www."');
    assert.equal(md.renderInline(escaped), md.utils.escapeHtml(urls));
  });

  it('leaves text without those patterns as markdownText gives it', () => {
    for (const text of ['C# and F#', 'a@ b', 'issue #', 'Release 4.0.0!', 'mail: x']) assert.equal(forgeText(text), markdownText(text), text);
  });
});

describe('--md on a forge', () => {
  it('neutralises titles and names around its own PR links, which stay links', () => {
    const url = 'https://github.com/acme/app/pull/7';
    const report = anOwnedReport({
      people: [aPerson({ id: 'dana', name: '@dchen', isLeader: true }), aPerson({ id: 'carol', name: 'Carol <carol@acme.io>' })],
      decisions: [aDecision({
        id: 'adr:x', title: 'Adopt @acme/ui (#42), see https://ui.example', decisionMakers: ['carol'], involvement: 'consulted',
        evidence: [{ person: 'dana', role: 'reviewer', source: 'forge-review', ref: url, inferred: false, level: 'consulted', action: 'approved' }],
      })],
    });
    const text = formatMarkdown(report);
    assert.ok(text.includes(`\\@\u200bdchen [approved in #7](${url})`), text);
    assert.ok(text.includes('Adopt \\@\u200bacme/ui (#\u200b42), see https\\://ui.example'), text);
    assert.deepEqual(text.split('\n').filter((line) => linkedAfterParsing(line.replace(/\[approved in #7\]\([^)]*\)/, '')).length > 0), []);
  });
});

describe('--md owners', () => {
  it('tables who decided most in the window with their distance from leadership', () => {
    const text = formatMarkdown(anOwnedReport());
    const table = text.slice(text.indexOf('## Owners'), text.indexOf('## Decisions'));
    assert.match(table, /\| owner \| decisions \| distance from leadership \|\n\|---\|---\|---\|\n\| Carol Diaz \| 2 \| 67 % \|\n\| Dana Chen \| 1 \| 0 % \|\n\n$/);
    assert.match(formatMarkdown(anOwnedReport({ leadership: [] })), /\| Carol Diaz \| 2 \| — \|/);
  });
});

describe('--md fits a PR comment whatever the repository', () => {
  /** `count` decisions a day apart, newest last, each decided by one of 300 people, titles as long and hostile as `title` makes them. */
  function bigReport(count: number, title: (i: number) => string): ReturnType<typeof aReport> {
    const people = Array.from({ length: 300 }, (_, i) => aPerson({ id: `p${i}`, name: `Person ${i} ${'|*_@#'.repeat(40)}` }));
    const day = (i: number): string => new Date(Date.UTC(2026, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    return aReport({
      people: [aPerson({ id: 'dana', name: 'Dana Chen', isLeader: true }), ...people],
      decisions: Array.from({ length: count }, (_, i) => aDecision({ id: `d${i}`, title: title(i), date: day(i), area: `area-${i % 40} ${'~'.repeat(300)}`, decisionMakers: [`p${i % 300}`] })),
      warnings: Array.from({ length: 500 }, (_, i) => ({ code: 'w', message: `warning ${i}: ${'<b>'.repeat(100)}`, path: null })),
    });
  }

  it('keeps thousands of decisions with long hostile titles under the limit, newest first, and says how many more and where', () => {
    const report = bigReport(5000, (i) => `decision ${i} ${'[x](y) @team #1 '.repeat(200)}`);
    const text = formatMarkdown(report);
    assert.ok(text.length <= MARKDOWN_MAX_CHARS, `${text.length} characters`);
    const decisions = text.slice(text.indexOf('## Decisions'), text.indexOf('## Warnings'));
    const rows = decisions.split('\n').filter((line) => /^\| \d{4}-/.test(line));
    assert.ok(rows.length > 0 && rows.length <= 50, `${rows.length} rows`);
    assert.match(rows[0] ?? '', /decision 4999 /, 'the newest first');
    assert.match(decisions, new RegExp(`… and ${5000 - rows.length} older decisions: the full list is in \`--json\` and the HTML report`));
    assert.match(text, /… and \d+ more warnings/);
    const routed = text.slice(text.indexOf('## Routed around'), text.indexOf('## Owners'));
    assert.match(routed, /… and \d+ more in the window, newest first/);
    assert.match(text.slice(text.indexOf('## Owners'), text.indexOf('## Decisions')), /… and \d+ more\./);
  });

  it('cuts one title that would fill a comment, and stays a readable table', () => {
    const text = formatMarkdown(bigReport(3, (i) => (i === 1 ? 'x'.repeat(70_000) : `decision ${i}`)));
    assert.ok(text.length < 20_000, `${text.length} characters`);
    assert.match(text, /\| x{199}… \|/);
    const table = new MarkdownIt().render(text.slice(text.indexOf('| date |'), text.indexOf('## Warnings')));
    assert.equal((table.match(/<tr>/g) ?? []).length, 4, 'a head and three rows');
  });

  it('shows every row of a small report and no "more" line', () => {
    const text = formatMarkdown(anOwnedReport());
    assert.doesNotMatch(text, /… and \d+/);
    assert.deepEqual(text.split('\n').filter((line) => /^\| \d{4}-/.test(line)).map((line) => line.split(' | ')[1]), ['a', 'b', 'c', 'old']);
  });
});
