import { createServer, type Server } from 'node:http';
import type { Activity } from 'botbuilder';

/**
 * A local stand-in for a channel's Bot Connector service: the bot posts its replies here, and tests read them.
 * Listens on 127.0.0.1 only.
 */
export class ServiceUrlSink {
  readonly received: Partial<Activity>[] = [];
  private server?: Server;
  private waiters: { count: number; resolve: () => void }[] = [];
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        try {
          const activity = JSON.parse(body) as Partial<Activity>;
          this.received.push(activity);
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ id: `reply-${this.received.length}` }));
        } catch {
          res.writeHead(400);
          res.end();
        }
        this.waiters = this.waiters.filter((w) => (this.received.length >= w.count ? (w.resolve(), false) : true));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as { port: number };
    this.url = `http://127.0.0.1:${port}/`;
    return this;
  }

  /** Replies of type message (the bot also sends typing indicators). */
  messages(): Partial<Activity>[] {
    return this.received.filter((a) => a.type === 'message');
  }

  /** Resolves once `count` more messages than `since` have arrived, or rejects after `ms`. */
  async waitForMessages(since: number, count = 1, ms = 10_000): Promise<Partial<Activity>[]> {
    const deadline = Date.now() + ms;
    while (this.messages().length < since + count) {
      if (Date.now() > deadline) throw new Error(`only ${this.messages().length - since} of ${count} messages arrived`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return this.messages().slice(since);
  }

  /** Resolves once at least `count` replies have arrived in total, or rejects after `ms`. */
  waitFor(count: number, ms = 10_000): Promise<void> {
    if (this.received.length >= count) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`only ${this.received.length} of ${count} replies arrived`)), ms);
      this.waiters.push({ count, resolve: () => (clearTimeout(timer), resolve()) });
    });
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}
