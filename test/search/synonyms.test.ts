import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/search/normalize';
import { CONCEPT_MARK, compileConcepts, conceptRewriter, dropSmallTalk, mentionsOffTopic, smallTalkOf } from '../../src/search/synonyms';
import type { SynonymFile } from '../../src/knowledge/schema';

const concept = (id: string) => ` ${CONCEPT_MARK}${id} `;
const lower = (v: string) => v.toLowerCase();
/** Rewrites as search does: concepts become tokens, small talk is dropped. */
const rewriterOf = (files: SynonymFile[], normalise = lower) => {
  const scan = conceptRewriter(files.map((f) => compileConcepts(f, normalise)));
  return (text: string) => dropSmallTalk(scan(text));
};

describe('conceptRewriter', () => {
  const rewrite = rewriterOf(
    [
      { trainee: ['thực tập sinh', 'TTS'], passport: ['hộ chiếu'] },
      { trainee: ['trainee', 'technical intern', 'jisshusei', 'tts'], titp: ['technical intern training'], greeting: ['hello', 'good morning'] },
    ],
    (v) => normalize(v, 'vi'),
  );

  it('turns every variant of a concept, in any listed language, into the same token', () => {
    const tokens = ['tts', 'thuc tap sinh', 'jisshusei', 'trainee'].map(rewrite);
    expect(new Set(tokens)).toEqual(new Set([concept('trainee')]));
  });

  it('matches variants of spaced scripts as whole words only', () => {
    expect(rewrite('settsu')).toBe('settsu');
    expect(rewrite('trainees')).toBe('trainees');
    expect(rewrite('a trainee.')).toBe(`a ${concept('trainee')}.`);
  });

  it('leaves concept tokens whole when rewritten text is rewritten again with another file', () => {
    const again = rewriterOf([{ titp: ['titp'], passport: ['ho chieu'] }]);
    const once = rewriterOf([{ titp: ['titp'] }])('titp ho chieu');
    expect(again(once).split(' ').filter(Boolean)).toEqual([`${CONCEPT_MARK}titp`, `${CONCEPT_MARK}passport`]);
  });

  it('prefers the longest variant', () => {
    expect(rewrite('technical intern training')).toBe(concept('titp'));
    expect(rewrite('technical intern')).toBe(concept('trainee'));
  });

  it('drops greetings, which say nothing about the topic', () => {
    expect(rewrite('hello').trim()).toBe('');
    expect(rewrite('good morning ho chieu').trim()).toBe(`${CONCEPT_MARK}passport`);
  });

  it('matches variants of unspaced scripts anywhere, and Latin variants next to them', () => {
    const ja = rewriterOf([{ trainee: ['実習生', 'tts'] }]);
    expect(ja('技能実習生です')).toBe(`技能${concept('trainee')}です`);
    expect(ja('ttsは')).toBe(`${concept('trainee')}は`);
  });

  it('lets the first file win when two claim a variant, and the longest variant across files', () => {
    const rewrite = rewriterOf([{ fee: ['charge', 'fee'] }, { abuse: ['charge'], 'service-fee': ['service fee'] }]);
    expect(rewrite('charge')).toBe(concept('fee'));
    expect(rewrite('service fee')).toBe(concept('service-fee'));
  });

  it('leaves text alone when there are no synonyms', () => {
    expect(rewriterOf([])('anything at all')).toBe('anything at all');
    expect(rewriterOf([{}])('anything at all')).toBe('anything at all');
  });
});

describe('mentionsOffTopic', () => {
  it('finds an off-topic concept only as a whole token, not as the start of a longer concept id', () => {
    expect(mentionsOffTopic(`how much ${concept('tax')} do i pay`)).toBe(true);
    expect(mentionsOffTopic(`${concept('tax')}`.trim())).toBe(true);
    expect(mentionsOffTopic(`${concept('taxi')} to the airport`)).toBe(false);
    expect(mentionsOffTopic(`${concept('tax-free')}`)).toBe(false);
    expect(mentionsOffTopic('tax')).toBe(false);
  });
});

describe('smallTalkOf', () => {
  const file: SynonymFile = { greeting: ['hello', 'hi', 'ครับ'], thanks: ['thanks', 'ok'], vague: ['what should i do', 'is that ok'], passport: ['passport'] };
  const read = (text: string) => smallTalkOf(conceptRewriter([compileConcepts(file, lower)])(text));

  it.each([
    ['hello', 'greeting'],
    ['hi!! 👋', 'greeting'],
    ['ครับ', 'greeting'],
    ['ok', 'thanks'],
    ['ok thanks', 'thanks'],
    ['hi, thanks', 'thanks'],
    ['is that ok?', 'vague'],
    ['hello, what should i do', 'vague'],
  ])('reads "%s" as %s', (text, kind) => {
    expect(read(text)).toBe(kind);
  });

  it.each(['passport', 'hello passport', 'ok what about my passport', 'okinawa', 'what should i do now that it is over', ''])(
    'reads "%s" as no small talk, since something else is left',
    (text) => {
      expect(read(text)).toBeUndefined();
    },
  );

  it('leaves no small-talk token once search drops them, leaving one space where each was, as dropping them while rewriting did', () => {
    const scan = conceptRewriter([compileConcepts(file, lower)]);
    expect(smallTalkOf(dropSmallTalk(scan('ok, is that ok')))).toBeUndefined();
    expect(dropSmallTalk(scan('ok thanks passport'))).toBe(`    ${concept('passport')}`);
  });
});
