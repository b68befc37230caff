import { beforeAll, describe, expect, it } from 'vitest';
import { allText, buildTestApp, Conversation } from '../helpers/conversation';
import { DIALOG_LOCALES } from '../helpers/locales-under-test';
import { SECTOR_GROUPS } from '../../src/knowledge/schema';
import type { Locale } from '../../src/i18n/locales';

let shared: Awaited<ReturnType<typeof buildTestApp>>;
beforeAll(async () => {
  shared = await buildTestApp();
});
const t = (locale: Locale, key: string) => shared.app.translator.t(locale, key);

describe.each(DIALOG_LOCALES)('sectors and jobs (%s)', (locale) => {
  it('offers the eight sector groups and shows the chosen one with its facts, source and follow-ups', async () => {
    const chat = await Conversation.start({ channelLocale: locale }, shared);
    const ask = await chat.userSays(t(locale, 'menu.sectors'));
    expect(allText(ask)).toContain(t(locale, 'sectors.prompt'));
    expect(ask[0]?.values).toEqual(SECTOR_GROUPS.map((g) => ({ a: 'pick', v: g })));
    expect(ask[0]?.buttons).toEqual(SECTOR_GROUPS.map((g) => t(locale, `sectors.groups.${g}`)));

    const nursing = await chat.userTaps({ a: 'pick', v: 'nursing-care' });
    const facts = shared.app.kb.get('sector-nursing-care', locale)!.entry.sector!;
    const text = allText(nursing);
    expect(nursing[0]?.locale).toBe(locale);
    expect(nursing[0]?.rtl).toBe(locale === 'ur');
    expect(text).toContain(t(locale, 'sectors.groups.nursing-care'));
    expect(text).toContain(facts.work);
    expect(text).toContain(facts.share);
    expect(text).toContain(facts.stages);
    expect(text).toContain(facts.nextPath);
    expect(text).toContain(facts.japanese);
    expect(text).toContain('https://');
    expect(nursing[0]?.values).toEqual([
      { a: 'go', to: 'sectors' },
      { a: 'go', to: 'duration' },
      { a: 'go', to: 'japanese' },
    ]);
    expect(allText(nursing.slice(-1))).toContain(t(locale, 'menu.prompt'));
  });
});

describe('sectors: typed answers', () => {
  it('accepts the number or the name of a sector, in the user language or English', async () => {
    const chat = await Conversation.start({ channelLocale: 'th' }, shared);
    await chat.userSays('sectors');
    const byNumber = await chat.userSays('3');
    expect(allText(byNumber)).toContain(t('th', 'sectors.groups.construction'));
    await chat.userSays('sectors');
    const byEnglish = await chat.userSays('Fishery');
    expect(allText(byEnglish)).toContain(t('th', 'sectors.groups.fishery'));
  });

  it('mentions the N4 entry requirement for nursing care in English', async () => {
    const chat = await Conversation.start({}, shared);
    await chat.userSays('sectors');
    expect(allText(await chat.userSays('nursing care'))).toMatch(/N4/);
  });
});
