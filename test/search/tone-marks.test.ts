import { describe, expect, it } from 'vitest';
import { falseFriendShare, markedVocabulary, markedWords, toneKey } from '../../src/search/tone-marks';

describe('toneKey', () => {
  it('keeps tones apart and ignores where the tone sits and hỏi/ngã swaps', () => {
    expect(toneKey('thuế')).not.toBe(toneKey('thuê'));
    expect(toneKey('hoá')).toBe(toneKey('hóa'));
    expect(toneKey('thuỷ')).toBe(toneKey('thủy'));
    expect(toneKey('giữ')).toBe(toneKey('giử'));
    expect(toneKey('Lương')).toBe(toneKey('lương'));
    expect(toneKey('lương')).not.toBe(toneKey('luong'));
  });
});

describe('markedWords', () => {
  it('takes every word of a message typed with marks, and none of one typed without', () => {
    expect(markedWords('Có thai có bị về nước không?')?.map((w) => w.folded)).toEqual(['co', 'thai', 'co', 'bi', 've', 'nuoc', 'khong']);
    expect(markedWords('Có thai')?.[1]).toEqual({ folded: 'thai', key: toneKey('thai') });
    expect(markedWords('co thai co bi ve nuoc khong')).toBeUndefined();
    expect(markedWords('visa SSW')).toBeUndefined();
  });
});

describe('falseFriendShare', () => {
  const hire = markedVocabulary(['Đi làm thuê giá rẻ', 'keywords: thue re']);
  const rights = markedVocabulary(['Quyền của thực tập sinh, thuế thu nhập']);
  const runaway = markedVocabulary(['đổi công ty', 'bo tron']);
  const plain = (text: string) => new Set(text.split(' '));
  const typed = (text: string) => markedWords(text)!;

  it('counts the words a document has only with other tone marks, as a share of the message', () => {
    expect(falseFriendShare(typed('thuế'), plain('thue'), hire)).toBe(1);
    expect(falseFriendShare(typed('thuế'), plain('thue'), rights)).toBe(0);
    expect(falseFriendShare(typed('thuê'), plain('thue'), hire)).toBe(0);
    expect(falseFriendShare(typed('đóng thuế thế nào'), plain('dong thue the nao'), hire)).toBe(0.25);
  });

  it('does not count words the document lacks, spells only without marks, or a synonym concept took over', () => {
    expect(falseFriendShare(typed('lương'), plain('luong'), hire)).toBe(0);
    expect(falseFriendShare(typed('bỏ trốn'), plain('bo tron'), runaway)).toBe(0);
    expect(falseFriendShare(typed('thuế'), plain('⟨tax⟩'), hire)).toBe(0);
  });
});
