import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpApp, type HttpApp } from '../helpers/http-app';

const RUNS = 5000;

/** Heap in use after a full collection (vitest runs workers with --expose-gc), so garbage does not count as growth. */
function settledHeap(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
}
const SEED = 20261127;

let http: HttpApp;
beforeAll(async () => {
  http = await startHttpApp({ STORAGE: 'memory', RATE_LIMIT_PER_MINUTE: '10000' });
});
afterAll(() => http?.close());

const nasty = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 50 }),
  fc.string({ unit: 'binary', maxLength: 50 }),
  fc.constantFrom('\u0000', '\uD800', 'a\uDFFFb', '<script>alert(1)</script>', '[x](http://evil)', '{{menu}}', '../../etc/passwd', '🇯🇵'.repeat(300)),
  fc.string({ minLength: 1900, maxLength: 2600 }),
);
const anyValue = fc.oneof(fc.jsonValue(), nasty, fc.integer(), fc.constant(null), fc.array(nasty, { maxLength: 3 }));

/** Activities that look almost right: a valid base with random fields replaced, dropped or added. */
function activityArbitrary(serviceUrl: string) {
  const base = fc.record({
    type: fc.oneof(fc.constantFrom('message', 'conversationUpdate', 'event', 'invoke', 'typing', 'installationUpdate', 'endOfConversation', 'messageReaction'), anyValue),
    text: fc.option(anyValue, { nil: undefined }),
    value: fc.option(anyValue, { nil: undefined }),
    locale: fc.option(fc.oneof(fc.constantFrom('vi-VN', 'ur', 'zz-ZZ', ''), anyValue), { nil: undefined }),
    name: fc.option(fc.oneof(fc.constant('setLocale'), nasty), { nil: undefined }),
    attachments: fc.option(fc.oneof(fc.array(fc.record({ contentType: nasty, content: anyValue }), { maxLength: 3 }), anyValue), { nil: undefined }),
    membersAdded: fc.option(fc.oneof(fc.array(fc.record({ id: nasty }), { maxLength: 3 }), anyValue), { nil: undefined }),
    entities: fc.option(anyValue, { nil: undefined }),
    channelData: fc.option(anyValue, { nil: undefined }),
    conversation: fc.oneof(fc.record({ id: fc.string({ minLength: 1, maxLength: 40 }) }), anyValue),
    from: fc.oneof(fc.record({ id: nasty }), anyValue),
    recipient: fc.oneof(fc.record({ id: nasty }), anyValue),
    channelId: fc.oneof(fc.constantFrom('emulator', 'msteams', 'webchat', 'sms'), anyValue),
    serviceUrl: fc.oneof(fc.constant(serviceUrl), nasty),
  });
  return base.map((a) => JSON.stringify(a));
}

describe('malformed input, property-based', () => {
  it(`answers ${RUNS} random or malformed bodies with a 4xx or a valid reply, never crashing, with bounded heap`, async () => {
    const bodies = fc.oneof(
      { weight: 6, arbitrary: activityArbitrary(http.sink.url) },
      { weight: 1, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v)) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
    );
    const heapBefore = settledHeap();
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(bodies, async (body) => {
        const res = await fetch(`${http.base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        await res.arrayBuffer();
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        return (res.status >= 200 && res.status < 300) || (res.status >= 400 && res.status < 500);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    expect((await http.health()).status).toBe(200);
    for (const reply of http.sink.received) expect(typeof reply.type).toBe('string');
    http.sink.received.length = 0;
    const growthMb = (settledHeap() - heapBefore) / 1024 / 1024;
    expect(growthMb).toBeLessThan(60);
    expect([...statuses.keys()].some((s) => s < 300)).toBe(true);
    expect([...statuses.keys()].some((s) => s === 400)).toBe(true);
  }, 300_000);
});
