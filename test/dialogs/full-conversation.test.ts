import { beforeAll, describe, expect, it } from 'vitest';
import { allText, buildTestApp, Conversation, type BotSaid } from '../helpers/conversation';
import { flattenTree, readLocaleFile } from '../../src/i18n/translator';
import { ENDONYMS, SUPPORTED_LOCALES, type Locale } from '../../src/i18n/locales';
import { LOCALES_DIR } from '../../src/paths';

let shared: Awaited<ReturnType<typeof buildTestApp>>;
beforeAll(async () => {
  shared = await buildTestApp();
});

const english = flattenTree(readLocaleFile(LOCALES_DIR, 'en'));
const englishSentences = [...english.entries()]
  .flatMap(([key, value]) => (Array.isArray(value) ? value.map((v) => [key, v] as const) : [[key, value] as const]))
  .filter(([key, value]) => value.split(' ').length >= 4 && !key.startsWith('japanese.resource') && !key.startsWith('teams.'));

/** Everything a person sees: texts, button labels and drop-down options. */
const seen = (reply: BotSaid[]) => [allText(reply), ...reply.flatMap((r) => [...r.buttons, ...r.picker.map((p) => p.title)])].join('\n');

describe.each(SUPPORTED_LOCALES)('a full conversation in %s', (locale: Locale) => {
  it('reads entirely in the language: no English fallback, no raw placeholder or key', async () => {
    const chat = await Conversation.start({ channelLocale: locale }, shared);
    const transcript: string[] = [];
    const say = async (step: Promise<BotSaid[]>) => transcript.push(seen(await step));
    await say(chat.userJoins());
    await say(chat.userTaps({ a: 'pick', v: 'other' }));
    await say(chat.userTaps({ a: 'pick', v: locale }));
    await say(chat.userSays(shared.app.kb.get('wages', locale)!.entry.questions[0]!));
    await say(chat.userTaps({ a: 'feedback', id: 'wages', up: true }));
    await say(chat.userSays('zzzz qqqq xxxx'));
    await say(chat.userTaps({ a: 'go', to: 'sectors' }));
    await say(chat.userSays('99'));
    await say(chat.userTaps({ a: 'pick', v: 'construction' }));
    await say(chat.userTaps({ a: 'go', to: 'duration' }));
    await say(chat.userTaps({ a: 'pick', v: '2027-05' }));
    await say(chat.userTaps({ a: 'pick', v: 'unsure' }));
    await say(chat.userTaps({ a: 'go', to: 'japanese' }));
    await say(chat.userTaps({ a: 'pick', v: 'none' }));
    await say(chat.userTaps({ a: 'pick', v: 'food-manufacturing' }));
    await say(chat.userTaps({ a: 'go', to: 'help' }));
    await say(chat.userTaps({ a: 'go', to: 'ask' }));
    const text = transcript.join('\n');

    expect(text).toContain(ENDONYMS[locale]);
    expect(text).not.toMatch(/\{\{|\}\}/);
    for (const key of english.keys()) expect(text, `raw key ${key}`).not.toContain(`${key} `);
    if (locale !== 'en') {
      const leaked = englishSentences.filter(([, sentence]) => text.includes(sentence)).map(([key]) => key);
      expect(leaked, `English shown in ${locale}`).toEqual([]);
    }
  });
});
