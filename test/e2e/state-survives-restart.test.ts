import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/i18n/translator';
import { LOCALES_DIR, REPO_ROOT } from '../../src/paths';
import { freePort } from '../helpers/free-port';
import { ServiceUrlSink } from '../helpers/service-url-sink';
import { replyText, startHttpApp } from '../helpers/http-app';

const t = createTranslator(LOCALES_DIR);
const sink = new ServiceUrlSink();
beforeAll(() => sink.start());
afterAll(() => sink.stop());

async function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'src/index.ts')], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', PORT: String(port), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i += 1) {
    try {
      if ((await fetch(`${base}/healthz`)).status === 200) return { child, base };
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill('SIGKILL');
  throw new Error('server did not start');
}

async function say(base: string, text: string) {
  const since = sink.messages().length;
  const res = await fetch(`${base}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'message', text, channelId: 'emulator', serviceUrl: sink.url, conversation: { id: 'restart-1' }, from: { id: 'restart-user' }, recipient: { id: 'bot' } }),
  });
  expect(res.status).toBeLessThan(300);
  return replyText(await sink.waitForMessages(since));
}

describe('state that survives restarts', () => {
  it('continues in Thai, mid-dialog, after the process is killed with SIGKILL', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'restart-'));
    const env = { STORAGE: 'sqlite', SQLITE_PATH: join(dir, 'bot.sqlite'), ANALYTICS_PATH: join(dir, 'analytics.sqlite') };
    const first = await startServer(env);
    expect(await say(first.base, 'ไทย')).toContain(t.t('th', 'language.changed', { language: 'ไทย' }));
    expect(await say(first.base, 'sectors')).toContain(t.t('th', 'sectors.prompt'));
    const killed = new Promise((r) => first.child.once('exit', r));
    first.child.kill('SIGKILL');
    await killed;

    const second = await startServer(env);
    try {
      const reply = await say(second.base, '3');
      expect(reply).toContain(t.t('th', 'sectors.groups.construction'));
      expect(reply).toContain(t.t('th', 'sectors.labels.work'));
    } finally {
      second.child.kill('SIGTERM');
    }
  }, 60_000);
});

describe('concurrent messages in one conversation', () => {
  it('lose neither update', async () => {
    const http = await startHttpApp({ STORAGE: 'memory' });
    try {
      await Promise.all([http.say('same', 'ไทย'), http.say('same', 'sectors')]);
      const after = await http.say('same', '3');
      expect(replyText(after.replies)).toContain(http.app.translator.t('th', 'sectors.groups.construction'));
    } finally {
      await http.close();
    }
  });
});

describe('shutdown during load', () => {
  it('loses no state that was acknowledged', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shutdown-'));
    const env = { STORAGE: 'sqlite', SQLITE_PATH: join(dir, 'bot.sqlite'), ANALYTICS_PATH: join(dir, 'analytics.sqlite'), RATE_LIMIT_PER_MINUTE: '10000' };
    const first = await startServer(env);
    const exited = new Promise((r) => first.child.once('exit', (code) => r(code)));
    const post = (n: number) =>
      fetch(`${first.base}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'message', text: 'ไทย', channelId: 'emulator', serviceUrl: sink.url, conversation: { id: `load-${n}` }, from: { id: `load-user-${n}` }, recipient: { id: 'bot' } }),
      }).then(
        (res) => (res.status === 200 ? n : undefined),
        () => undefined,
      );
    const sent: Promise<number | undefined>[] = [];
    for (let n = 0; n < 60; n += 1) {
      sent.push(post(n));
      if (n === 30) first.child.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 5));
    }
    const acknowledged = (await Promise.all(sent)).filter((n): n is number => n !== undefined);
    expect(await exited).toBe(0);
    expect(acknowledged.length).toBeGreaterThan(0);

    const second = await startServer(env);
    try {
      for (const n of acknowledged) {
        const since = sink.messages().length;
        await fetch(`${second.base}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ type: 'message', text: 'menu', channelId: 'emulator', serviceUrl: sink.url, conversation: { id: `load-${n}` }, from: { id: `load-user-${n}` }, recipient: { id: 'bot' } }),
        });
        expect(replyText(await sink.waitForMessages(since)), `conversation ${n}`).toContain(t.t('th', 'menu.prompt'));
      }
    } finally {
      second.child.kill('SIGTERM');
    }
  }, 90_000);
});
