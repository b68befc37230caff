import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { BotTelemetryClient, TelemetryEvent } from 'botbuilder';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Analytics, cutText, EVENT_NAMES, MAX_KEPT_TEXT, type EventOrigin } from '../../src/analytics/analytics';
import { SqliteTelemetryClient } from '../../src/analytics/sqlite-telemetry-client';
import { hashId } from '../../src/logger';

const SALT = 'test-salt-0123456789abcdef';
const origin: EventOrigin = { userId: 'user-RAW-29:1abc', conversationId: 'conv-RAW-a:1xyz', locale: 'vi', channelId: 'msteams' };

interface Row {
  name: string;
  user: string;
  conversation: string;
  locale: string;
  channel: string;
  outcome: string | null;
  entry_id: string | null;
  helpful: number | null;
  confidence: number | null;
  text: string | null;
  properties: string;
  metrics: string;
}

let dir: string;
let path: string;
let client: SqliteTelemetryClient;
let analytics: Analytics;

function rows(): Row[] {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare('SELECT * FROM events ORDER BY id').all() as Row[];
  } finally {
    db.close();
  }
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'analytics-'));
  path = join(dir, 'analytics.sqlite');
  client = new SqliteTelemetryClient({ path, retentionDays: 90 });
  analytics = new Analytics(client, SALT);
});
afterEach(() => {
  client.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('Analytics → SqliteTelemetryClient', () => {
  it('records an answer with hashed ids, its entry and confidence, and no text', () => {
    analytics.outcome(origin, 'answer', 'visa-change', 0.91, ['visa-change', 'visa-renew'], 'How do I change my visa? my name is Nguyen');
    const [row] = rows();
    expect(row).toMatchObject({
      name: EVENT_NAMES.outcome,
      user: hashId(origin.userId, SALT),
      conversation: hashId(origin.conversationId, SALT),
      locale: 'vi',
      channel: 'msteams',
      outcome: 'answer',
      entry_id: 'visa-change',
      confidence: 0.91,
      text: null,
    });
    expect(row!.user).toMatch(/^[0-9a-f]{16}$/);
    expect(JSON.parse(row!.properties)).toEqual({ candidates: 'visa-change,visa-renew' });
  });

  it('never writes raw ids or answered text anywhere in the database files', () => {
    analytics.outcome(origin, 'answer', 'visa-change', 0.9, [], 'SECRET-ANSWERED-QUESTION');
    analytics.feedback(origin, 'visa-change', true);
    analytics.noneOfThese(origin);
    client.close();
    for (const file of readdirSync(dir)) {
      const bytes = readFileSync(join(dir, file)).toString('latin1');
      expect(bytes).not.toContain('user-RAW');
      expect(bytes).not.toContain('conv-RAW');
      expect(bytes).not.toContain('SECRET-ANSWERED-QUESTION');
    }
  });

  it('keeps the text of none and clarify outcomes, cut to 500 characters', () => {
    const long = 'x'.repeat(MAX_KEPT_TEXT + 300);
    analytics.outcome(origin, 'none', null, 0.1, [], long);
    analytics.outcome(origin, 'clarify', null, 0.5, ['a', 'b'], 'short question');
    const [none, clarify] = rows();
    expect(none!.text).toHaveLength(MAX_KEPT_TEXT);
    expect(none!.entry_id).toBeNull();
    expect(clarify!.text).toBe('short question');
    expect(JSON.parse(clarify!.properties)).toEqual({ candidates: 'a,b' });
  });

  it('records feedback as helpful 1/0 with the entry', () => {
    analytics.feedback(origin, 'pay-slip', true);
    analytics.feedback(origin, 'pay-slip', false);
    expect(rows().map((r) => [r.name, r.entry_id, r.helpful])).toEqual([
      [EVENT_NAMES.feedback, 'pay-slip', 1],
      [EVENT_NAMES.feedback, 'pay-slip', 0],
    ]);
  });

  it('cuts text even when a caller bypasses Analytics', () => {
    client.trackEvent({ name: 'custom', properties: { text: 'y'.repeat(2_000) } });
    expect(rows()[0]!.text).toHaveLength(MAX_KEPT_TEXT);
  });

  it('sends the same properties through any BotTelemetryClient', () => {
    const events: TelemetryEvent[] = [];
    const fake: BotTelemetryClient = { trackEvent: (e) => events.push(e), trackDependency() {}, trackException() {}, trackTrace() {}, flush() {} };
    new Analytics(fake, SALT).outcome({ ...origin, channelId: undefined }, 'answer', 'x', 1, [], 'text');
    expect(events[0]).toEqual({
      name: EVENT_NAMES.outcome,
      properties: { user: hashId(origin.userId, SALT), conversation: hashId(origin.conversationId, SALT), locale: 'vi', channel: 'unknown', outcome: 'answer', entryId: 'x', candidates: '' },
      metrics: { confidence: 1 },
    });
  });

  it('does not throw when the database is gone (a turn must never fail on analytics)', () => {
    client.close();
    expect(() => analytics.outcome(origin, 'none', null, 0, [], 'q')).not.toThrow();
    expect(() => analytics.flush()).not.toThrow();
  });
});

describe('cutText', () => {
  it('keeps short text and cuts long text to the limit', () => {
    expect(cutText('abc')).toBe('abc');
    expect(cutText('a'.repeat(501))).toHaveLength(500);
  });

  it('does not leave half of an emoji at the end', () => {
    const text = `${'a'.repeat(499)}🙂tail`;
    const cut = cutText(text);
    expect(cut).toBe('a'.repeat(499));
    expect(cut.length).toBeLessThanOrEqual(MAX_KEPT_TEXT);
  });
});
