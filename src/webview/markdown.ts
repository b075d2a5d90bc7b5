// Record text is hostile: Markdown is parsed with raw HTML off, and what the
// parser makes is sanitized by DOMPurify before it reaches the page, as a
// fragment (never through innerHTML).
import DOMPurify from 'dompurify';
import MarkdownIt from 'markdown-it';

// Made when the first record's text is shown, not while the map loads.
let parser: InstanceType<typeof MarkdownIt> | undefined;

const ALLOWED_TAGS = ['p', 'em', 'strong', 'code', 'pre', 'ul', 'ol', 'li', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'a', 'br', 'hr', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 's', 'del'];

export function renderMarkdown(source: string): DocumentFragment {
  parser ??= new MarkdownIt({ html: false, linkify: false, typographer: false });
  const fragment = DOMPurify.sanitize(parser.render(source), {
    ALLOWED_TAGS,
    ALLOWED_ATTR: ['href', 'title'],
    ALLOWED_URI_REGEXP: /^(?:https?:|#)/i,
    RETURN_DOM_FRAGMENT: true,
  });
  // Links leave nothing behind: no opener, no referrer; the webview blocks navigation anyway.
  for (const link of fragment.querySelectorAll('a')) link.setAttribute('rel', 'noopener noreferrer nofollow');
  return fragment;
}
