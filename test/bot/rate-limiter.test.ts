import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../src/bot/rate-limiter';
import { allText, buildTestApp, Conversation } from '../helpers/conversation';

describe('RateLimiter', () => {
  it('allows the limit, warns once, drops the rest until the window passes, per conversation', () => {
    let now = 0;
    const limiter = new RateLimiter(3, 60_000, () => now);
    expect(['a', 'a', 'a', 'a', 'a'].map((k) => limiter.check(k))).toEqual(['allow', 'allow', 'allow', 'warn', 'drop']);
    expect(limiter.check('b')).toBe('allow');
    now = 60_000;
    expect(limiter.check('a')).toBe('allow');
  });
});

describe('rate limit in the bot', () => {
  it('says "please slow down" once in the user language, then stays silent, without touching other conversations', async () => {
    const shared = await buildTestApp({ env: { RATE_LIMIT_PER_MINUTE: '3' } });
    const chat = await Conversation.start({ channelLocale: 'vi-VN' }, shared);
    for (let i = 0; i < 3; i += 1) expect((await chat.userSays('menu')).length).toBeGreaterThan(0);
    expect(allText(await chat.userSays('menu'))).toBe(shared.app.translator.t('vi', 'errors.slowDown'));
    expect(await chat.userSays('menu')).toEqual([]);
    const other = await Conversation.start({ channelLocale: 'vi-VN' }, shared);
    expect((await other.userSays('menu')).length).toBeGreaterThan(0);
  });
});
