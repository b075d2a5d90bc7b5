// The one Markdown escaper (the CLI's --md and the extension's tooltips): repository
// text renders as the same text, never as markup, read back through a real renderer.
import assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { formatMarkdown, markdownText } from '../../../src/present/markdown';
import { anOwnedReport } from '../../support/builders';

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

  it('puts control characters and line breaks on one line', () => {
    assert.equal(markdownText('one\n\n# two\r\n\x1b[31mthree\u2028four'), 'one # two [31mthree four'.replace('[', '\\['));
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
