import { MemoryStorage } from 'botbuilder';
import { beforeAll, describe, expect, it } from 'vitest';
import { allText, buildTestApp, Conversation } from '../helpers/conversation';
import { DIALOG_LOCALES } from '../helpers/locales-under-test';
import { readsAsQuestion } from '../../dialogs/root-dialog';
import type { Locale } from '../../src/i18n/locales';

let shared: Awaited<ReturnType<typeof buildTestApp>>;
beforeAll(async () => {
  shared = await buildTestApp();
});
const t = (locale: Locale, key: string) => shared.app.translator.t(locale, key);
const word = (locale: Locale, command: string) => shared.app.translator.list(locale, `commands.${command}`)[0]!;

describe('main menu', () => {
  it('has six entries that open their dialogs by id, and shows after "menu"', async () => {
    const chat = await Conversation.start({}, shared);
    const menu = await chat.userSays('menu');
    expect(menu[0]?.values).toEqual(['ask', 'sectors', 'duration', 'japanese', 'help', 'language'].map((to) => ({ a: 'go', to })));
    const ask = await chat.userTaps({ a: 'go', to: 'ask' });
    expect(allText(ask)).toContain(t('en', 'menu.askHint'));
  });
});

describe.each(DIALOG_LOCALES)('interruptions in every step (%s)', (locale) => {
  it.each(['menu', 'restart', 'cancel'])('"%s" in the user language leaves the dialog for the menu', async (command) => {
    const chat = await Conversation.start({ channelLocale: locale }, shared);
    await chat.userSays(word(locale, 'sectors'));
    const reply = await chat.userSays(word(locale, command));
    expect(allText(reply)).toContain(t(locale, 'menu.prompt'));
    const after = await chat.userSays('3');
    expect(allText(after)).not.toContain(t(locale, 'sectors.groups.construction'));
  });

  it('"help" and "language" work mid-dialog, in English too', async () => {
    const chat = await Conversation.start({ channelLocale: locale }, shared);
    await chat.userSays(word(locale, 'duration'));
    expect(allText(await chat.userSays('help'))).toContain(t(locale, 'help.otit'));
    await chat.userSays(word(locale, 'japanese'));
    expect(allText(await chat.userSays(word(locale, 'language')))).toContain(t(locale, 'country.prompt'));
  });

  it('answers a question typed mid-dialog, then resumes the dialog where it was', async () => {
    const chat = await Conversation.start({ channelLocale: locale }, shared);
    await chat.userSays(word(locale, 'japanese'));
    await chat.userTaps({ a: 'pick', v: 'n5' });
    const question = shared.app.kb.get('passport-retention', locale)!.entry.questions[0]!;
    const answered = await chat.userSays(question);
    expect(allText(answered)).toContain(shared.app.kb.get('passport-retention', locale)!.entry.title);
    expect(answered).toHaveLength(1);
    expect(answered[0]?.cardText).toContain(t(locale, 'dialog.resumePrompt'));
    expect(answered[0]?.values.slice(-2)).toEqual([
      { a: 'resume', yes: true },
      { a: 'resume', yes: false },
    ]);
    const resumed = await chat.userTaps({ a: 'resume', yes: true });
    expect(allText(resumed)).toContain(t(locale, 'japanese.sectorPrompt'));
    const plan = await chat.userTaps({ a: 'pick', v: 'construction' });
    expect(allText(plan)).toContain(t(locale, 'japanese.title'));
    for (const step of shared.app.translator.list(locale, 'japanese.plan.n5')) expect(allText(plan)).toContain(step);
  });
});

describe('a question the bot cannot answer while a question of its own is pending', () => {
  it('says it does not know and points to official help, then offers to go back, instead of "choose an option"', async () => {
    const chat = await Conversation.start({}, shared);
    await chat.userSays('sectors');
    const reply = await chat.userSays('what happens if I get pregnant?');
    expect(allText(reply)).toContain(t('en', 'none.text'));
    expect(allText(reply)).toContain(t('en', 'none.help'));
    expect(allText(reply)).toContain(t('en', 'dialog.resumePrompt'));
    expect(allText(reply)).not.toContain(t('en', 'errors.invalidChoice'));
    const back = await chat.userTaps({ a: 'resume', yes: true });
    expect(allText(back)).toContain(t('en', 'sectors.prompt'));
  });

  it('does the same for a first-time user who types a question instead of picking a country', async () => {
    const chat = await Conversation.start({ channelLocale: 'vi-VN' }, shared);
    const welcome = await chat.userJoins();
    expect(allText(welcome)).toContain(t('vi', 'country.prompt'));
    const reply = await chat.userSays('có thai có bị về nước không');
    expect(allText(reply)).toContain(t('vi', 'none.text'));
    expect(allText(reply)).toContain(t('vi', 'dialog.resumePrompt'));
    const back = await chat.userTaps({ a: 'resume', yes: true });
    expect(allText(back)).toContain(t('vi', 'country.prompt'));
  });

  it.each([
    ['what if I get pregnant?', true],
    ['how do taxes work here', true],
    ['ถ้าตั้งครรภ์ต้องกลับบ้านไหม', true],
    ['99', false],
    ['ha noi', false],
    ['2027-13', false],
    ['ไทย', false],
  ])('reads "%s" as a question of its own: %s', (text, expected) => {
    expect(readsAsQuestion(text)).toBe(expected);
  });

  it('while a month is asked, reads only a question mark as a question of its own', () => {
    expect(readsAsQuestion('from april next year', 'month')).toBe(false);
    expect(readsAsQuestion('what is a stage?', 'month')).toBe(true);
  });
});

describe('bad input', () => {
  it('declining to resume shows the menu', async () => {
    const chat = await Conversation.start({}, shared);
    await chat.userSays('sectors');
    await chat.userSays('can my boss keep my passport');
    const no = await chat.userTaps({ a: 'resume', yes: false });
    expect(allText(no)).toContain(t('en', 'menu.prompt'));
  });

  it('re-prompts an invalid choice politely twice, then offers the menu', async () => {
    const chat = await Conversation.start({}, shared);
    await chat.userSays('sectors');
    const first = await chat.userSays('99');
    expect(allText(first)).toContain(t('en', 'errors.invalidChoice'));
    expect(allText(first)).toContain(t('en', 'sectors.prompt'));
    const second = await chat.userSays('42');
    expect(allText(second)).toContain(t('en', 'errors.invalidChoice'));
    const third = await chat.userSays('77');
    expect(allText(third)).toContain(t('en', 'errors.giveUp'));
    expect(allText(third)).toContain(t('en', 'menu.prompt'));
  });

  it('answers a malformed or unknown card value with a polite re-prompt', async () => {
    const chat = await Conversation.start({}, shared);
    await chat.userSays('sectors');
    const reply = await chat.userTaps({ a: 'go', to: '../../etc/passwd' });
    expect(allText(reply)).toContain(t('en', 'errors.invalidChoice'));
    expect(allText(reply)).toContain(t('en', 'sectors.prompt'));
  });

  it('answers an attachment without text politely', async () => {
    const chat = await Conversation.start({}, shared);
    const reply = await chat.userSays('', { attachments: [{ contentType: 'image/png', contentUrl: 'http://127.0.0.1/x.png' }] });
    expect(allText(reply)).toBe(t('en', 'errors.unsupportedAttachment'));
  });

  it('asks for a shorter message over 2,000 characters, in the user language', async () => {
    const chat = await Conversation.start({ channelLocale: 'vi-VN' }, shared);
    const reply = await chat.userSays('a'.repeat(2001));
    expect(allText(reply)).toBe(shared.app.translator.t('vi', 'errors.tooLong', { max: 2000 }));
  });

  it('restarts gracefully when saved dialog state comes from an older version', async () => {
    const storage = new MemoryStorage();
    const app = await buildTestApp({ storage });
    const chat = await Conversation.start({}, app);
    await chat.userSays('sectors');
    const items = (storage as unknown as { memory: Record<string, string> }).memory;
    for (const [key, value] of Object.entries(items)) {
      if (!key.includes('/conversations/')) continue;
      const state = JSON.parse(value);
      state.session.version = 0;
      state.dialogState.dialogStack[0].state = { garbage: true };
      items[key] = JSON.stringify(state);
    }
    const reply = await chat.userSays('3');
    expect(allText(reply)).toContain(t('en', 'dialog.restartedOld'));
  });
});

describe('channels without cards', () => {
  it('sends numbered text and accepts "2" or the option name', async () => {
    const chat = await Conversation.start({ channelId: 'sms' }, shared);
    const menu = await chat.userSays('menu');
    expect(menu[0]?.raw.attachments ?? []).toHaveLength(0);
    expect(menu[0]?.text).toContain(`2. ${t('en', 'menu.sectors')}`);
    const sectors = await chat.userSays('2');
    expect(sectors[0]?.text).toContain(`3. ${t('en', 'sectors.groups.construction')}`);
    const byName = await chat.userSays(t('en', 'sectors.groups.fishery'));
    expect(byName[0]?.text).toContain(shared.app.kb.get('sector-fishery', 'en')!.entry.sector!.work);
  });

  it('numbers "go back to where you were?" after an answer mid-dialog, and its number resumes the dialog', async () => {
    const chat = await Conversation.start({ channelId: 'sms' }, shared);
    await chat.userSays('sectors');
    const answered = await chat.userSays('can my boss keep my passport');
    expect(answered).toHaveLength(1);
    const text = answered[0]!.text;
    expect(text).toContain(shared.app.kb.get('passport-retention', 'en')!.entry.title);
    const goBack = new RegExp(`^(\\d+)\\. ${t('en', 'dialog.resumeYes')}$`, 'm').exec(text);
    expect(text.indexOf(t('en', 'dialog.resumePrompt'))).toBeGreaterThan(text.indexOf(t('en', 'answer.source')));
    const resumed = await chat.userSays(goBack![1]!);
    expect(resumed[0]?.text).toContain(t('en', 'sectors.prompt'));
  });

  it('honours a client that asks for text only', async () => {
    const chat = await Conversation.start({ channelData: { textOnly: true } }, shared);
    const menu = await chat.userSays('menu');
    expect(menu[0]?.raw.attachments ?? []).toHaveLength(0);
  });
});
