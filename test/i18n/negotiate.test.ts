import { describe, expect, it } from 'vitest';
import { localeFromTag, negotiateLocale } from '../../src/i18n/negotiate';
import { detectLocaleFromScript } from '../../src/i18n/detect-script';

describe('localeFromTag', () => {
  it.each([
    ['vi-VN', 'vi'],
    ['fil-PH', 'fil'],
    ['tl', 'fil'],
    ['zh-CN', 'zh'],
    ['zh-Hans', 'zh'],
    ['zh-TW', 'zh'],
    ['zh-Hant-TW', 'zh'],
    ['ur-PK', 'ur'],
    ['ur_PK', 'ur'],
    ['en-US', 'en'],
    ['JA-jp', 'ja'],
    ['uz-Cyrl-UZ', 'uz'],
    ['es-PE', 'es'],
    ['in-ID', 'id'],
    ['fr-FR', undefined],
    ['', undefined],
    ['not a locale!', undefined],
    ['x'.repeat(100), undefined],
    [42, undefined],
    [null, undefined],
  ])('%s → %s', (tag, expected) => {
    expect(localeFromTag(tag)).toBe(expected);
  });
});

describe('negotiateLocale', () => {
  it.each([
    [{ saved: 'th', activityLocale: 'vi-VN', text: 'hello' }, 'th', 'saved'],
    [{ saved: 'klingon', activityLocale: 'vi-VN' }, 'vi', 'channel'],
    [{ activityLocale: 'fr-FR', text: 'ญี่ปุ่นทำงานกี่ปี' }, 'th', 'script'],
    [{ text: 'جاپان میں کتنے سال' }, 'ur', 'script'],
    [{ text: 'ជប៉ុន' }, 'km', 'script'],
    [{ text: 'how long can I stay' }, 'en', 'default'],
    [{ text: 'thoi gian thuc tap' }, 'en', 'default'],
    [{ text: 'thời gian thực tập bao lâu' }, 'vi', 'script'],
    [{ activityLocale: 'not-a-tag-at-all-!!' }, 'en', 'default'],
    [{}, 'en', 'default'],
  ])('%o → %s by %s', (signals, locale, reason) => {
    expect(negotiateLocale(signals)).toEqual({ locale, reason });
  });
});

describe('detectLocaleFromScript', () => {
  it.each([
    ['日本で働きたいです', 'ja'],
    ['我想去日本工作', 'zh'],
    ['जापान में कितने साल', 'hi'],
    ['जापानमा कति वर्ष काम गर्न पाइन्छ', 'ne'],
    ['জাপানে কত বছর', 'bn'],
    ['ජපානයේ', 'si'],
    ['ஜப்பான்', 'ta'],
    ['ຍີ່ປຸ່ນ', 'lo'],
    ['ဂျပန်', 'my'],
    ['Японд хэдэн жил ажиллах вэ', undefined],
    ['Японияда қанча йил', 'uz'],
    ['Японд өөр ажил', 'mn'],
    ['¿Cuánto tiempo puedo trabajar?', undefined],
    ['berapa lama di jepang', undefined],
  ])('%s → %s', (text, expected) => {
    expect(detectLocaleFromScript(text)).toBe(expected);
  });
});
