import { MemoryStorage, type Storage } from 'botbuilder';
import type { BlobsStorage, BlobsStorageOptions } from 'botbuilder-azure-blobs';
import type { AppConfig } from '../config';
import type { Logger } from '../logger';
import { messageOf, StorageUnavailableError } from './errors';
import { SqliteStorage } from './sqlite-storage';

/** The configuration keys storage needs; a full {@link AppConfig} fits. */
export type StorageConfig = Pick<AppConfig, 'STORAGE' | 'SQLITE_PATH' | 'BLOB_CONNECTION_STRING' | 'BLOB_CONTAINER'>;

export interface CreateStorageOptions {
  /** How long the start-up container check of `blob` may take before it counts as unreachable. */
  readonly blobCheckTimeoutMs?: number;
}

/** Key read by the start-up check and by {@link checkStorage}; it is never written. */
export const HEALTH_PROBE_KEY = '__healthcheck__';

const DEFAULT_BLOB_CHECK_TIMEOUT_MS = 20_000;

/**
 * Retries for Blob requests: a chat turn should fail within seconds rather than wait through the SDK's default
 * back-off of up to two minutes.
 */
const BLOB_PIPELINE: NonNullable<BlobsStorageOptions['storagePipelineOptions']> = {
  retryOptions: { maxTries: 3, retryDelayInMs: 500, maxRetryDelayInMs: 4_000, tryTimeoutInMs: 15_000 },
};

/**
 * Resolves `promise`, or rejects with an Error saying it timed out after `ms`. The timer never keeps the process up.
 */
function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Builds the conversation/user state store chosen by `config.STORAGE` and proves it works before the bot takes
 * traffic:
 *
 * - `memory`: botbuilder's `MemoryStorage` (lost on restart; for tests and the Emulator);
 * - `sqlite`: {@link SqliteStorage} at `SQLITE_PATH` (one host; survives restarts);
 * - `blob`: botbuilder-azure-blobs `BlobsStorage` on `BLOB_CONNECTION_STRING` / `BLOB_CONTAINER` (shared by any number
 *   of instances). The container is created if missing; that first request is the reachability check.
 *
 * @throws StorageUnavailableError naming the store and what to check when it cannot be opened or reached.
 */
export async function createStorage(config: StorageConfig, logger: Logger, options: CreateStorageOptions = {}): Promise<Storage> {
  switch (config.STORAGE) {
    case 'memory':
      logger.info({ storage: 'memory' }, 'state storage ready (in memory: conversations are lost on restart)');
      return new MemoryStorage();
    case 'sqlite': {
      const storage = new SqliteStorage(config.SQLITE_PATH);
      logger.info({ storage: 'sqlite', path: config.SQLITE_PATH }, 'state storage ready');
      return storage;
    }
    case 'blob':
      return createBlobStorage(config, logger, options.blobCheckTimeoutMs ?? DEFAULT_BLOB_CHECK_TIMEOUT_MS);
    default: {
      const never: never = config.STORAGE;
      throw new StorageUnavailableError('memory', `unknown STORAGE "${String(never)}"`, 'Set STORAGE to memory, sqlite or blob.');
    }
  }
}

async function createBlobStorage(config: StorageConfig, logger: Logger, timeoutMs: number): Promise<Storage> {
  const container = config.BLOB_CONTAINER;
  const hint =
    `Check BLOB_CONNECTION_STRING (account name, key or SAS, endpoint), BLOB_CONTAINER ("${container}"), ` +
    'and that this host can reach the storage account (firewall, private endpoint, DNS).';
  if (!config.BLOB_CONNECTION_STRING) {
    throw new StorageUnavailableError('blob', 'BLOB_CONNECTION_STRING is not set', hint);
  }
  // Loaded only when chosen: the Azure Storage SDK adds about 0.1 s to every start-up otherwise.
  const { BlobsStorage: Blobs } = await import('botbuilder-azure-blobs');
  let storage: BlobsStorage;
  try {
    storage = new Blobs(config.BLOB_CONNECTION_STRING, container, { storagePipelineOptions: BLOB_PIPELINE });
  } catch (err) {
    // The SDK's message may quote the connection string; say only that it is malformed.
    throw new StorageUnavailableError('blob', 'BLOB_CONNECTION_STRING could not be parsed', hint, { cause: err });
  }
  try {
    // BlobsStorage creates the container (if missing) before its first read: this is the container check.
    await withTimeout(storage.read([HEALTH_PROBE_KEY]), timeoutMs, 'the container check');
  } catch (err) {
    throw new StorageUnavailableError('blob', `container "${container}" could not be checked or created (${messageOf(err)})`, hint, {
      cause: err,
    });
  }
  logger.info({ storage: 'blob', container }, 'state storage ready');
  return storage;
}

/**
 * Health probe for `/healthz`: one tiny read of a key that is never written. True when the store answered within
 * `timeoutMs`; false on any error or time-out (never throws).
 */
export async function checkStorage(storage: Storage, timeoutMs = 3_000): Promise<boolean> {
  try {
    await withTimeout(Promise.resolve().then(() => storage.read([HEALTH_PROBE_KEY])), timeoutMs, 'the storage health check');
    return true;
  } catch {
    return false;
  }
}

/** Releases what a store holds open (the SQLite file); a no-op for memory and blob. For graceful shutdown. */
export async function closeStorage(storage: Storage): Promise<void> {
  if (storage instanceof SqliteStorage) storage.close();
}
