/** Every locale the bot speaks. English is first because it is the source and the last fallback. */
export const SUPPORTED_LOCALES = [
  'en', 'ja', 'zh', 'vi', 'id', 'fil', 'th', 'km', 'lo', 'my', 'ne', 'hi', 'bn', 'si', 'ta', 'ur', 'mn', 'uz', 'es',
] as const;

export type Locale = (typeof SUPPORTED_LOCALES)[number];

/** The source locale: knowledge and UI strings are written in English first. */
export const SOURCE_LOCALE: Locale = 'en';

const LOCALE_SET: ReadonlySet<string> = new Set(SUPPORTED_LOCALES);

/** Narrows a string to a supported locale code without throwing, so untrusted input can be checked cheaply. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && LOCALE_SET.has(value);
}

/**
 * Each language's name in its own script. Language names are shown to people who may not read English,
 * so they never go through translation.
 */
export const ENDONYMS: Readonly<Record<Locale, string>> = {
  en: 'English',
  ja: '日本語',
  zh: '简体中文',
  vi: 'Tiếng Việt',
  id: 'Bahasa Indonesia',
  fil: 'Filipino',
  th: 'ไทย',
  km: 'ភាសាខ្មែរ',
  lo: 'ລາວ',
  my: 'မြန်မာ',
  ne: 'नेपाली',
  hi: 'हिन्दी',
  bn: 'বাংলা',
  si: 'සිංහල',
  ta: 'தமிழ்',
  ur: 'اردو',
  mn: 'Монгол',
  uz: 'Oʻzbekcha',
  es: 'Español',
};

const RTL: ReadonlySet<Locale> = new Set<Locale>(['ur']);

/** Whether text in this locale runs right to left (only Urdu among ours). */
export function isRtl(locale: Locale): boolean {
  return RTL.has(locale);
}
