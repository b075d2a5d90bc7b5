// Words matched whole in any script. `\b` knows ASCII's word characters only, so a word that
// ends in an accented letter (`proposé`, `comitê`) has no boundary there, and one that starts
// with one (`équipe`) none before it.

/** What `\w` means, in any script: a letter or a digit of any script, or `_`. */
export const WORD_CHAR = '[\\p{L}\\p{N}_]';

/** A regular expression for `alternatives` (a regex alternation) standing as whole words; always a Unicode one. */
export function wholeWords(alternatives: string, flags = ''): RegExp {
  return new RegExp(`(?<!${WORD_CHAR})(?:${alternatives})(?!${WORD_CHAR})`, flags.includes('u') ? flags : `${flags}u`);
}
