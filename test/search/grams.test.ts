import { describe, expect, it } from 'vitest';
import { gramsOf } from '../../src/search/grams';
import { CONCEPT_MARK } from '../../src/search/synonyms';

describe('gramsOf', () => {
  it('cuts words of spaced scripts into trigrams padded with spaces', () => {
    expect(gramsOf('visa', 'en')).toEqual([' vi', 'vis', 'isa', 'sa ']);
    expect(gramsOf('a', 'en')).toEqual([' a ']);
  });

  it('cuts Chinese and Japanese runs into bigrams, whatever a segmenter would do', () => {
    expect(gramsOf('注销账号', 'zh')).toEqual(['注销', '销账', '账号']);
    expect(gramsOf('注销账户', 'zh')).toEqual(expect.arrayContaining(['注销', '销账']));
    expect(gramsOf('钱', 'zh')).toEqual(['钱']);
  });

  it('cuts Thai, Lao, Khmer and Burmese runs into trigrams', () => {
    expect(gramsOf('ลืมรหัส', 'th')).toEqual(['ลืม', 'ืมร', 'มรห', 'รหั', 'หัส']);
  });

  it('keeps a run of a rare Chinese character (beyond the BMP) whole per character', () => {
    expect(gramsOf('𠀀𠀁好', 'zh')).toEqual(['𠀀𠀁', '𠀁好']);
  });

  it('adds syllable pairs for Vietnamese only', () => {
    expect(gramsOf('thoi tiet', 'vi')).toContain('thoi tiet');
    expect(gramsOf('thoi tiet', 'id')).not.toContain('thoi tiet');
    expect(gramsOf('thoi, tiet', 'vi')).not.toContain('thoi tiet');
  });

  it('keeps concept tokens whole', () => {
    expect(gramsOf(` ${CONCEPT_MARK}residence-card  ok`, 'en')).toEqual([`${CONCEPT_MARK}residence-card`, ' ok', 'ok ']);
  });

  it('ignores apostrophes inside words, so "don\'t" and "dont" share grams', () => {
    expect(gramsOf("don't", 'en')).toEqual(gramsOf('dont', 'en'));
  });
});
