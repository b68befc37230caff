import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger';
import { replyText, startHttpApp } from './helpers/http-app';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config';
import { ServiceUrlSink } from './helpers/service-url-sink';
import { REPO_ROOT } from '../src/paths';
import { modulesLoadedByApp } from './helpers/loaded-modules';

function captureLogs() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, logger: createLogger('info', stream) };
}

describe('turn errors', () => {
  it('logs with a correlation id, apologises in the user language without internals, and resets the conversation', async () => {
    const { lines, logger } = captureLogs();
    const failing = {
      search: () => {
        throw new Error('index exploded at /secret/path');
      },
    };
    const http = await startHttpApp({ STORAGE: 'memory' }, { logger, search: failing });
    try {
      await http.say('err-1', 'sectors', { locale: 'th' });
      const reply = await http.say('err-1', 'ญี่ปุ่น ทำงาน กี่ ปี', { locale: 'th' });
      expect(reply.replies.map((r) => r.text)).toContain(http.app.translator.t('th', 'errors.turn'));
      expect(replyText(reply.replies)).not.toContain('exploded');
      expect(replyText(reply.replies)).not.toContain('/secret');
      const error = lines.find((l) => l.msg === 'turn failed')!;
      expect(error.correlationId).toMatch(/^[0-9a-f-]{36}$/);
      const after = await http.say('err-1', '3', { locale: 'th' });
      expect(replyText(after.replies)).not.toContain(http.app.translator.t('th', 'sectors.groups.construction'));
    } finally {
      await http.close();
    }
  });
});

describe('turn logs', () => {
  it('writes one JSON line per turn with a hashed conversation id, locale, type and duration, never the text', async () => {
    const { lines, logger } = captureLogs();
    const app = await createApp(loadConfig({ STORAGE: 'memory' }), { logger });
    const sink = await new ServiceUrlSink().start();
    const body = {
      type: 'message',
      text: 'my secret question about passports',
      channelId: 'emulator',
      serviceUrl: sink.url,
      conversation: { id: 'conversation-in-clear' },
      from: { id: 'u1' },
      recipient: { id: 'b1' },
      locale: 'vi-VN',
    };
    const messages = app.routes.find((r) => r.path === '/api/messages')!;
    await messages.handle({ method: 'POST', path: '/api/messages', headers: {}, params: {}, query: {}, body });
    await sink.stop();
    expect(sink.received.length).toBeGreaterThan(0);
    const turn = lines.find((l) => l.msg === 'turn')!;
    expect(turn).toMatchObject({ locale: 'vi', type: 'message', ok: true });
    expect(turn.conversation).toMatch(/^[0-9a-f]{16}$/);
    expect(typeof turn.ms).toBe('number');
    const everything = JSON.stringify(lines);
    expect(everything).not.toContain('my secret question');
    expect(everything).not.toContain('conversation-in-clear');
  });
});

describe('start-up footprint', () => {
  it("loads restify's server and three plugins, not its index with every plugin, the multipart parser and a second pino", () => {
    const loaded = modulesLoadedByApp();
    expect(loaded.some((file) => file.endsWith('/restify/lib/server.js'))).toBe(true);
    expect(loaded.filter((file) => /\/restify\/lib\/(index|plugins\/index|plugins\/multipartBodyParser)\.js$/.test(file))).toEqual([]);
    expect(loaded.filter((file) => file.includes('/formidable/') || file.includes('/restify/node_modules/pino/'))).toEqual([]);
  });

  it('loads one zod, shared with botbuilder, and only the Traditional → Simplified tables of opencc-js', () => {
    const loaded = modulesLoadedByApp();
    const zodCopies = new Set(loaded.flatMap((file) => /^(.*\/node_modules\/zod)\//.exec(file)?.[1] ?? []));
    expect([...zodCopies]).toEqual([join(REPO_ROOT, 'node_modules/zod').replaceAll('\\', '/')]);
    expect(loaded.some((file) => file.endsWith('opencc-js/dist/umd/t2cn.js'))).toBe(true);
    expect(loaded.filter((file) => file.includes('/opencc-js/') && !file.endsWith('t2cn.js'))).toEqual([]);
  });
});
