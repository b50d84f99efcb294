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

/** A UTF-16 surrogate without its pair: JSON can carry one (`"\ud800"`), no person can type one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text with each lone surrogate replaced by U+FFFD, as a UTF-8 decoder would; percent-encoding one throws. */
export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD');
}
