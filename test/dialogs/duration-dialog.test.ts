import { beforeAll, describe, expect, it } from 'vitest';
import { allText, buildTestApp, Conversation } from '../helpers/conversation';
import { DIALOG_LOCALES } from '../helpers/locales-under-test';
import { monthLabel } from '../../src/timeline/year-month';
import type { Locale } from '../../src/i18n/locales';

let shared: Awaited<ReturnType<typeof buildTestApp>>;
beforeAll(async () => {
  shared = await buildTestApp({ clock: () => new Date('2026-11-27T09:00:00Z') });
});
const t = (locale: Locale, key: string) => shared.app.translator.t(locale, key);

async function durationChat(locale: Locale) {
  const chat = await Conversation.start({ channelLocale: locale }, shared);
  const ask = await chat.userSays(t(locale, 'menu.duration'));
  return { chat, ask };
}

describe.each(DIALOG_LOCALES)('duration and timeline (%s)', (locale) => {
  it('offers months from this month to December two years ahead, named in the user locale', async () => {
    const { ask } = await durationChat(locale);
    expect(allText(ask)).toContain(t(locale, 'duration.prompt'));
    const picker = ask[0]!.picker;
    expect(picker[0]).toEqual({ value: '2026-11', title: monthLabel({ year: 2026, month: 11 }, locale) });
    expect(picker.at(-1)?.value).toBe('2028-12');
    expect(picker).toHaveLength(26);
  });

  it('shows TITP with its stages for a start before April 2027', async () => {
    const { chat } = await durationChat(locale);
    const timeline = await chat.userTaps({ a: 'pick', v: '2027-02' });
    const text = allText(timeline);
    expect(text).toContain(t(locale, 'duration.systemTitp'));
    expect(text).toContain(t(locale, 'duration.whyTitpEarly'));
    expect(text).toContain(monthLabel({ year: 2028, month: 2 }, locale));
    expect(text).toContain(t(locale, 'duration.titp.stage1End'));
    expect(text).toContain(monthLabel({ year: 2032, month: 3 }, locale));
    expect(text).toContain(t(locale, 'duration.confirm'));
    expect(text).toContain(t(locale, 'answer.source'));
    expect(text).toContain(shared.app.kb.get('titp-ending', locale)!.entry.sources[0]!.url);
    expect(timeline[0]?.rtl).toBe(locale === 'ur');
  });

  it('asks about certification for April–June 2027 and shows ESD when the plan is not certified', async () => {
    const { chat } = await durationChat(locale);
    const asked = await chat.userTaps({ a: 'pick', v: '2027-06' });
    expect(allText(asked)).toContain(t(locale, 'duration.certifiedPrompt'));
    const esd = await chat.userTaps({ a: 'pick', v: 'no' });
    expect(allText(esd)).toContain(t(locale, 'duration.systemEsd'));
    expect(allText(esd)).toContain(t(locale, 'duration.whyEsdUncertified'));
    expect(allText(esd)).toContain(shared.app.kb.get('esd-overview', locale)!.entry.sources[0]!.url);
  });
});

describe('duration: edges and typed months', () => {
  it('keeps TITP for a certified plan entering in June 2027 and switches to ESD from July 2027', async () => {
    const june = await durationChat('en');
    await june.chat.userSays('June 2027');
    expect(allText(await june.chat.userSays('1'))).toContain(t('en', 'duration.systemTitp'));
    const july = await durationChat('en');
    const esd = await july.chat.userSays('2027-07');
    expect(allText(esd)).toContain(t('en', 'duration.systemEsd'));
    expect(allText(esd)).toContain(t('en', 'duration.whyEsdLate'));
    expect(allText(esd)).toContain('July 2030');
  });

  it('treats April 2027 as the first ESD month and March 2027 as the last TITP-only month', async () => {
    const april = await durationChat('en');
    expect(allText(await april.chat.userSays('april 2027'))).toContain(t('en', 'duration.certifiedPrompt'));
    const march = await durationChat('en');
    expect(allText(await march.chat.userSays('2027-03'))).toContain(t('en', 'duration.systemTitp'));
  });

  it('reads a month name typed in Thai and a start in a later year', async () => {
    const { chat } = await durationChat('th');
    const reply = await chat.userSays('มกราคม 2028');
    expect(allText(reply)).toContain(t('th', 'duration.systemEsd'));
    expect(allText(reply)).toContain(monthLabel({ year: 2031, month: 1 }, 'th'));
  });

  it('re-asks politely for a past month or gibberish, at most twice, then offers the menu', async () => {
    const { chat } = await durationChat('en');
    const past = await chat.userSays('2025-01');
    expect(allText(past)).toContain(t('en', 'duration.pastDate'));
    const gibberish = await chat.userSays('blorp');
    expect(allText(gibberish)).toContain(t('en', 'duration.invalidDate'));
    const giveUp = await chat.userSays('blorp again');
    expect(allText(giveUp)).toContain(t('en', 'errors.giveUp'));
    expect(allText(giveUp)).toContain(t('en', 'menu.prompt'));
  });

  it('reads a month typed in words it cannot parse as a month, and asks for it again, not as a question of its own', async () => {
    const { chat } = await durationChat('en');
    const reply = await chat.userSays('around next spring');
    expect(allText(reply)).toContain(t('en', 'duration.invalidDate'));
    expect(allText(reply)).not.toContain(t('en', 'none.text'));
  });

  it('uses the injected clock: at the end of a month the range starts that month', async () => {
    const endOfMonth = await buildTestApp({ clock: () => new Date('2027-01-31T23:59:00Z') });
    const chat = await Conversation.start({}, endOfMonth);
    const ask = await chat.userSays('duration');
    expect(ask[0]?.picker[0]?.value).toBe('2027-01');
    expect(ask[0]?.picker.at(-1)?.value).toBe('2029-12');
  });
});
