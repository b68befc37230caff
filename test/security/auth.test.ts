import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app';
import { loadConfig } from '../../src/config';
import { ServiceUrlSink } from '../helpers/service-url-sink';

let app: App;
const sink = new ServiceUrlSink();

beforeAll(async () => {
  await sink.start();
  app = await createApp(
    loadConfig({
      LOG_LEVEL: 'silent',
      STORAGE: 'memory',
      MicrosoftAppId: '3f2b8c1e-5d4a-4b6f-9e2d-1a2b3c4d5e6f',
      MicrosoftAppPassword: 'not-a-real-password',
      HASH_SALT: 'a-long-enough-test-salt',
    }),
  );
});
afterAll(async () => {
  await app?.close();
  await sink.stop();
});

const messages = () => app.routes.find((r) => r.path === '/api/messages')!;
const activity = () => ({
  type: 'message',
  text: 'menu',
  channelId: 'emulator',
  serviceUrl: sink.url,
  conversation: { id: 'c-auth' },
  from: { id: 'u' },
  recipient: { id: 'b' },
});

describe('Bot Framework authentication with an app id configured', () => {
  it('refuses a request without a JWT with 401 and sends no reply', async () => {
    const response = await messages().handle({ method: 'POST', path: '/api/messages', headers: {}, params: {}, query: {}, body: activity() });
    expect(response.status).toBe(401);
    await new Promise((r) => setTimeout(r, 200));
    expect(sink.received).toHaveLength(0);
  });

  it('turns the local Web Chat connection off', () => {
    expect(app.config.LOCAL_WEBCHAT).toBe(false);
    expect(app.routes.some((r) => r.path.startsWith('/v3/directline'))).toBe(false);
    expect(app.routes.some((r) => r.path === '/api/webchat/session')).toBe(false);
  });
});
