// Records written in reStructuredText (Open edX's OEP-19 and Sphinx projects keep
// `docs/decisions/0001-x.rst`), read through the Markdown reader: headings become
// ATX headings, field-list lines (`:Status: Accepted`) plain `Name: value` lines and links
// Markdown links.
// Every line stays on its line, so what the reader says of a line is true of the file.

export const RESTRUCTURED_TEXT = /\.rst$/i;

/** Section adornment: one punctuation character repeated (RST allows any of these). */
const ADORNMENT = /^([=\-~^"'`#*+:._<>!$%&,;?@\\|/])\1{2,}\s*$/;
const FIELD = /^:([A-Za-z][\w .-]*):(?:\s+(.*))?$/;
/** `` `text <target>`_ `` (a hyperlink) and Sphinx's `` :doc:`text <target>` `` or `` :doc:`target` ``. */
const LINK = /`([^`<>]*?)\s*<([^<>`\s]+)>`__?|:doc:`(?:([^`<>]*?)\s*<([^<>`\s]+)>|([^`<>\s]+))`/g;

/** Links as Markdown links, so that "Superseded by" finds its target: every character but the markup stays. */
function markdownLinks(line: string): string {
  return line.replace(LINK, (_whole, text: string | undefined, target: string | undefined, docText: string | undefined, docTarget: string | undefined, bare: string | undefined) => {
    const to = target ?? docTarget ?? bare ?? '';
    return `[${(text ?? docText ?? bare ?? to).trim() || to}](${to})`;
  });
}

function isAdornment(line: string | undefined): boolean {
  return line !== undefined && ADORNMENT.test(line);
}

/** A title line: text at the margin, not itself an adornment. */
function isTitle(line: string | undefined): line is string {
  return line !== undefined && /^\S/.test(line) && !isAdornment(line);
}

export function restructuredTextAsMarkdown(text: string): string {
  const lines = text.split('\n');
  const out = [...lines];
  let headings = 0;
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index];
    const next = lines[index + 1];
    const overlined = isAdornment(line) && isTitle(next) && lines[index + 2]?.trimEnd() === line?.trimEnd();
    const underlined = !overlined && isTitle(line) && isAdornment(next) && (index === 0 || (lines[index - 1] ?? '').trim() === '');
    if (!overlined && !underlined) {
      const field = line === undefined ? null : FIELD.exec(line);
      if (field) out[index] = `${field[1] ?? ''}: ${field[2] ?? ''}`.trimEnd();
      out[index] = markdownLinks(out[index] ?? '');
      continue;
    }
    const titleAt = overlined ? index + 1 : index;
    const title = (lines[titleAt] ?? '').trim();
    // The first heading is the record's title; the rest are its sections.
    out[titleAt] = `${headings === 0 ? '#' : '##'} ${title}`;
    out[titleAt + 1] = '';
    if (overlined) out[index] = '';
    headings += 1;
    index = titleAt + 1;
  }
  return out.join('\n');
}
