import type { Locale } from './locales';

/**
 * Scripts used by exactly one of our locales. Devanagari (Hindi and Nepali), Arabic (Urdu only, here) and
 * Cyrillic (Mongolian, and Uzbek typed by older users) need more care, below.
 */
const UNIQUE_SCRIPTS: ReadonlyArray<[RegExp, Locale]> = [
  [/\p{Script=Thai}/u, 'th'],
  [/\p{Script=Lao}/u, 'lo'],
  [/\p{Script=Khmer}/u, 'km'],
  [/\p{Script=Myanmar}/u, 'my'],
  [/\p{Script=Sinhala}/u, 'si'],
  [/\p{Script=Tamil}/u, 'ta'],
  [/\p{Script=Bengali}/u, 'bn'],
  [/\p{Script=Arabic}/u, 'ur'],
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/u, 'ja'],
];

/** Words that only Nepali uses among common short Devanagari words; Hindi is the default otherwise. */
const NEPALI_MARKERS = /(छ|छन्|हो\b|गर्न|कति|मेरो|हुन्छ|भन्दा|लाई|को लागि|जापानमा|पर्छ)/u;
/** Letters Mongolian Cyrillic has and Uzbek Cyrillic does not, and the reverse. */
const MONGOLIAN_LETTERS = /[өүӨҮ]/u;
const UZBEK_LETTERS = /[ўқғҳЎҚҒҲ]/u;

/**
 * Guesses the locale from the writing system of a message, only where the script settles it. Latin-script text
 * returns undefined: Vietnamese without tone marks, Indonesian and English look alike, and a wrong guess is worse
 * than none.
 */
export function detectLocaleFromScript(text: string): Locale | undefined {
  const sample = text.slice(0, 500);
  for (const [pattern, locale] of UNIQUE_SCRIPTS) if (pattern.test(sample)) return locale;
  if (/\p{Script=Han}/u.test(sample)) return 'zh';
  if (/\p{Script=Devanagari}/u.test(sample)) return NEPALI_MARKERS.test(sample) ? 'ne' : 'hi';
  if (/\p{Script=Cyrillic}/u.test(sample)) {
    if (UZBEK_LETTERS.test(sample)) return 'uz';
    if (MONGOLIAN_LETTERS.test(sample)) return 'mn';
    return undefined;
  }
  if (/[ạảậầấẩẫăắằặẳẵđềếểễệồốổỗộơờớởỡợưừứửữựẹẻẽịỉĩọỏụủũỳỹỷỵ]/iu.test(sample)) return 'vi';
  if (/[ʻʼ]|\b(o‘|g‘)/u.test(sample)) return 'uz';
  return undefined;
}
