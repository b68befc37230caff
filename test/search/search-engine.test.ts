import { describe, expect, it } from 'vitest';
import { SearchEngine, type SearchResult } from '../../src/search/search-engine';
import { SEARCH_THRESHOLDS } from '../../src/search/thresholds';
import { fixtureKnowledgeBase } from './fixture-kb';

const engine = SearchEngine.build(fixtureKnowledgeBase());

function expectAnswer(result: SearchResult, id: string): void {
  expect(result).toMatchObject({ outcome: 'answer', id });
  expect(result.candidates[0]).toBe(id);
}

describe('SearchEngine.smallTalk', () => {
  it.each([
    ['hello', 'en', 'greeting'],
    ['ok', 'en', 'thanks'],
    ['is that ok?', 'en', 'vague'],
    ['xin chào', 'vi', 'greeting'],
    ['xin chao, cam on', 'vi', 'thanks'],
    ['toi phai lam gi', 'vi', 'vague'],
    ['ok', 'vi', 'thanks'],
  ] as const)('reads "%s" (%s) as %s, with the user locale and English synonyms', (text, locale, kind) => {
    expect(engine.smallTalk(text, locale)).toBe(kind);
  });

  it.each(['can the company keep my passport', 'hello, is that ok if they keep my passport', 'weather'])('reads "%s" as a message with a topic', (text) => {
    expect(engine.smallTalk(text, 'en')).toBeUndefined();
  });

  it('leaves small talk out of search, so it neither answers "ok" nor weakens a real question', () => {
    expect(engine.search('is that ok', 'en').outcome).toBe('none');
    expect(engine.search('ok', 'en').outcome).toBe('none');
    expectAnswer(engine.search('hello, is that ok if they keep my passport, what should i do', 'en'), 'passport-retention');
  });
});

describe('SearchEngine outcomes', () => {
  it('answers a question that matches one entry', () => {
    const result = engine.search('can the company keep my passport', 'en');
    expectAnswer(result, 'passport-retention');
    expect(result.confidence).toBeGreaterThanOrEqual(SEARCH_THRESHOLDS.answer);
    expect(result.matchedLocale).toBe('en');
  });

  it('asks which one when two entries match equally', () => {
    const result = engine.search('pension', 'en');
    expect(result.outcome).toBe('clarify');
    expect(result.id).toBeNull();
    expect([...result.candidates].sort()).toEqual(['insurance', 'pension-refund']);
  });

  it.each(["what's the weather in tokyo", 'recipe for pho', 'best iphone price', 'who won the football', 'hello how are you'])(
    'declines the out-of-scope "%s"',
    (text) => {
      const result = engine.search(text, 'en');
      expect(result).toMatchObject({ outcome: 'none', id: null, candidates: [], matchedLocale: null });
      expect(result.confidence).toBeLessThan(SEARCH_THRESHOLDS.none);
    },
  );

  it('keeps confidence in [0, 1] and at most 3 candidates, best first', () => {
    for (const text of ['passport', 'how much', 'trainee', 'x', 'pension refund insurance wage stages family']) {
      const result = engine.search(text, 'en');
      expect(result.confidence).toBeGreaterThanOrEqual(0);
      expect(result.confidence).toBeLessThanOrEqual(1);
      expect(result.candidates.length).toBeLessThanOrEqual(3);
      if (result.outcome !== 'answer') expect(result.id).toBeNull();
    }
  });

  it('decides with the thresholds it is given', () => {
    const strict = SearchEngine.build(fixtureKnowledgeBase(), { thresholds: { ...SEARCH_THRESHOLDS, none: 0.99, answer: 0.995 } });
    expect(strict.search('my boss took my residence card', 'en').outcome).toBe('none');
  });
});

describe('SearchEngine matching', () => {
  it('ranks a long query (over fuse.js\'s 32-character limit) by its words', () => {
    expectAnswer(engine.search('Can the company keep my passport? I was charged twice', 'en'), 'passport-retention');
    expectAnswer(engine.search('hi, my boss took my residence card last week and says it is for safety, is that allowed', 'en'), 'passport-retention');
  });

  it('tolerates typos', () => {
    expectAnswer(engine.search('my boss took my pasport', 'en'), 'passport-retention');
    expectAnswer(engine.search('minimun wage', 'en'), 'wages');
  });

  it('meets synonyms across languages: TTS, thực tập sinh, jisshusei and trainee are one concept', () => {
    for (const text of ['how long can a trainee stay', 'how long can a jisshusei stay', 'how long can tts stay']) {
      expectAnswer(engine.search(text, 'en'), 'stages');
    }
  });

  it('finds Vietnamese typed without tone marks', () => {
    const marked = engine.search('thời gian thực tập bao lâu', 'vi');
    expectAnswer(marked, 'stages');
    expect(engine.search('thoi gian thuc tap bao lau', 'vi')).toEqual(marked);
  });

  it('finds Simplified entries from Traditional Chinese', () => {
    expectAnswer(engine.search('公司扣了我的護照怎麼辦', 'zh'), 'passport-retention');
  });

  it('finds Uzbek Latin entries from Cyrillic', () => {
    const result = engine.search('Компания паспортимни олиб қўйди', 'uz');
    expectAnswer(result, 'passport-retention');
    expect(result.matchedLocale).toBe('uz');
  });

  it('finds Thai and Japanese, written without spaces', () => {
    expectAnswer(engine.search('บริษัทเก็บพาสปอร์ตของฉัน', 'th'), 'passport-retention');
    expectAnswer(engine.search('パスポートを会社に取られた', 'ja'), 'passport-retention');
  });
});

describe('SearchEngine across locales', () => {
  it('answers a Vietnamese user who types English with the entry id, matched in English', () => {
    const result = engine.search('my boss took my residence card', 'vi');
    expectAnswer(result, 'passport-retention');
    expect(result.matchedLocale).toBe('en');
  });

  it('finds entries not yet translated into the user\'s locale', () => {
    const result = engine.search('minimum wage', 'th');
    expectAnswer(result, 'wages');
    expect(result.matchedLocale).toBe('en');
  });

  it('searches a locale without any entries through the others', () => {
    expectAnswer(engine.search('can my family come with me', 'km'), 'family');
  });

  it('prefers the user\'s own locale when it answers confidently', () => {
    expect(engine.search('công ty giữ hộ chiếu của em', 'vi')).toMatchObject({ outcome: 'answer', matchedLocale: 'vi' });
  });
});

describe('SEARCH_THRESHOLDS', () => {
  it('is ordered: out of scope below clarifying below answering', () => {
    expect(SEARCH_THRESHOLDS.none).toBeLessThan(SEARCH_THRESHOLDS.answer);
    expect(SEARCH_THRESHOLDS.answer).toBeLessThanOrEqual(1);
    expect(SEARCH_THRESHOLDS.margin).toBeGreaterThan(0);
  });
});
