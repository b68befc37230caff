import { dateFormatter } from '../i18n/intl-locale';
import type { Locale } from '../i18n/locales';

/** A calendar month. Timelines work in whole months so the 31st never rolls into the wrong month. */
export interface YearMonth {
  readonly year: number;
  readonly month: number;
}

/** Adds months without touching days, so 31 January + 1 month is February, not March. */
export function addMonths(ym: YearMonth, months: number): YearMonth {
  const index = ym.year * 12 + (ym.month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** Negative when a is before b. */
export function compareMonths(a: YearMonth, b: YearMonth): number {
  return a.year * 12 + a.month - (b.year * 12 + b.month);
}

/** "2027-05". */
export function formatYearMonth(ym: YearMonth): string {
  return `${ym.year}-${String(ym.month).padStart(2, '0')}`;
}

/** The month of an instant, in UTC (the bot does not know the user's time zone). */
export function monthOf(date: Date): YearMonth {
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1 };
}

/** Parses "2027-05" (as stored in dialog state); undefined when malformed. */
export function parseIsoMonth(value: string): YearMonth | undefined {
  const m = /^(\d{4})-(\d{1,2})$/.exec(value.trim());
  if (!m) return undefined;
  const month = Number(m[2]);
  return month >= 1 && month <= 12 ? { year: Number(m[1]), month } : undefined;
}

/** The month's name and year in the user's locale ("May 2027", "tháng 5 năm 2027"). Formatters are reused. */
export function monthLabel(ym: YearMonth, locale: Locale): string {
  return dateFormatter(locale, 'month').format(new Date(Date.UTC(ym.year, ym.month - 1, 1)));
}
