import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Analytics, type EventOrigin } from '../../src/analytics/analytics';
import { buildReport } from '../../src/analytics/report-data';
import { DAY_MS, SqliteTelemetryClient } from '../../src/analytics/sqlite-telemetry-client';

const SALT = 'test-salt-0123456789abcdef';
const origin: EventOrigin = { userId: 'u1', conversationId: 'c1', locale: 'en', channelId: 'webchat' };
const T0 = Date.UTC(2026, 0, 1, 12, 0, 0);

let dir: string;
let path: string;
let clock: number;
const clients: SqliteTelemetryClient[] = [];

function open(retentionDays = 90, purgeIntervalMs?: number): SqliteTelemetryClient {
  const c = new SqliteTelemetryClient({ path, retentionDays, now: () => clock, ...(purgeIntervalMs ? { purgeIntervalMs } : {}) });
  clients.push(c);
  return c;
}

function texts(): (string | null)[] {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare('SELECT text FROM events ORDER BY id').all() as { text: string | null }[]).map((r) => r.text);
  } finally {
    db.close();
  }
}

function report() {
  const db = new Database(path, { readonly: true });
  try {
    return buildReport(db, { source: path });
  } finally {
    db.close();
  }
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'retention-'));
  path = join(dir, 'analytics.sqlite');
  clock = T0;
});
afterEach(() => {
  for (const c of clients.splice(0)) c.close();
  vi.useRealTimers();
  rmSync(dir, { recursive: true, force: true });
});

describe('retention', () => {
  it('deletes text older than RETENTION_DAYS and keeps every row, so counts do not change', () => {
    const client = open(90);
    const analytics = new Analytics(client, SALT);
    analytics.outcome(origin, 'none', null, 0.1, [], 'OLD-unanswered question');
    analytics.outcome(origin, 'clarify', null, 0.4, ['a', 'b'], 'OLD-unclear question');
    analytics.outcome(origin, 'answer', 'a', 0.9, [], 'ignored');
    clock = T0 + 60 * DAY_MS;
    analytics.outcome(origin, 'none', null, 0.1, [], 'NEW-unanswered question');

    const before = report().locales[0]!;
    // Day 90 exactly: nothing is older than 90 days yet.
    expect(client.purgeExpiredText(T0 + 90 * DAY_MS)).toBe(0);
    expect(client.purgeExpiredText(T0 + 90 * DAY_MS + 1)).toBe(2);
    expect(texts()).toEqual([null, null, null, 'NEW-unanswered question']);

    const after = report().locales[0]!;
    expect(after).toMatchObject({ questions: 4, answered: 1, clarified: 1, unanswered: 2, conversations: 1 });
    expect({ ...after, topUnanswered: undefined, unansweredTextExpired: undefined }).toEqual({
      ...before,
      topUnanswered: undefined,
      unansweredTextExpired: undefined,
    });
    expect(after.topUnanswered).toEqual([{ text: 'NEW-unanswered question', count: 1 }]);
    expect(after.unansweredTextExpired).toBe(1);
  });

  it('leaves no trace of deleted text in the database files', () => {
    const client = open(1);
    new Analytics(client, SALT).outcome(origin, 'none', null, 0, [], 'PRIVATE-TEXT-TO-FORGET');
    expect(client.purgeExpiredText(T0 + 2 * DAY_MS)).toBe(1);
    client.close();
    for (const file of readdirSync(dir)) {
      expect(readFileSync(join(dir, file)).toString('latin1')).not.toContain('PRIVATE-TEXT-TO-FORGET');
    }
  });

  it('purges at start-up using the injected clock', () => {
    const first = open(30);
    new Analytics(first, SALT).outcome(origin, 'none', null, 0, [], 'will expire');
    first.close();
    clock = T0 + 31 * DAY_MS;
    open(30);
    expect(texts()).toEqual([null]);
  });

  it('purges again on a daily timer that does not keep the process alive', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const client = open(10);
    new Analytics(client, SALT).outcome(origin, 'none', null, 0, [], 'expires on day 11');
    clock = T0 + 11 * DAY_MS;
    vi.advanceTimersByTime(DAY_MS - 1);
    expect(texts()).toEqual(['expires on day 11']);
    vi.advanceTimersByTime(1);
    expect(texts()).toEqual([null]);
    // After close the timer is gone.
    client.close();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('unrefs its timer', () => {
    const unref = vi.spyOn(globalThis, 'setInterval');
    open(90);
    const timer = unref.mock.results[0]!.value as NodeJS.Timeout;
    expect(timer.hasRef()).toBe(false);
    unref.mockRestore();
  });

  it('rejects a non-positive retention', () => {
    expect(() => open(0)).toThrow(RangeError);
  });
});
