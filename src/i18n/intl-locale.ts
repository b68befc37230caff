import type { Locale } from './locales';

/**
 * The locale tag handed to `Intl` for dates: English as the fact sheet writes it ("1 April 2027"), Spanish as in
 * Peru, Chinese in Simplified script, Uzbek in Latin script.
 */
const INTL_TAGS: Partial<Record<Locale, string>> = {
  en: 'en-GB',
  es: 'es-PE',
  zh: 'zh-Hans-CN',
  uz: 'uz-Latn',
  ur: 'ur-PK',
  bn: 'bn-BD',
  ta: 'ta-LK',
  fil: 'fil-PH',
};

export function intlLocale(locale: Locale): string {
  return INTL_TAGS[locale] ?? locale;
}
