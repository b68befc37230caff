import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryStorage, type Storage } from 'botbuilder';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { checkStorage, closeStorage, createStorage, HEALTH_PROBE_KEY, type StorageConfig } from '../../src/storage/create-storage';
import { StorageUnavailableError } from '../../src/storage/errors';
import { SqliteStorage } from '../../src/storage/sqlite-storage';
import { freePort } from '../helpers/free-port';
import { azuriteConnectionString } from './azurite';

const logger = createLogger('silent');
const base: StorageConfig = { STORAGE: 'memory', SQLITE_PATH: '', BLOB_CONNECTION_STRING: undefined, BLOB_CONTAINER: 'bot-state' };

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'create-storage-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('createStorage', () => {
  it('defaults to sqlite at ./data/bot.sqlite in config', () => {
    const config = loadConfig({});
    expect(config.STORAGE).toBe('sqlite');
    expect(config.SQLITE_PATH).toBe('./data/bot.sqlite');
  });

  it('selects MemoryStorage for memory', async () => {
    expect(await createStorage({ ...base, STORAGE: 'memory' }, logger)).toBeInstanceOf(MemoryStorage);
  });

  it('selects SqliteStorage at SQLITE_PATH for sqlite', async () => {
    const path = join(dir, 'state', 'bot.sqlite');
    const storage = await createStorage({ ...base, STORAGE: 'sqlite', SQLITE_PATH: path }, logger);
    try {
      expect(storage).toBeInstanceOf(SqliteStorage);
      expect((storage as SqliteStorage).path).toBe(path);
    } finally {
      await closeStorage(storage);
    }
  });

  it('throws StorageUnavailableError for an sqlite path that cannot be opened', async () => {
    const blocker = join(dir, 'file');
    writeFileSync(blocker, 'x');
    const err = await createStorage({ ...base, STORAGE: 'sqlite', SQLITE_PATH: join(blocker, 'bot.sqlite') }, logger).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageUnavailableError);
    expect((err as StorageUnavailableError).store).toBe('sqlite');
    expect((err as Error).message).toMatch(/SQLITE_PATH/);
  });

  it('throws StorageUnavailableError naming the container and BLOB_CONNECTION_STRING when the blob endpoint is unreachable', async () => {
    const port = await freePort(); // nothing listens here
    const started = Date.now();
    const err = await createStorage(
      { ...base, STORAGE: 'blob', BLOB_CONNECTION_STRING: azuriteConnectionString(port), BLOB_CONTAINER: 'unreachable-test' },
      logger,
      { blobCheckTimeoutMs: 20_000 },
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageUnavailableError);
    expect((err as StorageUnavailableError).store).toBe('blob');
    expect((err as Error).message).toContain('"unreachable-test"');
    expect((err as Error).message).toContain('BLOB_CONNECTION_STRING');
    // The account key must never be echoed.
    expect((err as Error).message).not.toContain('AccountKey');
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('throws StorageUnavailableError for a malformed blob connection string without echoing it', async () => {
    const err = await createStorage({ ...base, STORAGE: 'blob', BLOB_CONNECTION_STRING: 'AccountKey=secret-value;garbage' }, logger).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageUnavailableError);
    expect((err as Error).message).not.toContain('secret-value');
  });

  it('throws when blob is chosen without a connection string', async () => {
    await expect(createStorage({ ...base, STORAGE: 'blob' }, logger)).rejects.toThrow(/BLOB_CONNECTION_STRING is not set/);
  });

  it('gives up on a blob container check that hangs', async () => {
    // A TCP server that accepts and never answers.
    const { createServer } = await import('node:net');
    const sockets: import('node:net').Socket[] = [];
    const server = createServer((s) => sockets.push(s));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as { port: number }).port;
    try {
      const err = await createStorage(
        { ...base, STORAGE: 'blob', BLOB_CONNECTION_STRING: azuriteConnectionString(port), BLOB_CONTAINER: 'hangs' },
        logger,
        { blobCheckTimeoutMs: 300 },
      ).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StorageUnavailableError);
      expect((err as Error).message).toMatch(/timed out after 300 ms/);
    } finally {
      sockets.forEach((s) => s.destroy());
      server.close();
    }
  });
});

describe('checkStorage', () => {
  it('is true for a working store and reads only the probe key', async () => {
    const read: string[][] = [];
    const storage = new MemoryStorage();
    const spy: Storage = { read: (keys) => (read.push(keys), storage.read(keys)), write: (c) => storage.write(c), delete: (k) => storage.delete(k) };
    expect(await checkStorage(spy)).toBe(true);
    expect(read).toEqual([[HEALTH_PROBE_KEY]]);
  });

  it('is true for an open SqliteStorage and false once it is closed', async () => {
    const storage = new SqliteStorage(join(dir, 'bot.sqlite'));
    expect(await checkStorage(storage)).toBe(true);
    storage.close();
    expect(await checkStorage(storage)).toBe(false);
  });

  it('is false when the read fails or throws synchronously', async () => {
    const failing: Storage = { read: () => Promise.reject(new Error('down')), write: async () => {}, delete: async () => {} };
    const throwing: Storage = {
      read: () => {
        throw new Error('boom');
      },
      write: async () => {},
      delete: async () => {},
    };
    expect(await checkStorage(failing)).toBe(false);
    expect(await checkStorage(throwing)).toBe(false);
  });

  it('is false when the read does not answer in time', async () => {
    const hanging: Storage = { read: () => new Promise(() => {}), write: async () => {}, delete: async () => {} };
    const started = Date.now();
    expect(await checkStorage(hanging, 100)).toBe(false);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
