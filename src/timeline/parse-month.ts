import { parseIsoMonth, type YearMonth } from './year-month';

const cache = new Map<string, Map<string, number>>();

function fold(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/,|\.(?!\d)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Month names (long, short, standalone) in a locale and in English, each mapped to its number. */
function monthNames(locale: string): Map<string, number> {
  const cached = cache.get(locale);
  if (cached) return cached;
  const names = new Map<string, number>();
  for (const loc of [locale, 'en']) {
    for (const month of ['long', 'short'] as const) {
      let format: Intl.DateTimeFormat;
      try {
        format = new Intl.DateTimeFormat(loc, { month, timeZone: 'UTC' });
      } catch {
        continue;
      }
      for (let m = 1; m <= 12; m += 1) {
        const name = fold(format.format(new Date(Date.UTC(2027, m - 1, 1))));
        if (name && !/^\d+$/.test(name) && !names.has(name)) names.set(name, m);
      }
    }
  }
  const sorted = new Map([...names].sort((a, b) => b[0].length - a[0].length));
  cache.set(locale, sorted);
  return sorted;
}

/** Spaced scripts need whole words ("may" is not in "maybe"); Thai, Lao or Khmer month names are matched inside text. */
function containsName(text: string, name: string): boolean {
  if (!/^[\p{Script=Latin}\p{Script=Cyrillic}\p{M}\s'’-]+$/u.test(name)) return text.includes(name);
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\p{L}])${escaped}($|[^\\p{L}])`, 'u').test(text);
}

/**
 * Reads a month the way users type it: "2027-05", "5/2027", "05.2027", "May 2027", "may 27", or the month's name
 * in their language ("tháng 5 2027", "พฤษภาคม 2027", "2027年5月"). Thai Buddhist-era years (2570) are read as
 * Western years (2027). Without a year, the next such month from
 * `today` is meant. Returns undefined when the text holds no month.
 */
export function parseMonth(text: string, locale: string, today: YearMonth): YearMonth | undefined {
  const input = fold(text).replace(/(^|\D)(25[6-9]\d)(?=\D|$)/g, (_, lead: string, year: string) => `${lead}${Number(year) - 543}`);
  const iso = /(\d{4})\s*[-/.年]\s*(\d{1,2})/.exec(input);
  if (iso) return parseIsoMonth(`${iso[1]}-${iso[2]}`);
  const monthYear = /(?:^|\D)(\d{1,2})\s*[-/.]\s*(\d{4})(?:\D|$)/.exec(input);
  if (monthYear) return parseIsoMonth(`${monthYear[2]}-${monthYear[1]}`);
  const yearMatch = /(?:^|\D)(20\d{2})(?:\D|$)/.exec(input);
  const shortYear = /(?:'|’)(\d{2})\b/.exec(input);
  const yearFromText = yearMatch ? Number(yearMatch[1]) : shortYear ? 2000 + Number(shortYear[1]) : undefined;
  const rest = yearMatch ? input.replace(yearMatch[1]!, ' ') : input;
  let month: number | undefined;
  for (const [name, number] of monthNames(locale)) {
    if (containsName(rest, name)) {
      month = number;
      break;
    }
  }
  if (month === undefined) {
    const words = rest.match(/[\p{L}\p{M}]{3,}/gu) ?? [];
    for (const [name, number] of monthNames(locale)) {
      if (words.some((w) => name.length > w.length && name.startsWith(w))) {
        month = number;
        break;
      }
    }
  }
  if (month === undefined) {
    const numbered = /(?:tháng|thang|bulan|buwan|month|mes|сар|oy|月)\s*(\d{1,2})|(\d{1,2})\s*(?:月|-р сар|сар)/u.exec(rest);
    const n = numbered ? Number(numbered[1] ?? numbered[2]) : NaN;
    if (n >= 1 && n <= 12) month = n;
  }
  if (month === undefined) return undefined;
  if (yearFromText !== undefined) return { year: yearFromText, month };
  return { year: month >= today.month ? today.year : today.year + 1, month };
}
