import { createServer as createHttpServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type restify from 'restify';
import { createApp, type App } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createServer, listen } from '../../src/index';

let app: App;
let server: restify.Server;
let base: string;

beforeAll(async () => {
  app = await createApp(loadConfig({ LOG_LEVEL: 'silent', STORAGE: 'memory' }));
  server = createServer(app);
  base = `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}`;
});
afterAll(async () => {
  server?.close();
  await app?.close();
});

async function json(path: string, init: RequestInit = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${base}${path}`, init);
  return { status: res.status, body: (await res.json().catch(() => ({}))) as Record<string, unknown> };
}

async function poll(conversationId: string, token: string, watermark: string, predicate: (a: Record<string, unknown>[]) => boolean) {
  for (let i = 0; i < 100; i += 1) {
    const { body } = await json(`/v3/directline/conversations/${conversationId}/activities?watermark=${watermark}`, { headers: { authorization: `Bearer ${token}` } });
    const activities = body.activities as Record<string, unknown>[];
    if (predicate(activities)) return { activities, watermark: body.watermark as string };
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('no matching activities');
}

describe('the local Direct Line endpoint (what Web Chat talks to)', () => {
  it('issues a session, starts a conversation with a welcome in the session locale, and answers a message', async () => {
    const session = await json('/api/webchat/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ locale: 'th' }) });
    const token = session.body.token as string;
    const started = await json('/v3/directline/conversations', { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect(started.status).toBe(201);
    const id = started.body.conversationId as string;

    const first = await poll(id, token, '0', (a) => a.some((x) => x.type === 'message'));
    const welcome = first.activities.find((a) => a.type === 'message')!;
    expect(welcome.locale).toBe('th');
    expect(JSON.stringify(welcome.attachments)).toContain(app.translator.t('th', 'welcome.intro'));

    const posted = await json(`/v3/directline/conversations/${id}/activities`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'menu', locale: 'th-TH', from: { id: session.body.userId }, channelData: { clientActivityID: 'c1' } }),
    });
    expect(posted.status).toBe(200);
    const next = await poll(id, token, first.watermark, (a) => a.some((x) => x.type === 'message' && (x.from as { role?: string }).role === 'bot'));
    const echo = next.activities.find((a) => (a.from as { role?: string }).role === 'user')!;
    expect(echo.id).toBe(posted.body.id);
    expect((echo.channelData as { clientActivityID: string }).clientActivityID).toBe('c1');
    expect(next.activities.some((a) => a.type === 'typing')).toBe(true);
    expect(JSON.stringify(next.activities)).toContain(app.translator.t('th', 'menu.prompt'));
  });

  it('switches the bot language when the page sends setLocale', async () => {
    const session = await json('/api/webchat/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    const token = session.body.token as string;
    const id = (await json('/v3/directline/conversations', { method: 'POST', headers: { authorization: `Bearer ${token}` } })).body.conversationId as string;
    const first = await poll(id, token, '0', (a) => a.some((x) => x.type === 'message'));
    await json(`/v3/directline/conversations/${id}/activities`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'event', name: 'setLocale', value: 'ur' }),
    });
    const next = await poll(id, token, first.watermark, (a) => a.some((x) => x.type === 'message' && (x.from as { role?: string }).role === 'bot'));
    expect(JSON.stringify(next.activities)).toContain(app.translator.t('ur', 'language.changed', { language: 'اردو' }));
  });

  it('refuses calls without the conversation token and malformed activities', async () => {
    expect((await json('/v3/directline/conversations', { method: 'POST' })).status).toBe(403);
    const a = await json('/api/webchat/session', { method: 'POST' });
    const b = await json('/api/webchat/session', { method: 'POST' });
    const id = (await json('/v3/directline/conversations', { method: 'POST', headers: { authorization: `Bearer ${a.body.token}` } })).body.conversationId as string;
    expect((await json(`/v3/directline/conversations/${id}/activities`, { headers: { authorization: `Bearer ${b.body.token}` } })).status).toBe(403);
    const bad = await json(`/v3/directline/conversations/${id}/activities`, {
      method: 'POST',
      headers: { authorization: `Bearer ${a.body.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'invoke', text: 1 }),
    });
    expect(bad.status).toBe(400);
  });

  it('serves the page, the Web Chat bundle from node_modules and strings for locales Web Chat lacks', async () => {
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('/vendor/webchat.js');
    const bundle = await fetch(`${base}/vendor/webchat.js`);
    expect(bundle.status).toBe(200);
    expect(Number(bundle.headers.get('content-length') ?? (await bundle.arrayBuffer()).byteLength)).toBeGreaterThan(1_000_000);
    for (const locale of ['bn', 'km', 'lo', 'ur', 'fil', 'my', 'mn', 'ne', 'si', 'uz', 'ta']) {
      const { body } = await json(`/api/webchat/strings/${locale}`);
      const strings = body.webchat as Record<string, string>;
      expect(strings.TEXT_INPUT_PLACEHOLDER).toBe(app.translator.t(locale as never, 'webchat.placeholder'));
      expect(strings.TEXT_INPUT_PLACEHOLDER).not.toBe(app.translator.t('en', 'webchat.placeholder'));
    }
    expect((await json('/api/webchat/strings/ur')).body.rtl).toBe(true);
    expect((await json('/api/webchat/strings/xx')).status).toBe(404);
    expect((await fetch(`${base}/public/..%2Fpackage.json`)).status).toBe(404);
  });
});

describe('production configuration', () => {
  let fake: Server;
  let fakeUrl: string;
  const seen: { auth?: string; body?: string }[] = [];
  beforeAll(async () => {
    fake = createHttpServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        seen.push({ auth: req.headers.authorization, body });
        if (req.url !== '/v3/directline/tokens/generate') return void res.writeHead(404).end();
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ conversationId: 'dl-conv', token: 'short-lived-token', expires_in: 3600 }));
      });
    });
    await new Promise<void>((r) => fake.listen(0, '127.0.0.1', r));
    fakeUrl = `http://127.0.0.1:${(fake.address() as { port: number }).port}`;
  });
  afterAll(() => fake?.close());

  it('exchanges the Direct Line secret for a token without ever sending the secret to the browser', async () => {
    const prod = await createApp(
      loadConfig({ LOG_LEVEL: 'silent', STORAGE: 'memory', MicrosoftAppId: '3f2b8c1e-5d4a-4b6f-9e2d-1a2b3c4d5e6f', MicrosoftAppPassword: 'pw', HASH_SALT: 'a-long-enough-test-salt', DIRECTLINE_SECRET: 'top-secret-value', DIRECTLINE_ENDPOINT: fakeUrl }),
    );
    const route = (method: string, path: string) => prod.routes.find((r) => r.method === method && r.path === path);
    const tokenRoute = route('POST', '/api/directline/token')!;
    const response = await tokenRoute.handle({ method: 'POST', path: '/api/directline/token', headers: {}, params: {}, query: {}, body: undefined });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ token: 'short-lived-token', conversationId: 'dl-conv' });
    expect(JSON.stringify(response.body)).not.toContain('top-secret-value');
    expect(seen.at(-1)?.auth).toBe('Bearer top-secret-value');
    expect(JSON.parse(seen.at(-1)!.body!).user.id).toMatch(/^dl_/);
    expect(route('POST', '/v3/directline/conversations')).toBeUndefined();
    expect(route('POST', '/api/webchat/session')).toBeUndefined();
    const config = await route('GET', '/api/webchat/config')!.handle({ method: 'GET', path: '/api/webchat/config', headers: {}, params: {}, query: {}, body: undefined });
    expect((config.body as { mode: string }).mode).toBe('directline');
    await prod.close();
  });
});
