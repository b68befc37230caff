import { describe, expect, it } from 'vitest';
import { parseMonth } from '../../src/timeline/parse-month';
import type { Locale } from '../../src/i18n/locales';

const today = { year: 2026, month: 11 };

describe('parseMonth', () => {
  it.each([
    ['2027-05', 'en', '2027-5'],
    ['2027/5', 'en', '2027-5'],
    ['5/2027', 'en', '2027-5'],
    ['05.2027', 'en', '2027-5'],
    ['May 2027', 'en', '2027-5'],
    ['may 2027', 'vi', '2027-5'],
    ['sept 2027', 'en', '2027-9'],
    ['march', 'en', '2027-3'],
    ['december', 'en', '2026-12'],
    ['tháng 5 2027', 'vi', '2027-5'],
    ['thang 5 nam 2027', 'vi', '2027-5'],
    ['พฤษภาคม 2027', 'th', '2027-5'],
    ['พฤษภาคม 2570', 'th', '2027-5'],
    ['มกราคม 2571', 'th', '2028-1'],
    ['2027年5月', 'ja', '2027-5'],
    ['2027年5月', 'zh', '2027-5'],
    ['mayo 2027', 'es', '2027-5'],
    ['Mei 2027', 'id', '2027-5'],
  ] as const)('%s (%s) → %s', (text, locale, expected) => {
    const month = parseMonth(text, locale as Locale, today);
    expect(month && `${month.year}-${month.month}`).toBe(expected);
  });

  it.each(['hello', '2027-13', '', 'next year maybe'])('finds no month in %s', (text) => {
    expect(parseMonth(text, 'en', today)).toBeUndefined();
  });
});
