/**
 * Words of a command's text, for look-ups by keyword: case, punctuation and arrows must not matter. Free text is
 * read by the language library (src/advisor/nlp.ts), not here.
 */

/** Lower-case words with punctuation removed; arrows read as "to", hyphens split words, apostrophes vanish. */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/→|->|=>/g, ' to ')
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}/*+]+/gu, ' ')
    .split(' ')
    .filter(Boolean);
}
