import type restify from 'restify';
import { createApp, type App, type AppOverrides } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createServer, listen } from '../../src/index';
import { ServiceUrlSink } from './service-url-sink';

/** The real app behind the real server on an ephemeral port, with a local serviceUrl sink for its replies. */
export interface HttpApp {
  readonly app: App;
  readonly base: string;
  readonly sink: ServiceUrlSink;
  /** Posts an Emulator-style message and returns the messages the bot sent back for it. */
  say(conversation: string, text: string, extra?: Record<string, unknown>): Promise<{ status: number; replies: Record<string, unknown>[] }>;
  health(): Promise<{ status: number; body: Record<string, unknown> }>;
  close(): Promise<void>;
}

export async function startHttpApp(env: Record<string, string>, overrides: AppOverrides = {}): Promise<HttpApp> {
  const sink = await new ServiceUrlSink().start();
  const app = await createApp(loadConfig({ LOG_LEVEL: 'silent', ...env }), overrides);
  const server: restify.Server = createServer(app);
  const base = `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}`;
  let id = 0;
  return {
    app,
    base,
    sink,
    async say(conversation, text, extra = {}) {
      const since = sink.messages().length;
      id += 1;
      const res = await fetch(`${base}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'message',
          text,
          channelId: 'emulator',
          serviceUrl: sink.url,
          conversation: { id: conversation },
          from: { id: `user-${conversation}` },
          recipient: { id: 'bot' },
          id: `m-${id}`,
          ...extra,
        }),
      });
      await res.arrayBuffer();
      await new Promise((r) => setTimeout(r, 50));
      return { status: res.status, replies: sink.messages().slice(since) as Record<string, unknown>[] };
    },
    async health() {
      const res = await fetch(`${base}/healthz`);
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    },
    async close() {
      server.close();
      await app.close();
      await sink.stop();
    },
  };
}

/** Everything in a reply, card text included, as one string. */
export const replyText = (replies: Record<string, unknown>[]) => JSON.stringify(replies);
