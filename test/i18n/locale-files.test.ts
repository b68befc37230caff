import { describe, expect, it } from 'vitest';
import { flattenTree, readLocaleFile } from '../../src/i18n/translator';
import { SUPPORTED_LOCALES, SOURCE_LOCALE } from '../../src/i18n/locales';
import { LOCALES_DIR } from '../../src/paths';

const placeholders = (value: string | string[]) =>
  [...(Array.isArray(value) ? value.join('\n') : value).matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

const english = flattenTree(readLocaleFile(LOCALES_DIR, SOURCE_LOCALE));
const translated = SUPPORTED_LOCALES.filter((l) => l !== SOURCE_LOCALE);

describe('UI string files', () => {
  it('has an English file with no empty values', () => {
    for (const [key, value] of english) expect((Array.isArray(value) ? value.join('') : value).trim(), key).not.toBe('');
  });

  describe.each(translated)('%s', (locale) => {
    const strings = flattenTree(readLocaleFile(LOCALES_DIR, locale));

    it('has every English key and no extra key', () => {
      expect([...english.keys()].filter((k) => !strings.has(k)), 'missing keys').toEqual([]);
      expect([...strings.keys()].filter((k) => !english.has(k)), 'extra keys').toEqual([]);
    });

    it('has no empty value and the same {{placeholders}} as English', () => {
      for (const [key, value] of strings) {
        const source = english.get(key);
        if (source === undefined) continue;
        expect((Array.isArray(value) ? value.join('') : value).trim(), `${locale}:${key} is empty`).not.toBe('');
        expect(placeholders(value), `${locale}:${key} placeholders`).toEqual(placeholders(source));
        expect(Array.isArray(value), `${locale}:${key} list or string`).toBe(Array.isArray(source));
      }
    });

    it('keeps the study plans the same length as English', () => {
      for (const [key, value] of english) {
        if (key.startsWith('japanese.plan.')) expect((strings.get(key) as string[] | undefined)?.length, key).toBe((value as string[]).length);
      }
    });

    it('is translated rather than copied from English', () => {
      const sentences = [...english].filter(([k, v]) => typeof v === 'string' && v.split(' ').length > 4 && !k.startsWith('japanese.resource'));
      const copied = sentences.filter(([k, v]) => strings.get(k) === v).map(([k]) => k);
      expect(copied, `${locale} copies English for`).toEqual([]);
    });
  });
});
