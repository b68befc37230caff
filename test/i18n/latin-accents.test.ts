import { describe, expect, it } from 'vitest';
import { foldLatinAccents } from '../../src/i18n/latin-accents';
import { foldForMatch } from '../../src/i18n/match';
import { normalize } from '../../src/search/normalize';

describe('foldLatinAccents', () => {
  it('strips accents from Latin letters, precomposed or combining, and turns đ into d', () => {
    expect(foldLatinAccents('thời gian thực tập')).toBe('thoi gian thuc tap');
    expect(foldLatinAccents('Đi Nhật được không')).toBe('Di Nhat duoc khong');
    expect(foldLatinAccents('japo\u0301n')).toBe('japon');
    expect(foldLatinAccents('oʻqish')).toBe('oʻqish');
  });

  it('keeps marks that change the word in other scripts', () => {
    for (const word of ['ลืม', 'バス', 'パス', 'कि', 'й', 'ក៏', 'ဂျပန်']) expect(foldLatinAccents(word)).toBe(word);
  });

  it('is what both search normalisation and option matching apply', () => {
    for (const text of ['Thời gian THỰC TẬP', 'Señor Café', 'バス ลืม']) {
      expect(normalize(text, 'vi')).toBe(foldLatinAccents(text.toLowerCase()));
      expect(foldForMatch(text)).toBe(foldLatinAccents(text.toLowerCase()));
    }
  });
});
