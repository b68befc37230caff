import { SOURCE_LOCALE, isLocale, type Locale } from './locales';
import { detectLocaleFromScript } from './detect-script';

/** Region- or script-qualified tags that do not reduce to their primary subtag in our set. */
const ALIASES: Readonly<Record<string, Locale>> = {
  tl: 'fil',
  in: 'id',
  nb: 'en',
  'zh-hant': 'zh',
  'zh-hans': 'zh',
  'uz-cyrl': 'uz',
  'uz-latn': 'uz',
};

/**
 * Maps a BCP 47 tag from a channel ("vi-VN", "fil-PH", "zh-Hant-TW", "ur_PK") to one of our locales, or undefined.
 * Never throws: channels send all sorts of strings.
 */
export function localeFromTag(tag: unknown): Locale | undefined {
  if (typeof tag !== 'string' || tag.length === 0 || tag.length > 35) return undefined;
  const lower = tag.trim().toLowerCase().replace(/_/g, '-');
  if (!/^[a-z]{2,3}(-[a-z0-9]{1,8})*$/.test(lower)) return undefined;
  const parts = lower.split('-');
  const withScript = parts.length > 1 ? `${parts[0]}-${parts[1]}` : lower;
  const alias = ALIASES[withScript] ?? ALIASES[parts[0] ?? ''];
  if (alias) return alias;
  const primary = parts[0];
  return isLocale(primary) ? primary : undefined;
}

/** The signals one turn offers for choosing a locale, strongest first. */
export interface LocaleSignals {
  /** What the user chose and we saved. */
  readonly saved?: unknown;
  /** The channel's `activity.locale`. */
  readonly activityLocale?: unknown;
  /** The message text, whose script can settle the language. */
  readonly text?: unknown;
}

/** Which signal decided, for logs and tests. */
export type LocaleReason = 'saved' | 'channel' | 'script' | 'default';

/**
 * The one place that picks the locale for a turn: saved choice, then the channel's locale, then the message's
 * script where it settles the language, then English. Unknown or malformed values fall through silently.
 */
export function negotiateLocale(signals: LocaleSignals): { locale: Locale; reason: LocaleReason } {
  if (isLocale(signals.saved)) return { locale: signals.saved, reason: 'saved' };
  const channel = localeFromTag(signals.activityLocale);
  if (channel) return { locale: channel, reason: 'channel' };
  const detected = typeof signals.text === 'string' ? detectLocaleFromScript(signals.text) : undefined;
  if (detected) return { locale: detected, reason: 'script' };
  return { locale: SOURCE_LOCALE, reason: 'default' };
}
