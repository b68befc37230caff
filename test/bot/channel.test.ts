import { describe, expect, it } from 'vitest';
import { stripMentions, supportsCards } from '../../src/bot/channel';

describe('stripMentions', () => {
  it('removes the Teams @mention of the bot before search', () => {
    const text = stripMentions({
      text: '<at>TITP guide</at> how long can I stay?',
      recipient: { id: 'bot-1', name: 'TITP guide' },
      entities: [{ type: 'mention', mentioned: { id: 'bot-1', name: 'TITP guide' }, text: '<at>TITP guide</at>' }],
    });
    expect(text).toBe('how long can I stay?');
  });

  it('leaves other text alone', () => {
    expect(stripMentions({ text: '  what about  fees ' })).toBe('what about fees');
  });
});

describe('supportsCards', () => {
  it.each([
    [{ channelId: 'msteams' }, true],
    [{ channelId: 'webchat' }, true],
    [{ channelId: 'emulator' }, true],
    [{ channelId: 'sms' }, false],
    [{ channelId: 'webchat', channelData: { textOnly: true } }, false],
  ])('%o → %s', (activity, expected) => {
    expect(supportsCards(activity)).toBe(expected);
  });
});
