import { SUPPORTED_LOCALES, type Locale } from './locales';
import { COUNTRIES } from '../knowledge/schema';

export type CountryCode = (typeof COUNTRIES)[number];
/** "Other" in the country question: every language is offered. */
export const OTHER_COUNTRY = 'other';

/**
 * The languages offered to people from each origin country, most used first, English last where people use it.
 * Peru is Spanish only; Sri Lanka offers both Sinhala and Tamil.
 */
export const COUNTRY_LANGUAGES: Readonly<Record<CountryCode, readonly Locale[]>> = {
  bd: ['bn', 'en'],
  kh: ['km', 'en'],
  cn: ['zh', 'en'],
  in: ['hi', 'ta', 'bn', 'en'],
  id: ['id', 'en'],
  la: ['lo', 'en'],
  pk: ['ur', 'en'],
  pe: ['es'],
  ph: ['fil', 'en'],
  mm: ['my', 'en'],
  mn: ['mn', 'en'],
  np: ['ne', 'en'],
  lk: ['si', 'ta', 'en'],
  th: ['th', 'en'],
  uz: ['uz', 'en'],
  vn: ['vi', 'en'],
};

/** Languages to offer after the country question. */
export function languagesFor(country: string | undefined): readonly Locale[] {
  return country && country in COUNTRY_LANGUAGES ? COUNTRY_LANGUAGES[country as CountryCode] : SUPPORTED_LOCALES;
}

/**
 * English names users type to switch language ("vietnamese", "thai"). "japanese" is left out on purpose: it is the
 * command for Japanese training; 日本語 switches to Japanese.
 */
export const ENGLISH_LANGUAGE_NAMES: Readonly<Record<string, Locale>> = {
  english: 'en', chinese: 'zh', mandarin: 'zh', vietnamese: 'vi', indonesian: 'id', 'bahasa': 'id', filipino: 'fil',
  tagalog: 'fil', thai: 'th', khmer: 'km', cambodian: 'km', lao: 'lo', laotian: 'lo', burmese: 'my', myanmar: 'my',
  nepali: 'ne', hindi: 'hi', bengali: 'bn', bangla: 'bn', sinhala: 'si', sinhalese: 'si', tamil: 'ta', urdu: 'ur',
  mongolian: 'mn', uzbek: 'uz', spanish: 'es', espanol: 'es',
};
