import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StorageConflictError, StorageUnavailableError, StorageValueError } from '../../src/storage/errors';
import { SqliteStorage } from '../../src/storage/sqlite-storage';

let dir: string;
const opened: SqliteStorage[] = [];
function open(path: string): SqliteStorage {
  const s = new SqliteStorage(path);
  opened.push(s);
  return s;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sqlite-storage-'));
});
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('SqliteStorage', () => {
  it('creates the folder and the file, in WAL mode', () => {
    const path = join(dir, 'nested', 'deeper', 'bot.sqlite');
    open(path);
    expect(existsSync(path)).toBe(true);
    const raw = new Database(path, { readonly: true });
    try {
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      raw.close();
    }
  });

  it('keeps items, eTags and conflicts across a close and reopen', async () => {
    const path = join(dir, 'bot.sqlite');
    const first = open(path);
    await first.write({ 'conv/ü/1': { step: 3, answers: ['a', 'b'] } });
    const before = (await first.read(['conv/ü/1']))['conv/ü/1'];
    await first.write({ 'conv/ü/1': { ...before, step: 4 } });
    first.close();

    const second = open(path);
    const after = (await second.read(['conv/ü/1']))['conv/ü/1'];
    expect(after).toMatchObject({ step: 4, answers: ['a', 'b'] });
    // The eTag read before the restart is stale now and must still be refused.
    await expect(second.write({ 'conv/ü/1': { ...before, step: 99 } })).rejects.toBeInstanceOf(StorageConflictError);
    await second.write({ 'conv/ü/1': { ...after, step: 5 } });
    expect((await second.read(['conv/ü/1']))['conv/ü/1'].step).toBe(5);
  });

  it('throws a typed conflict error naming the key', async () => {
    const s = open(join(dir, 'bot.sqlite'));
    await s.write({ k: { v: 1 } });
    const err = await s.write({ k: { v: 2, eTag: 'not-the-etag' } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageConflictError);
    expect((err as StorageConflictError).key).toBe('k');
    expect((err as Error).message).toMatch(/"k".*eTag conflict/);
  });

  it('writes a batch atomically: one conflict leaves every item of the batch unwritten', async () => {
    const s = open(join(dir, 'bot.sqlite'));
    await s.write({ a: { v: 1 }, b: { v: 1 } });
    const stale = (await s.read(['b'])).b.eTag;
    await s.write({ b: { v: 2, eTag: stale } });
    await expect(s.write({ a: { v: 'new' }, c: { v: 'new' }, b: { v: 3, eTag: stale } })).rejects.toBeInstanceOf(StorageConflictError);
    const items = await s.read(['a', 'b', 'c']);
    expect(items.a.v).toBe(1);
    expect(items.b.v).toBe(2);
    expect(items.c).toBeUndefined();
  });

  it('writes a new key even with an eTag, like MemoryStorage', async () => {
    const s = open(join(dir, 'bot.sqlite'));
    await s.write({ fresh: { v: 1, eTag: 'from-a-deleted-item' } });
    expect((await s.read(['fresh'])).fresh.v).toBe(1);
  });

  it('does not store the eTag inside the value and does not change the caller’s object', async () => {
    const path = join(dir, 'bot.sqlite');
    const s = open(path);
    const item = { v: 1, eTag: '*' };
    await s.write({ k: item });
    expect(item).toEqual({ v: 1, eTag: '*' });
    const raw = new Database(path, { readonly: true });
    try {
      const row = raw.prepare('SELECT value, etag FROM store_items WHERE key = ?').get('k') as { value: string; etag: string };
      expect(JSON.parse(row.value)).toEqual({ v: 1 });
      expect(row.etag).toBe((await s.read(['k'])).k.eTag);
    } finally {
      raw.close();
    }
  });

  it('sees conflicts made by another instance on the same file (two bot processes on one host)', async () => {
    const path = join(dir, 'bot.sqlite');
    const one = open(path);
    const two = open(path);
    await one.write({ k: { v: 0 } });
    const seenByTwo = (await two.read(['k'])).k;
    await one.write({ k: { ...(await one.read(['k'])).k, v: 1 } });
    await expect(two.write({ k: { ...seenByTwo, v: 2 } })).rejects.toBeInstanceOf(StorageConflictError);
    expect((await two.read(['k'])).k.v).toBe(1);
  });

  it('reads and deletes many keys in one call', async () => {
    const s = open(join(dir, 'bot.sqlite'));
    const changes: Record<string, { i: number }> = {};
    for (let i = 0; i < 5_000; i++) changes[`key-${i}`] = { i };
    await s.write(changes);
    const keys = Object.keys(changes);
    expect(Object.keys(await s.read(keys))).toHaveLength(5_000);
    await s.delete(keys.slice(0, 4_000));
    expect(Object.keys(await s.read(keys))).toHaveLength(1_000);
  });

  it('refuses keys that are not valid Unicode instead of silently merging them', async () => {
    const s = open(join(dir, 'bot.sqlite'));
    await expect(s.write({ ['bad\uD800']: { v: 1 } })).rejects.toBeInstanceOf(StorageValueError);
    await expect(s.read(['bad\uDC00'])).rejects.toBeInstanceOf(StorageValueError);
    await expect(s.write({ ok: null })).rejects.toBeInstanceOf(StorageValueError);
  });

  it('fails with StorageUnavailableError naming SQLITE_PATH when the folder cannot be created', () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, 'x');
    const err = (() => {
      try {
        open(join(file, 'bot.sqlite'));
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(StorageUnavailableError);
    expect((err as StorageUnavailableError).store).toBe('sqlite');
    expect((err as Error).message).toContain('SQLITE_PATH');
    expect((err as Error).message).toContain(join(file, 'bot.sqlite'));
  });

  it('fails with StorageUnavailableError when the file is not an SQLite database', () => {
    const path = join(dir, 'not-a-db.sqlite');
    writeFileSync(path, 'this is plainly not an sqlite database file, but it is long enough to have a header '.repeat(20));
    expect(() => open(path)).toThrow(StorageUnavailableError);
    expect(() => open(path)).toThrow(/not a database/);
  });

  it('rejects calls after close', async () => {
    const s = open(join(dir, 'bot.sqlite'));
    s.close();
    s.close();
    await expect(s.read(['k'])).rejects.toThrow(/closed/);
  });
});
