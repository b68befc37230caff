import { beforeAll, describe, expect, it } from 'vitest';
import { allText, buildTestApp, Conversation } from '../helpers/conversation';
import { DIALOG_LOCALES } from '../helpers/locales-under-test';
import type { Locale } from '../../src/i18n/locales';

let shared: Awaited<ReturnType<typeof buildTestApp>>;
beforeAll(async () => {
  shared = await buildTestApp();
});
const t = (locale: Locale, key: string) => shared.app.translator.t(locale, key);

describe.each(DIALOG_LOCALES)('Japanese training (%s)', (locale) => {
  it('asks the level and the sector, then gives requirements, courses, a plan, free resources and tests', async () => {
    const chat = await Conversation.start({ channelLocale: locale }, shared);
    const level = await chat.userSays(t(locale, 'menu.japanese'));
    expect(allText(level)).toContain(t(locale, 'japanese.levelPrompt'));
    expect(level[0]?.values.map((v) => (v as { v: string }).v)).toEqual(['none', 'kana', 'n5', 'n4', 'n3']);
    const sector = await chat.userTaps({ a: 'pick', v: 'kana' });
    expect(allText(sector)).toContain(t(locale, 'japanese.sectorPrompt'));
    const plan = await chat.userTaps({ a: 'pick', v: 'nursing-care' });
    const text = allText(plan);
    expect(text).toContain(t(locale, 'japanese.requiredNursing'));
    expect(text).toContain(t(locale, 'japanese.requiredEsd'));
    expect(text).toContain(t(locale, 'japanese.courses'));
    for (const step of shared.app.translator.list(locale, 'japanese.plan.kana')) expect(text).toContain(step);
    for (const url of ['https://www.irodori.jpf.go.jp/', 'https://www.nhk.or.jp/lesson/', 'https://www.jlpt.jp/e/', 'https://www.jpf.go.jp/jft-basic/']) {
      expect(text).toContain(url);
    }
    expect(text).toContain(t(locale, 'japanese.tests'));
    expect(text).toContain(t(locale, 'answer.source'));
    expect(text).toContain(shared.app.kb.get('japanese-requirements', locale)!.entry.sources[0]!.url);
    expect(plan[0]?.rtl).toBe(locale === 'ur');
  });
});

describe('Japanese training: the requirement depends on the sector', () => {
  it('says no fixed entry level for construction', async () => {
    const chat = await Conversation.start({}, shared);
    await chat.userSays('japanese');
    await chat.userSays('none');
    const plan = await chat.userSays('construction');
    expect(allText(plan)).toContain(t('en', 'japanese.requiredGeneral'));
    expect(allText(plan)).not.toContain(t('en', 'japanese.requiredNursing'));
  });
});
