/**
 * Character classes (regex source, for use inside `[...]` with the `u` flag) for the scripts written without
 * spaces between words. Matching has to treat them differently from spaced scripts: there are no word boundaries
 * to rely on, so synonyms match as substrings and text is cut into character n-grams.
 */

/** Chinese characters and Japanese kana: one or two characters already make a word, so pairs are the unit. */
export const HAN_KANA = String.raw`\p{Script=Han}\p{Script_Extensions=Hiragana}\p{Script_Extensions=Katakana}`;

/** Thai, Lao, Khmer and Burmese: alphabetic, so a word spans more characters and triples are the unit. */
export const SOUTHEAST_ASIAN = String.raw`\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}`;

/** Every script written without spaces between words. */
export const UNSPACED = HAN_KANA + SOUTHEAST_ASIAN;
