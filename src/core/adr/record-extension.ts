// The file names a record may have: Markdown, and reStructuredText (restructured-text.ts).
export const RECORD_EXTENSION = 'md|markdown|rst';

/** A file that may be a record, by its name. */
export const RECORD_FILE = new RegExp(`\\.(?:${RECORD_EXTENSION})$`, 'i');
