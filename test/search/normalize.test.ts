import { describe, expect, it } from 'vitest';
import { normalizationClass, normalize, segment } from '../../src/search/normalize';
import { SUPPORTED_LOCALES } from '../../src/i18n/locales';

describe('normalize: Latin script', () => {
  it('folds Vietnamese tone marks and đ, so text typed without them meets text written with them', () => {
    expect(normalize('Thời gian thực tập', 'vi')).toBe('thoi gian thuc tap');
    expect(normalize('ĐƯỢC không', 'vi')).toBe('duoc khong');
  });

  it('folds accents in other Latin-script languages too', () => {
    expect(normalize('Señor CAFÉ', 'es')).toBe('senor cafe');
  });

  it('applies NFKC (full-width to half-width) and case folding, and collapses spaces', () => {
    expect(normalize('  ＰＡＳＳＰＯＲＴ　１２３\t ok ', 'en')).toBe('passport 123 ok');
  });

  it('folds apostrophe variants into one', () => {
    expect(normalize('don’t don‘t don`t', 'en')).toBe("don't don't don't");
  });
});

describe('normalize: scripts whose marks change the word are never folded', () => {
  it('keeps Thai vowel marks (ลืม "forget" is not ลม "wind")', () => {
    expect(normalize('ลืม', 'th')).toBe('ลืม');
    expect(normalize('ลืม', 'th')).not.toBe(normalize('ลม', 'th'));
  });

  it('keeps Devanagari vowel signs and nasalisation', () => {
    expect(normalize('बदलें', 'hi')).toBe('बदलें');
    expect(normalize('बदलें', 'hi')).not.toBe(normalize('बदल', 'hi'));
  });

  it('keeps Japanese voicing marks (バス "bus" is not パス "pass")', () => {
    expect(normalize('バス', 'ja')).not.toBe(normalize('パス', 'ja'));
    expect(normalize('ﾊﾞｽ', 'ja')).toBe('バス');
  });

  it('keeps Cyrillic й (мой is not мои)', () => {
    expect(normalize('мой', 'mn')).not.toBe(normalize('мои', 'mn'));
  });
});

describe('normalize: locale-specific folding', () => {
  it('folds Traditional Chinese into Simplified for zh', () => {
    expect(normalize('忘記密碼', 'zh')).toBe('忘记密码');
    expect(normalize('護照', 'zh')).toBe(normalize('护照', 'zh'));
  });

  it('leaves Japanese kanji alone', () => {
    expect(normalize('忘記', 'ja')).toBe('忘記');
  });

  it('transliterates Uzbek Cyrillic to Latin, including word-initial е and the oʻ/gʻ letters', () => {
    expect(normalize('Ўзбекистон', 'uz')).toBe("o'zbekiston");
    expect(normalize('ғалаба ёрдам ер', 'uz')).toBe("g'alaba yordam yer");
    expect(normalize('паспорт', 'uz')).toBe('pasport');
  });

  it('folds every Uzbek apostrophe variant, so oʻ typed any way meets', () => {
    const forms = ['oʻzbek', 'o’zbek', 'o‘zbek', 'o`zbek', "o'zbek"].map((t) => normalize(t, 'uz'));
    expect(new Set(forms)).toEqual(new Set(["o'zbek"]));
  });

  it('does not transliterate Cyrillic outside Uzbek (Mongolian stays Cyrillic)', () => {
    expect(normalize('паспорт', 'mn')).toBe('паспорт');
  });
});

describe('segment', () => {
  it('finds words in Thai, which has no spaces', () => {
    expect(segment('ลืมรหัสผ่าน', 'th')).toEqual(['ลืม', 'รหัส', 'ผ่าน']);
  });

  it('finds words in Chinese and Japanese', () => {
    expect(segment('怎么办', 'zh').join('')).toBe('怎么办');
    expect(segment('荷物が届かない', 'ja')).toContain('荷物');
  });

  it('drops punctuation and spaces in segmented scripts', () => {
    expect(segment('护照？ 在留卡！', 'zh').join('')).toBe('护照在留卡');
  });

  it('splits spaced scripts on non-letters, keeping Indic vowel signs inside words', () => {
    expect(segment("don't know, नमस्ते मेरो", 'ne')).toEqual(["don't", 'know', 'नमस्ते', 'मेरो']);
    expect(segment('thoi gian-thuc tap!', 'vi')).toEqual(['thoi', 'gian', 'thuc', 'tap']);
  });
});

describe('normalizationClass', () => {
  const samples = ['Thời gian THỰC TẬP', '護照 可以 被扣留 吗', 'паспорт oʻqish', 'ลืม バス パス', 'پاسپورٹ', '  ＡＢＣ１２３  '];

  it('names the locales whose rules differ; every other locale normalises any text alike (a query normalises once for them)', () => {
    const common = SUPPORTED_LOCALES.filter((l) => normalizationClass(l) === 'common');
    expect(SUPPORTED_LOCALES.filter((l) => normalizationClass(l) !== 'common').sort()).toEqual(['uz', 'zh']);
    for (const text of samples) for (const locale of common) expect(normalize(text, locale), `${locale}: ${text}`).toBe(normalize(text, 'en'));
    expect(normalize('護照', 'zh')).not.toBe(normalize('護照', 'en'));
    expect(normalize('паспорт', 'uz')).not.toBe(normalize('паспорт', 'en'));
  });
});
