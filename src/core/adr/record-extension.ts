// The file names a record may have: Markdown, and reStructuredText (restructured-text.ts).
export const RECORD_EXTENSION = 'md|markdown|rst';
