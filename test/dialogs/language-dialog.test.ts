import { beforeAll, describe, expect, it } from 'vitest';
import { allText, buildTestApp, Conversation, type BotSaid } from '../helpers/conversation';
import type { App } from '../../src/app';
import { ENDONYMS, type Locale } from '../../src/i18n/locales';
import { languagesFor } from '../../src/i18n/countries';

let shared: Awaited<ReturnType<typeof buildTestApp>>;
let app: App;
beforeAll(async () => {
  shared = await buildTestApp();
  app = shared.app;
});

const t = (locale: Locale, key: string, vars?: Record<string, string>) => app.translator.t(locale, key, vars);
const texts = (reply: BotSaid[]) => allText(reply);

describe.each([
  { channelLocale: 'en-US', locale: 'en' as Locale, country: 'ph', language: 'en' as Locale, endonym: 'English' },
  { channelLocale: 'vi-VN', locale: 'vi' as Locale, country: 'vn', language: 'vi' as Locale, endonym: 'Tiếng Việt' },
  { channelLocale: 'th-TH', locale: 'th' as Locale, country: 'th', language: 'th' as Locale, endonym: 'ไทย' },
  { channelLocale: 'ur-PK', locale: 'ur' as Locale, country: 'pk', language: 'ur' as Locale, endonym: 'اردو' },
])('welcome and language choice ($channelLocale)', ({ channelLocale, locale, country, language, endonym }) => {
  it('greets in the channel language, asks the country, offers its languages and saves the choice', async () => {
    const chat = await Conversation.start({ channelLocale }, shared);

    const welcome = await chat.userJoins();
    expect(texts(welcome)).toContain(t(locale, 'welcome.intro'));
    expect(texts(welcome)).toContain(t(locale, 'country.prompt'));
    expect(welcome.at(-1)?.locale).toBe(locale);
    expect(welcome.at(-1)?.rtl).toBe(locale === 'ur');
    expect(welcome.at(-1)?.picker.map((c) => c.value)).toContain(country);
    expect(welcome.at(-1)?.picker.map((c) => c.title)).toContain(t(locale, `country.names.${country}`));

    const languages = await chat.userTaps({ a: 'pick', v: country });
    expect(texts(languages)).toContain(t(locale, 'language.prompt'));
    expect(languages[0]?.buttons).toEqual(languagesFor(country).map((l) => ENDONYMS[l]));

    const chosen = await chat.userTapsLabel(languages, endonym);
    expect(texts(chosen)).toContain(t(language, 'language.changed', { language: endonym }));
    expect(texts(chosen)).toContain(t(language, 'menu.prompt'));
    expect(chosen.at(-1)?.buttons).toHaveLength(6);
    expect(chosen.at(-1)?.buttons[0]).toBe(t(language, 'menu.ask'));
  });
});

describe('switching language at any moment', () => {
  it('switches when the user types a language name in its own script, and keeps it', async () => {
    const chat = await Conversation.start({ channelLocale: 'en-US' }, shared);
    await chat.userJoins();
    const thai = await chat.userSays('ไทย');
    expect(texts(thai)).toContain(t('th', 'language.changed', { language: 'ไทย' }));
    expect(thai.at(-1)?.locale).toBe('th');
    const menu = await chat.userSays('menu');
    expect(texts(menu)).toContain(t('th', 'menu.prompt'));
  });

  it('re-asks the pending question in the new language', async () => {
    const chat = await Conversation.start({}, shared);
    await chat.userJoins();
    const vi = await chat.userSays('Tiếng Việt');
    expect(texts(vi)).toContain(t('vi', 'country.prompt'));
  });

  it('opens the country and language choice when the user types "language" in their language', async () => {
    const chat = await Conversation.start({ channelLocale: 'vi-VN' }, shared);
    await chat.userJoins();
    await chat.userTaps({ a: 'pick', v: 'vn' });
    await chat.userTaps({ a: 'pick', v: 'vi' });
    const word = app.translator.list('vi', 'commands.language')[0]!;
    const asked = await chat.userSays(word);
    expect(texts(asked)).toContain(t('vi', 'country.prompt'));
  });

  it('offers every language for "Other", and only Spanish for Peru (so it skips the question)', async () => {
    const chat = await Conversation.start({}, shared);
    await chat.userJoins();
    const other = await chat.userTaps({ a: 'pick', v: 'other' });
    expect(other[0]?.picker).toHaveLength(19);

    const peru = await Conversation.start({}, shared);
    await peru.userJoins();
    const spanish = await peru.userTaps({ a: 'pick', v: 'pe' });
    expect(texts(spanish)).toContain(t('es', 'language.changed', { language: 'Español' }));
    expect(spanish.at(-1)?.locale).toBe('es');
  });

  it('answers a typed country name and a typed number', async () => {
    const chat = await Conversation.start({}, shared);
    await chat.userJoins();
    const byName = await chat.userSays('nepal');
    expect(byName[0]?.buttons).toEqual(['नेपाली', 'English']);
    const byNumber = await chat.userSays('1');
    expect(texts(byNumber)).toContain(t('ne', 'language.changed', { language: 'नेपाली' }));
  });

  it('greets a returning user without repeating the introduction', async () => {
    const chat = await Conversation.start({}, shared);
    await chat.userJoins();
    await chat.userTaps({ a: 'pick', v: 'vn' });
    await chat.userTaps({ a: 'pick', v: 'en' });
    const again = await chat.userJoins();
    expect(texts(again)).not.toContain(t('en', 'welcome.intro'));
    expect(texts(again)).toContain(t('en', 'welcome.back'));
  });
});
