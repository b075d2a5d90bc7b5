// Record text is hostile: Markdown is parsed with raw HTML off, and what the
// parser makes is sanitized by DOMPurify before it reaches the page, as a
// fragment (never through innerHTML).
import type { DOMPurify } from 'dompurify';
import type MarkdownIt from 'markdown-it';

interface Renderer {
  parser: InstanceType<typeof MarkdownIt>;
  purify: DOMPurify;
}

// Made when the first record's text is shown, not while the map loads.
let renderer: Renderer | undefined;

/**
 * The CommonJS builds of markdown-it and DOMPurify, required on first use:
 * esbuild runs an imported module's top level (markdown-it's entity tables and
 * rules, DOMPurify's tag lists) when the bundle starts, before the map's first
 * frame, but a required CommonJS module's only when it is first required.
 */
function makeRenderer(): Renderer {
  /* eslint-disable @typescript-eslint/no-require-imports -- deferred on purpose, see above */
  const Parser = require('markdown-it') as typeof MarkdownIt;
  const purify = require('dompurify') as DOMPurify;
  /* eslint-enable @typescript-eslint/no-require-imports */
  return { parser: new Parser({ html: false, linkify: false, typographer: false }), purify };
}

const ALLOWED_TAGS = ['p', 'em', 'strong', 'code', 'pre', 'ul', 'ol', 'li', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'a', 'br', 'hr', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 's', 'del'];

export function renderMarkdown(source: string): DocumentFragment {
  renderer ??= makeRenderer();
  const fragment = renderer.purify.sanitize(renderer.parser.render(source), {
    ALLOWED_TAGS,
    ALLOWED_ATTR: ['href', 'title'],
    ALLOWED_URI_REGEXP: /^(?:https?:|#)/i,
    RETURN_DOM_FRAGMENT: true,
  });
  // Links leave nothing behind: no opener, no referrer; the webview blocks navigation anyway.
  for (const link of fragment.querySelectorAll('a')) link.setAttribute('rel', 'noopener noreferrer nofollow');
  return fragment;
}
