import { beforeAll, describe, expect, it } from 'vitest';
import { allText, buildTestApp, Conversation } from '../helpers/conversation';
import { DIALOG_LOCALES } from '../helpers/locales-under-test';
import type { Locale } from '../../src/i18n/locales';

let shared: Awaited<ReturnType<typeof buildTestApp>>;
beforeAll(async () => {
  shared = await buildTestApp();
});
const t = (locale: Locale, key: string) => shared.app.translator.t(locale, key);

describe.each(DIALOG_LOCALES)('get help (%s)', (locale) => {
  it('gives OTIT (link, no phone numbers), FRESC, 110 and 119, and the broker warning with its answers', async () => {
    const chat = await Conversation.start({ channelLocale: locale }, shared);
    const help = await chat.userSays(t(locale, 'menu.help'));
    const text = allText(help);
    expect(text).toContain(t(locale, 'help.otit'));
    expect(text).toContain('https://www.otit.go.jp/');
    expect(text).toContain(t(locale, 'help.fresc'));
    expect(text).toMatch(/110/);
    expect(text).toMatch(/119/);
    expect(text).toContain(t(locale, 'help.broker'));
    expect(text).toContain(t(locale, 'answer.source'));
    expect(text).not.toMatch(/\d{2,4}-\d{3,4}-\d{3,4}/);
    expect(help[0]?.values).toEqual([
      { a: 'entry', id: 'fees-and-debt' },
      { a: 'entry', id: 'passport-retention' },
      { a: 'entry', id: 'help-hotline' },
    ]);
  });
});
