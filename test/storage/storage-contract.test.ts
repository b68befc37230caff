/**
 * One behavioural contract for every state store the bot can run on: memory (botbuilder MemoryStorage), sqlite
 * (SqliteStorage on a temp file) and blob (BlobsStorage against Azurite, started here on 127.0.0.1).
 *
 * Azurite: if it cannot start, the blob suite fails when CI=true and is skipped with a message otherwise.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Storage } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { createLogger } from '../../src/logger';
import { closeStorage, createStorage, type StorageConfig } from '../../src/storage/create-storage';
import { startAzurite, type Azurite } from './azurite';

const logger = createLogger('silent');
const IN_CI = process.env.CI === 'true';

interface Backend {
  readonly name: 'memory' | 'sqlite' | 'blob';
  setup(): Promise<void>;
  /** A fresh, empty store; `undefined` with a reason when this backend cannot run here. */
  create(ctx: TestContext): Promise<Storage>;
  teardown(): Promise<void>;
}

const baseConfig: StorageConfig = { STORAGE: 'memory', SQLITE_PATH: '', BLOB_CONNECTION_STRING: undefined, BLOB_CONTAINER: 'bot-state' };

function memoryBackend(): Backend {
  return {
    name: 'memory',
    async setup() {},
    create: () => createStorage({ ...baseConfig, STORAGE: 'memory' }, logger),
    async teardown() {},
  };
}

function sqliteBackend(): Backend {
  let dir = '';
  const opened: Storage[] = [];
  return {
    name: 'sqlite',
    async setup() {
      dir = mkdtempSync(join(tmpdir(), 'storage-contract-'));
    },
    async create() {
      const storage = await createStorage({ ...baseConfig, STORAGE: 'sqlite', SQLITE_PATH: join(dir, `${randomUUID()}.sqlite`) }, logger);
      opened.push(storage);
      return storage;
    },
    async teardown() {
      for (const s of opened) await closeStorage(s);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function blobBackend(): Backend {
  let azurite: Azurite | undefined;
  let unavailable: string | undefined;
  return {
    name: 'blob',
    async setup() {
      try {
        azurite = await startAzurite();
      } catch (err) {
        unavailable = err instanceof Error ? err.message : String(err);
        // In CI the blob store must be proven: fail the whole suite rather than skip it.
        if (IN_CI) throw new Error(`CI=true and Azurite could not start, so the blob storage contract cannot run: ${unavailable}`);
        console.warn(`[storage contract] blob suite skipped: Azurite could not start (${unavailable}). Set CI=true to make this a failure.`);
      }
    },
    async create(ctx) {
      if (!azurite) {
        ctx.skip(`Azurite could not start: ${unavailable ?? 'unknown reason'}`);
        throw new Error('unreachable');
      }
      // A new container per test keeps tests independent.
      const container = `c-${randomUUID().slice(0, 18)}`;
      return createStorage({ ...baseConfig, STORAGE: 'blob', BLOB_CONNECTION_STRING: azurite.connectionString, BLOB_CONTAINER: container }, logger);
    },
    async teardown() {
      await azurite?.stop();
    },
  };
}

const CONFLICT = /eTag conflict/i;

describe.each([memoryBackend(), sqliteBackend(), blobBackend()])('storage contract: $name', (backend) => {
  beforeAll(() => backend.setup(), 60_000);
  afterAll(() => backend.teardown(), 30_000);

  it('reads nothing for a missing key', async (ctx) => {
    const storage = await backend.create(ctx);
    const items = await storage.read(['missing/key']);
    expect(items).toEqual({});
    expect('missing/key' in items).toBe(false);
  });

  it('writes, reads back with an eTag, and reads several keys at once', async (ctx) => {
    const storage = await backend.create(ctx);
    await storage.write({ 'conv/1': { topic: 'visa', count: 1, nested: { list: [1, 'two', null, true] } }, 'conv/2': { topic: 'pay' } });
    const items = await storage.read(['conv/1', 'conv/2', 'conv/3']);
    expect(Object.keys(items).sort()).toEqual(['conv/1', 'conv/2']);
    expect(items['conv/1']).toMatchObject({ topic: 'visa', count: 1, nested: { list: [1, 'two', null, true] } });
    expect(items['conv/2']).toMatchObject({ topic: 'pay' });
    expect(typeof items['conv/1'].eTag).toBe('string');
    expect(items['conv/1'].eTag.length).toBeGreaterThan(0);
  });

  it('gives a new eTag on every write', async (ctx) => {
    const storage = await backend.create(ctx);
    await storage.write({ k: { v: 1 } });
    const first = (await storage.read(['k'])).k.eTag as string;
    await storage.write({ k: { v: 2, eTag: first } });
    const second = (await storage.read(['k'])).k;
    expect(second.v).toBe(2);
    expect(second.eTag).not.toBe(first);
    await storage.write({ k: { v: 3, eTag: '*' } });
    expect((await storage.read(['k'])).k.eTag).not.toBe(second.eTag);
  });

  it('rejects a write with a stale eTag and keeps the stored value', async (ctx) => {
    const storage = await backend.create(ctx);
    await storage.write({ k: { v: 'original' } });
    const stale = (await storage.read(['k'])).k.eTag as string;
    await storage.write({ k: { v: 'changed', eTag: stale } });
    await expect(storage.write({ k: { v: 'lost update', eTag: stale } })).rejects.toThrow(CONFLICT);
    expect((await storage.read(['k'])).k.v).toBe('changed');
  });

  it('overwrites with eTag "*" and with no eTag', async (ctx) => {
    const storage = await backend.create(ctx);
    await storage.write({ k: { v: 1 } });
    await storage.write({ k: { v: 2, eTag: (await storage.read(['k'])).k.eTag } });
    await storage.write({ k: { v: 3, eTag: '*' } });
    expect((await storage.read(['k'])).k.v).toBe(3);
    await storage.write({ k: { v: 4 } });
    expect((await storage.read(['k'])).k.v).toBe(4);
  });

  it('deletes items, and deleting a missing key is not an error', async (ctx) => {
    const storage = await backend.create(ctx);
    await storage.write({ a: { v: 1 }, b: { v: 2 } });
    await storage.delete(['a', 'never-written']);
    const items = await storage.read(['a', 'b']);
    expect(Object.keys(items)).toEqual(['b']);
    await storage.delete([]);
  });

  it('stores a value larger than 1 MB intact', async (ctx) => {
    const storage = await backend.create(ctx);
    const big = 'Technical Intern Training — 技能実習 — Thực tập kỹ năng 🙂 '.repeat(25_000);
    const rows = Array.from({ length: 2_000 }, (_, i) => ({ i, id: `entry-${i}` }));
    expect(Buffer.byteLength(JSON.stringify({ big, rows }))).toBeGreaterThan(1_000_000);
    await storage.write({ large: { big, rows } });
    const back = (await storage.read(['large'])).large;
    expect(back.big).toBe(big);
    expect(back.rows).toEqual(rows);
  }, 30_000);

  it('keeps unicode keys apart and finds each again', async (ctx) => {
    const storage = await backend.create(ctx);
    const keys = ['msteams/conversations/日本語の会話/', 'emoji 🙂 key', 'Tiếng Việt', 'ไทย/ภาษา', 'اردو', 'ü-umlaut', 'u-umlaut', 'नेपाली'];
    const changes: Record<string, { index: number; key: string }> = {};
    keys.forEach((key, index) => (changes[key] = { index, key }));
    await storage.write(changes);
    const items = await storage.read(keys);
    expect(Object.keys(items).sort()).toEqual([...keys].sort());
    keys.forEach((key, index) => expect(items[key]).toMatchObject({ index, key }));
  });

  it('lets only the first of two read-modify-write updates through; the stale one fails and can retry', async (ctx) => {
    const storage = await backend.create(ctx);
    await storage.write({ profile: { locale: 'en', visits: 0 } });
    // Two turns read the same version concurrently and change different properties.
    const [a, b] = await Promise.all([storage.read(['profile']), storage.read(['profile'])]);
    const first = { ...a.profile, locale: 'vi' };
    const second = { ...b.profile, visits: 1 };
    await storage.write({ profile: first });
    await expect(storage.write({ profile: second })).rejects.toThrow(CONFLICT);
    let current = (await storage.read(['profile'])).profile;
    expect(current).toMatchObject({ locale: 'vi', visits: 0 });
    // The loser re-reads and re-applies its change: now both changes are kept.
    await storage.write({ profile: { ...current, visits: current.visits + 1 } });
    current = (await storage.read(['profile'])).profile;
    expect(current).toMatchObject({ locale: 'vi', visits: 1 });
  });

  it('accepts exactly one of two racing writes made with the same eTag', async (ctx) => {
    const storage = await backend.create(ctx);
    await storage.write({ k: { a: 0, b: 0 } });
    const base = (await storage.read(['k'])).k;
    const results = await Promise.allSettled([storage.write({ k: { ...base, a: 1 } }), storage.write({ k: { ...base, b: 1 } })]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(rejected).toHaveLength(1);
    expect(String(rejected[0]!.reason)).toMatch(CONFLICT);
    const stored = (await storage.read(['k'])).k;
    expect(stored.a + stored.b).toBe(1);
  });
});
