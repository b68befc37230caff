import { describe, expect, it } from 'vitest';
import { composeAnswer, composeClarify, composeNone, composeReply, formatDate } from '../../src/replies/compose';
import { renderReplyText, textChoices } from '../../src/replies/render-text';
import { escapeMarkdown, markdownLink } from '../../src/replies/markdown';
import { createTranslator } from '../../src/i18n/translator';
import { LOCALES_DIR } from '../../src/paths';
import { makeEntry, tinyKb } from '../helpers/tiny-kb';

const t = createTranslator(LOCALES_DIR, ['en', 'vi', 'ur']);
const kb = tinyKb(
  [
    makeEntry('en', 'wages', { followUps: ['passport-retention', 'help-hotline'], title: 'Will I be paid the minimum wage?' }),
    makeEntry('en', 'passport-retention', { title: 'Can my employer keep my passport?' }),
    makeEntry('en', 'help-hotline'),
  ],
  [makeEntry('vi', 'wages', { title: 'Tôi có được trả lương tối thiểu không?', answer: 'Có. Luật lao động bảo vệ bạn.', followUps: ['passport-retention', 'help-hotline'] }), makeEntry('ur', 'wages', { title: 'کیا مجھے کم از کم اجرت ملے گی؟' })],
);

describe('composeAnswer', () => {
  it('shows the translated entry with its source, review date, follow-ups and feedback', () => {
    const reply = composeAnswer({ kb, t, locale: 'vi' }, 'wages');
    expect(reply.title).toBe('Tôi có được trả lương tối thiểu không?');
    expect(reply.notice).toBeUndefined();
    expect(reply.body).toEqual(['Có. Luật lao động bảo vệ bạn.']);
    expect(reply.footer?.[0]).toBe(`${t.t('vi', 'answer.source')}: [OTIT](https://www.otit.go.jp/)`);
    expect(reply.footer?.[1]).toContain('2026');
    expect(reply.buttons.map((b) => b.value)).toEqual([
      { a: 'entry', id: 'passport-retention' },
      { a: 'entry', id: 'help-hotline' },
    ]);
    expect(reply.feedback?.buttons.map((b) => b.value)).toEqual([
      { a: 'feedback', id: 'wages', up: true },
      { a: 'feedback', id: 'wages', up: false },
    ]);
  });

  it('falls back to English with one localized line when the locale has no translation', () => {
    const reply = composeAnswer({ kb, t, locale: 'vi' }, 'passport-retention');
    expect(reply.title).toBe('Can my employer keep my passport?');
    expect(reply.notice).toBe(t.t('vi', 'answer.translationComing'));
    expect(reply.rtl).toBe(false);
  });

  it('lays Urdu out right to left and isolates the date', () => {
    const reply = composeAnswer({ kb, t, locale: 'ur' }, 'wages');
    expect(reply.rtl).toBe(true);
    expect(reply.footer?.[1]).toContain('\u2068');
  });
});

describe('clarify and none', () => {
  it('offers at most three candidates and "None of these"', () => {
    const reply = composeClarify({ kb, t, locale: 'en' }, ['wages', 'passport-retention', 'help-hotline', 'wages']);
    expect(reply.buttons.map((b) => b.value)).toEqual([
      { a: 'entry', id: 'wages' },
      { a: 'entry', id: 'passport-retention' },
      { a: 'entry', id: 'help-hotline' },
      { a: 'none-of-these' },
    ]);
  });

  it('admits not knowing, links OTIT and offers the help entry', () => {
    const reply = composeNone({ kb, t, locale: 'en' });
    expect(reply.body[0]).toBe(t.t('en', 'none.text'));
    expect(reply.links?.[0]?.url).toBe('https://www.otit.go.jp/');
    expect(reply.buttons.map((b) => b.value)).toContainEqual({ a: 'entry', id: 'help-hotline' });
  });

  it('dispatches on the search outcome', () => {
    expect(composeReply({ kb, t, locale: 'en' }, { outcome: 'answer', id: 'wages', candidates: ['wages'] }).title).toBe('Will I be paid the minimum wage?');
    expect(composeReply({ kb, t, locale: 'en' }, { outcome: 'clarify', id: null, candidates: ['wages', 'help-hotline'] }).body[0]).toBe(t.t('en', 'clarify.prompt'));
    expect(composeReply({ kb, t, locale: 'en' }, { outcome: 'none', id: null, candidates: [] }).body[0]).toBe(t.t('en', 'none.text'));
  });
});

describe('renderReplyText', () => {
  it('numbers the options in the order a typed number selects them', () => {
    const reply = composeClarify({ kb, t, locale: 'en' }, ['wages', 'passport-retention']);
    const text = renderReplyText(reply);
    expect(text).toContain('1. Will I be paid the minimum wage?');
    expect(text).toContain('2. Can my employer keep my passport?');
    expect(text).toContain(`3. ${t.t('en', 'clarify.noneOfThese')}`);
    expect(textChoices(reply)[1]?.value).toEqual({ a: 'entry', id: 'passport-retention' });
  });
});

describe('markdown safety', () => {
  it('makes links and HTML inert', () => {
    expect(escapeMarkdown('[click](http://evil) <script>')).toBe('\\[click\\]\\(http://evil\\) &lt;script&gt;');
    expect(markdownLink('a ] b', 'https://www.otit.go.jp/')).toBe('[a \\] b](https://www.otit.go.jp/)');
  });

  it('formats dates for the locale', () => {
    expect(formatDate('2027-04-01', 'en')).toBe('1 April 2027');
    expect(formatDate('2027-04-01', 'vi')).toContain('2027');
  });
});
