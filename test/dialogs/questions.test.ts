import { beforeAll, describe, expect, it } from 'vitest';
import { allText, buildTestApp, Conversation } from '../helpers/conversation';
import { EVENT_NAMES } from '../../src/analytics/analytics';
import type { Locale } from '../../src/i18n/locales';

let shared: Awaited<ReturnType<typeof buildTestApp>>;
beforeAll(async () => {
  shared = await buildTestApp();
});

async function chatIn(locale: Locale) {
  return Conversation.start({ channelLocale: locale }, shared);
}

const title = (id: string, locale: Locale) => shared.app.kb.get(id, locale)!.entry.title;

describe.each([
  { locale: 'en' as Locale, question: 'can my boss keep my passport', id: 'passport-retention', vague: 'employer', outOfScope: 'what is the weather in tokyo tomorrow' },
  { locale: 'vi' as Locale, question: 'cong ty giu ho chieu cua toi duoc khong', id: 'passport-retention', vague: 'thi', outOfScope: 'công thức nấu phở bò' },
  { locale: 'th' as Locale, question: 'นายจ้างยึดพาสปอร์ตได้ไหม', id: 'passport-retention', vague: 'สอบ', outOfScope: 'พรุ่งนี้ฝนจะตกไหม' },
])('questions in $locale', ({ locale, question, id, vague, outOfScope }) => {
  it('answers with the entry in the user language, its source, review date, follow-ups and feedback', async () => {
    const chat = await chatIn(locale);
    const reply = await chat.userSays(question);
    const text = allText(reply);
    const entry = shared.app.kb.get(id, locale)!.entry;
    expect(entry.locale).toBe(locale);
    expect(reply[0]?.locale).toBe(locale);
    expect(text).toContain(entry.title);
    expect(text).toContain(entry.answer.slice(0, 40));
    expect(text).toContain(entry.sources[0]!.url);
    expect(text).toContain(shared.app.translator.t(locale, 'answer.source'));
    expect(reply[0]?.values).toContainEqual({ a: 'feedback', id, up: true });
    expect(reply[0]?.values).toContainEqual({ a: 'entry', id: entry.followUps[0] });
    const outcome = shared.telemetry.events.filter((e) => e.name === EVENT_NAMES.outcome).at(-1)!;
    expect(outcome.properties).toMatchObject({ outcome: 'answer', entryId: id, locale });
    expect(outcome.properties?.text).toBeUndefined();
  });

  it('asks "did you mean" with close candidates and a way out when the question is vague', async () => {
    const chat = await chatIn(locale);
    const reply = await chat.userSays(vague);
    const values = reply[0]?.values ?? [];
    expect(allText(reply)).toContain(shared.app.translator.t(locale, 'clarify.prompt'));
    expect(values.filter((v) => v.a === 'entry').length).toBeGreaterThanOrEqual(2);
    expect(values.at(-1)).toEqual({ a: 'none-of-these' });
    const none = await chat.userTaps({ a: 'none-of-these' });
    expect(allText(none)).toContain(shared.app.translator.t(locale, 'clarify.noneReply'));
  });

  it('says honestly it does not know, lists the main topics and points to the official help', async () => {
    const chat = await chatIn(locale);
    const reply = await chat.userSays(outOfScope);
    const text = allText(reply);
    expect(text).toContain(shared.app.translator.t(locale, 'none.text'));
    expect(text).toContain('https://www.otit.go.jp/');
    expect(reply[0]?.buttons).toContain(title('help-hotline', locale));
    const outcome = shared.telemetry.events.filter((e) => e.name === EVENT_NAMES.outcome).at(-1)!;
    expect(outcome.properties).toMatchObject({ outcome: 'none', text: outOfScope });
  });
});

describe('cross-locale and fallback answers', () => {
  it('gives a Vietnamese user who types English the Vietnamese answer', async () => {
    const chat = await chatIn('vi');
    const reply = await chat.userSays('how many years can I stay in Japan as a trainee');
    expect(reply[0]?.locale).toBe('vi');
    expect(allText(reply)).toContain(title('stages', 'vi'));
  });

  it('never echoes the user text unescaped', async () => {
    const chat = await chatIn('en');
    const reply = await chat.userSays('[click](http://evil.example) <script>alert(1)</script>');
    expect(allText(reply)).not.toContain('http://evil.example');
    expect(allText(reply)).not.toContain('<script>');
  });

  it('records 👍 feedback and thanks the user', async () => {
    const chat = await chatIn('en');
    const thanks = await chat.userTaps({ a: 'feedback', id: 'wages', up: true });
    expect(allText(thanks)).toContain(shared.app.translator.t('en', 'answer.thanks'));
    const event = shared.telemetry.events.filter((e) => e.name === EVENT_NAMES.feedback).at(-1)!;
    expect(event.properties).toMatchObject({ entryId: 'wages', helpful: 'true' });
    expect(event.properties?.user).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe.each(['en', 'vi', 'ne'] as Locale[])('small talk (%s)', (locale) => {
  const t = (key: string) => shared.app.translator.t(locale, key);
  const words = (kind: 'greeting' | 'thanks' | 'vague') => shared.app.kb.synonyms(locale)[kind]!;
  const outcomes = () => shared.telemetry.events.filter((e) => e.name === EVENT_NAMES.outcome).length;

  it('greets back and shows the menu when the user only says hello', async () => {
    const chat = await chatIn(locale);
    const reply = await chat.userSays(words('greeting')[0]!);
    expect(allText(reply)).toContain(t('smallTalk.greeting'));
    expect(reply[0]?.values).toContainEqual({ a: 'go', to: 'sectors' });
  });

  it('says a short "glad to help" to thanks or "ok", instead of an entry that happens to contain the word', async () => {
    const chat = await chatIn(locale);
    const before = outcomes();
    for (const text of [words('thanks')[0]!, 'ok']) {
      const reply = await chat.userSays(text);
      expect(reply).toHaveLength(1);
      expect(reply[0]?.text).toBe(t('smallTalk.thanks'));
    }
    expect(outcomes()).toBe(before);
  });

  it('asks for more, with the menu, when a question names no topic', async () => {
    const chat = await chatIn(locale);
    const reply = await chat.userSays(`${words('vague')[0]!}?`);
    expect(allText(reply)).toContain(t('smallTalk.vague'));
    expect(allText(reply)).not.toContain(t('none.text'));
    expect(reply[0]?.values).toContainEqual({ a: 'go', to: 'help' });
  });

  it('asks the pending question again when small talk comes in the middle of a guided dialog', async () => {
    const chat = await chatIn(locale);
    const ask = await chat.userSays(t('menu.duration'));
    const again = await chat.userSays(`${words('vague')[0]!}?`);
    expect(allText(again)).toContain(t('duration.prompt'));
    expect(allText(again)).not.toContain(t('smallTalk.vague'));
    expect(again.map((said) => said.picker)).toEqual(ask.map((said) => said.picker));
  });
});

describe('small talk around a question', () => {
  it('answers the question and ignores the greeting and the "what should I do"', async () => {
    const chat = await chatIn('en');
    const reply = await chat.userSays('hi, my boss took my passport, what should i do?');
    expect(allText(reply)).toContain(title('passport-retention', 'en'));
  });
});
