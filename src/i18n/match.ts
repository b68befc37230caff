/**
 * Folds short user input for comparing with option labels and command words: NFKC, lower case, Latin accents
 * removed (only on Latin letters, so Thai or Devanagari marks survive), punctuation and extra spaces dropped.
 */
export function foldForMatch(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFC')
    .replace(/đ/g, 'd')
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
