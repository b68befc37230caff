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

/** The two date styles replies use: a full date ("1 April 2027") and a month ("April 2027"). */
const DATE_STYLES = {
  date: { dateStyle: 'long', timeZone: 'UTC' },
  month: { year: 'numeric', month: 'long', timeZone: 'UTC' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * A date formatter for a locale and style, built once and reused: constructing `Intl.DateTimeFormat` costs more than
 * a whole search, and every answer formats a date.
 */
export function dateFormatter(locale: Locale, style: keyof typeof DATE_STYLES): Intl.DateTimeFormat {
  const key = `${locale}:${style}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale(locale), DATE_STYLES[style]);
    formatters.set(key, format);
  }
  return format;
}
