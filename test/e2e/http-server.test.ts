import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type restify from 'restify';
import { createApp, type App } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createServer, listen } from '../../src/index';
import { ServiceUrlSink } from '../helpers/service-url-sink';

let app: App;
let server: restify.Server;
let base: string;
const sink = new ServiceUrlSink();

beforeAll(async () => {
  await sink.start();
  app = await createApp(loadConfig({ LOG_LEVEL: 'silent', STORAGE: 'memory', PORT: '0' }));
  server = createServer(app);
  const port = await listen(server, 0, '127.0.0.1');
  base = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  server?.close();
  await app?.close();
  await sink.stop();
});

const post = (body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  fetch(`${base}/api/messages`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });

let counter = 0;
/** An activity shaped like the ones the Bot Framework Emulator posts. */
function emulatorActivity(extra: Record<string, unknown>, conversation = 'conv-e2e-1') {
  counter += 1;
  return {
    channelId: 'emulator',
    serviceUrl: sink.url,
    conversation: { id: conversation },
    from: { id: `user-${conversation}`, name: 'User', role: 'user' },
    recipient: { id: 'bot-e2e', name: 'Bot', role: 'bot' },
    id: `act-${counter}`,
    timestamp: new Date().toISOString(),
    localTimestamp: new Date().toISOString(),
    ...extra,
  };
}

const cardText = (activities: { attachments?: unknown }[]) => JSON.stringify(activities.map((a) => a.attachments));

describe('the real server over HTTP, driven like the Emulator', () => {
  it('answers /healthz with the version, the loaded locales and the uptime', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; version: string; locales: string[]; uptimeSeconds: number };
    expect(body.status).toBe('ok');
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(body.locales).toHaveLength(19);
    expect(body.uptimeSeconds).toBeGreaterThanOrEqual(0);
  });

  it('welcomes in Vietnamese, replies in the message locale, reads a card submit and declines an attachment', async () => {
    let since = sink.messages().length;
    expect((await post(emulatorActivity({ type: 'conversationUpdate', membersAdded: [{ id: 'bot-e2e' }, { id: 'user-conv-e2e-1' }], locale: 'vi-VN' }))).status).toBeLessThan(300);
    const welcome = await sink.waitForMessages(since);
    expect(welcome[0]?.locale).toBe('vi');
    expect(cardText(welcome)).toContain(app.translator.t('vi', 'welcome.intro'));
    expect(welcome[0]?.conversation?.id).toBe('conv-e2e-1');

    since = sink.messages().length;
    await post(emulatorActivity({ type: 'message', text: 'menu', locale: 'vi-VN', textFormat: 'plain' }));
    const menu = await sink.waitForMessages(since);
    expect(menu[0]?.locale).toBe('vi');
    expect(cardText(menu)).toContain(app.translator.t('vi', 'menu.prompt'));

    since = sink.messages().length;
    await post(emulatorActivity({ type: 'message', value: { a: 'go', to: 'sectors' }, locale: 'vi-VN' }));
    const sectors = await sink.waitForMessages(since);
    expect(cardText(sectors)).toContain(app.translator.t('vi', 'sectors.prompt'));

    since = sink.messages().length;
    await post(emulatorActivity({ type: 'message', locale: 'vi-VN', attachments: [{ contentType: 'image/png', contentUrl: 'http://127.0.0.1:1/photo.png', name: 'photo.png' }] }));
    const declined = await sink.waitForMessages(since);
    expect(declined[0]?.text).toBe(app.translator.t('vi', 'errors.unsupportedAttachment'));
  });

  it('refuses invalid JSON and an activity without a type with 400, and keeps serving', async () => {
    const broken = await post('{"type": "message", ');
    expect(broken.status).toBe(400);
    const untyped = await post(emulatorActivity({ text: 'hello' }));
    expect(untyped.status).toBe(400);
    expect(((await untyped.json()) as { error: { message: string } }).error.message).toContain('type');
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it('refuses a body over 256 KB with 413, also when it comes without a declared length', async () => {
    const big = JSON.stringify(emulatorActivity({ type: 'message', text: 'x'.repeat(300 * 1024) }));
    const res = await post(big);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('PayloadTooLarge');
    const chunks = new ReadableStream({
      start(controller) {
        for (let at = 0; at < big.length; at += 64 * 1024) controller.enqueue(new TextEncoder().encode(big.slice(at, at + 64 * 1024)));
        controller.close();
      },
    });
    const chunked = await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: chunks, duplex: 'half' } as RequestInit);
    expect(chunked.status).toBe(413);
  });

  it('refuses a compressed body with 415, because its size after inflating is unknown', async () => {
    const small = gzipSync(JSON.stringify(emulatorActivity({ type: 'message', text: 'hello' })));
    const res = await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, body: small });
    expect(res.status).toBe(415);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it('reads JSON bodies only: an upload or a form is refused, over 256 KB with 413, and nothing is written to disk', async () => {
    const uploadsBefore = readdirSync(tmpdir()).filter((name) => name.startsWith('upload_'));
    const upload = (bytes: number) => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(bytes)]), 'big.bin');
      return fetch(`${base}/api/messages`, { method: 'POST', body: form });
    };
    expect((await upload(300 * 1024)).status).toBe(413);
    const small = await upload(10 * 1024);
    expect(small.status).toBe(400);
    const form = await post('type=message&text=hello', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(400);
    expect(readdirSync(tmpdir()).filter((name) => name.startsWith('upload_'))).toEqual(uploadsBefore);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it('asks politely for a shorter message over 2,000 characters, in the user language', async () => {
    const since = sink.messages().length;
    await post(emulatorActivity({ type: 'message', text: 'ว'.repeat(2001), locale: 'th-TH' }, 'conv-e2e-2'));
    const reply = await sink.waitForMessages(since);
    expect(reply[0]?.text).toBe(app.translator.t('th', 'errors.tooLong', { max: 2000 }));
  });
});
