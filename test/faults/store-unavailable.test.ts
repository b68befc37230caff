import { mkdtempSync } from 'node:fs';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { azuriteConnectionString, startAzurite } from '../storage/azurite';
import { replyText, startHttpApp } from '../helpers/http-app';

/**
 * A TCP relay in front of Azurite, so the test can make the store vanish and return on the same address without
 * losing Azurite's data (a killed in-memory Azurite would come back empty, which no real outage does).
 */
class TcpProxy {
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  constructor(private readonly target: number) {}

  open(port = 0): Promise<number> {
    this.server = createServer((client) => {
      const upstream = connect(this.target, '127.0.0.1');
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    return new Promise((resolve) => this.server!.listen(port, '127.0.0.1', () => resolve((this.server!.address() as { port: number }).port)));
  }

  close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

describe('the state store becomes unavailable', () => {
  it('SQLite locked by another writer: the user is told in Thai, /healthz is 503, and it recovers by itself', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'bot-sqlite-')), 'bot.sqlite');
    const http = await startHttpApp({ STORAGE: 'sqlite', SQLITE_PATH: path, ANALYTICS_PATH: join(path, '..', 'a.sqlite') });
    try {
      expect(replyText((await http.say('c1', 'menu', { locale: 'th' })).replies)).toContain(http.app.translator.t('th', 'menu.prompt'));

      const locker = new Database(path);
      locker.exec('BEGIN EXCLUSIVE');
      const during = await http.say('c1', 'ไทย', { locale: 'th' });
      expect(during.replies.map((r) => r.text)).toContain(http.app.translator.t('th', 'errors.unavailable'));
      expect(replyText(during.replies)).not.toMatch(/SQLITE|locked|Error/);
      const degraded = await http.health();
      expect(degraded.status).toBe(503);
      expect(degraded.body.status).toBe('degraded');

      locker.exec('ROLLBACK');
      locker.close();
      expect((await http.health()).status).toBe(200);
      expect(replyText((await http.say('c1', 'menu', { locale: 'th' })).replies)).toContain(http.app.translator.t('th', 'menu.prompt'));
    } finally {
      await http.close();
    }
  }, 60_000);

  it('Azurite unreachable: the user is told, /healthz is 503, and when it is back the bot works again', async () => {
    const azurite = await startAzurite();
    const proxy = new TcpProxy(azurite.port);
    const port = await proxy.open();
    const http = await startHttpApp({ STORAGE: 'blob', BLOB_CONNECTION_STRING: azuriteConnectionString(port), BLOB_CONTAINER: 'fault-test' });
    try {
      expect(replyText((await http.say('c2', 'menu', { locale: 'vi-VN' })).replies)).toContain(http.app.translator.t('vi', 'menu.prompt'));
      await proxy.close();
      const during = await http.say('c2', 'menu', { locale: 'vi-VN' });
      expect(during.replies.map((r) => r.text)).toContain(http.app.translator.t('vi', 'errors.unavailable'));
      expect((await http.health()).status).toBe(503);
      await proxy.open(port);
      expect((await http.health()).status).toBe(200);
      expect(replyText((await http.say('c2', 'menu', { locale: 'vi-VN' })).replies)).toContain(http.app.translator.t('vi', 'menu.prompt'));
    } finally {
      await http.close();
      await proxy.close();
      await azurite.stop();
    }
  }, 90_000);
});
