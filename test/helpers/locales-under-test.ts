import type { Locale } from '../../src/i18n/locales';

/** Dialog scripts run in English, one non-Latin script and the right-to-left locale. */
export const DIALOG_LOCALES: readonly Locale[] = ['en', 'th', 'ur'];
