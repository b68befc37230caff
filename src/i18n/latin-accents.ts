/** Precomposed accented Latin letters (đ included) or a Latin letter with a combining mark: only such text needs folding. */
const MAYBE_ACCENTED = /[\u00C0-\u024F\u1E00-\u1EFF]|\p{Script=Latin}\p{M}/u;
/** Marks on Latin letters only: the same marks elsewhere change the word (ลืม ≠ ลม, バス ≠ パス, й ≠ и). */
const LATIN_MARKS = /(\p{Script=Latin})\p{M}+/gu;

/**
 * Removes accents from Latin letters and turns đ into d, so "thoi gian" meets "thời gian" and "japon" meets
 * "japón", while marks on Thai, Devanagari, Khmer, Japanese or Cyrillic letters stay. Search normalisation and
 * option matching both use it, so a word folds the same way wherever it is compared.
 */
export function foldLatinAccents(text: string): string {
  if (!MAYBE_ACCENTED.test(text)) return text;
  return text.normalize('NFD').replace(LATIN_MARKS, '$1').normalize('NFC').replaceAll('đ', 'd').replaceAll('Đ', 'D');
}
