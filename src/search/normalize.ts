import { Converter } from 'opencc-js/t2cn';
import { foldLatinAccents } from '../i18n/latin-accents';
import type { Locale } from '../i18n/locales';
import { uzbekToLatin } from './transliteration';

/** Apostrophe look-alikes people type, including the Uzbek okina (ʻ) in oʻ and gʻ; all become `'`. */
const APOSTROPHES = /[\u2018\u2019\u201B\u02B9\u02BB\u02BC\u02BD\u0060\u2032]/gu;
const HAN = /\p{Script=Han}/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const SPACE_RUNS = /\s+/gu;
/** Words in spaced scripts: letters, digits, combining marks (Indic vowel signs) and apostrophes. */
const WORD = /[\p{L}\p{N}\p{M}']+/gu;

/** Locales written without spaces, where the ICU dictionary segmenter finds the words. */
const SEGMENTED_LOCALES: ReadonlySet<Locale> = new Set<Locale>(['th', 'lo', 'km', 'my', 'ja', 'zh']);

let traditionalToSimplified: ((text: string) => string) | undefined;
const segmenters = new Map<Locale, Intl.Segmenter>();

function toSimplified(text: string): string {
  if (!HAN.test(text)) return text;
  const convert = (traditionalToSimplified ??= Converter({ from: 'tw', to: 'cn' }));
  return convert(text);
}

/**
 * Brings text into the one form that both entries (once, at index time) and queries (on every search) are compared
 * in, so that what users type and what editors wrote meet:
 * - NFKC (full-width → half-width, compatibility forms) and case folding;
 * - Chinese Traditional → Simplified (`zh`), Uzbek Cyrillic → Latin (`uz`): users type either;
 * - apostrophe variants → `'` (Uzbek oʻ/gʻ are typed with ʻ ’ ‘ ` or ');
 * - accents stripped from Latin letters only, so "thoi gian thuc tap" finds "thời gian thực tập", while Thai,
 *   Devanagari, Japanese or Cyrillic marks, which change the word (ลืม ≠ ลม, バス ≠ パス), are kept.
 */
export function normalize(text: string, locale: Locale): string {
  let out = text.normalize('NFKC').toLowerCase();
  const rules = normalizationClass(locale);
  if (rules === 'zh') out = toSimplified(out);
  if (rules === 'uz' && CYRILLIC.test(out)) out = uzbekToLatin(out);
  return foldLatinAccents(out.replace(APOSTROPHES, "'")).replace(SPACE_RUNS, ' ').trim();
}

/**
 * Which rules {@link normalize} applies for a locale: only Chinese and Uzbek have their own, so a message searched
 * in every locale is normalised three times at most, not once per locale.
 */
export function normalizationClass(locale: Locale): 'zh' | 'uz' | 'common' {
  return locale === 'zh' || locale === 'uz' ? locale : 'common';
}

/**
 * Splits (normalised) text into words. Thai, Lao, Khmer, Burmese, Japanese and Chinese have no spaces, so ICU's
 * dictionary segmenter finds the words there (one segmenter per locale, reused: creating one costs more than
 * segmenting a sentence); other scripts split on anything that is not a letter, digit or mark. Used where whole
 * words matter (fuzzy reranking); matching itself uses character n-grams, which do not depend on where a
 * segmenter cuts.
 */
export function segment(text: string, locale: Locale): string[] {
  if (!SEGMENTED_LOCALES.has(locale)) return text.match(WORD) ?? [];
  let segmenter = segmenters.get(locale);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(locale, { granularity: 'word' });
    segmenters.set(locale, segmenter);
  }
  const words: string[] = [];
  for (const s of segmenter.segment(text)) if (s.isWordLike) words.push(s.segment);
  return words;
}
