import { beforeAll, describe, expect, it } from 'vitest';
import { allText, buildTestApp, Conversation } from '../helpers/conversation';
import { EVENT_NAMES } from '../../src/analytics/analytics';
import type { Locale } from '../../src/i18n/locales';

let shared: Awaited<ReturnType<typeof buildTestApp>>;
beforeAll(async () => {
  shared = await buildTestApp();
});

const lastOutcome = () => shared.telemetry.events.filter((e) => e.name === EVENT_NAMES.outcome).at(-1)!.properties!;

/** Two locales of each locale issue: South-East Asian, South Asian, East Asian. */
describe.each([
  { locale: 'id' as Locale, question: 'apakah perusahaan boleh menahan paspor saya', vague: 'ganti', outOfScope: 'resep nasi goreng enak' },
  { locale: 'km' as Locale, question: 'ក្រុមហ៊ុនអាចទុកលិខិតឆ្លងដែនរបស់ខ្ញុំបានទេ', vague: 'ប្រឡង', outOfScope: 'អាកាសធាតុថ្ងៃនេះ' },
  { locale: 'ne' as Locale, question: 'मेरो राहदानी कम्पनीले राख्न पाउँछ?', vague: 'pariksha', outOfScope: 'आजको मौसम कस्तो छ' },
  { locale: 'ur' as Locale, question: 'کیا کمپنی میرا پاسپورٹ رکھ سکتی ہے', vague: 'مرحلہ', outOfScope: 'آج موسم کیسا ہے' },
  { locale: 'zh' as Locale, question: '公司可以扣我的护照吗', vague: '签证', outOfScope: '今天天气怎么样' },
  { locale: 'ja' as Locale, question: '会社がパスポートをあずかるのは大丈夫ですか', vague: 'だんかい', outOfScope: 'きょうの天気はどうですか' },
])('a conversation in $locale', ({ locale, question, vague, outOfScope }) => {
  it('answers in the language with the right entry, asks "did you mean", and declines what it does not know', async () => {
    const chat = await Conversation.start({ channelLocale: locale }, shared);
    const t = (key: string) => shared.app.translator.t(locale, key);

    const answer = await chat.userSays(question);
    const entry = shared.app.kb.get('passport-retention', locale)!.entry;
    expect(entry.locale).toBe(locale);
    expect(answer[0]?.locale).toBe(locale);
    expect(allText(answer)).toContain(entry.title);
    expect(allText(answer)).toContain(entry.answer.slice(0, 30));
    expect(lastOutcome()).toMatchObject({ outcome: 'answer', entryId: 'passport-retention', locale });

    const clarify = await chat.userSays(vague);
    expect(allText(clarify)).toContain(t('clarify.prompt'));
    const offered = (clarify[0]?.values ?? []).filter((v) => v.a === 'entry').map((v) => (v as { id: string }).id);
    expect(offered.length).toBeGreaterThanOrEqual(2);
    for (const id of offered) expect(clarify[0]?.buttons).toContain(shared.app.kb.get(id, locale)!.entry.title);
    expect(lastOutcome()).toMatchObject({ outcome: 'clarify', locale });

    const none = await chat.userSays(outOfScope);
    expect(allText(none)).toContain(t('none.text'));
    expect(none[0]?.buttons).toContain(shared.app.kb.get('help-hotline', locale)!.entry.title);
    expect(lastOutcome()).toMatchObject({ outcome: 'none', locale });
  });
});
