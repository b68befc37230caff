import type { Storage, StoreItems } from 'botbuilder';
import { messageOf, StorageConflictError, StorageUnavailableError, type StoreName } from './errors';

const HEALTH_WRITE_KEY = '__healthwrite__';

function isConflict(error: unknown): boolean {
  if (error instanceof StorageConflictError) return true;
  const e = error as { statusCode?: number; message?: string };
  return e?.statusCode === 412 || /etag conflict/i.test(e?.message ?? '');
}

/**
 * Wraps the state store so that a failing store (an unwritable SQLite file, an unreachable Azurite or Azure account)
 * surfaces as one typed {@link StorageUnavailableError}: the turn-error handler then tells the user "temporarily
 * unavailable" in their language, and `/healthz` reports degraded until the store answers again. eTag conflicts are
 * not outages and pass through unchanged.
 */
export class GuardedStorage implements Storage {
  private lastError: string | undefined;

  constructor(
    private readonly inner: Storage,
    private readonly store: StoreName,
  ) {}

  /** The store's own object, for shutdown. */
  get unwrapped(): Storage {
    return this.inner;
  }

  /** The last failure since the store last answered, for logs. */
  get failure(): string | undefined {
    return this.lastError;
  }

  read(keys: string[]): Promise<StoreItems> {
    return this.guard('read', () => this.inner.read(keys));
  }

  write(changes: StoreItems): Promise<void> {
    return this.guard('write', () => this.inner.write(changes));
  }

  delete(keys: string[]): Promise<void> {
    return this.guard('delete', () => this.inner.delete(keys));
  }

  /**
   * A real write (`checkStorage` already reads), so an unwritable store reads as unhealthy and recovery is noticed
   * without user traffic.
   */
  async probe(): Promise<boolean> {
    try {
      await this.write({ [HEALTH_WRITE_KEY]: { at: new Date().toISOString(), eTag: '*' } });
      return true;
    } catch {
      return false;
    }
  }

  private async guard<T>(operation: string, work: () => Promise<T>): Promise<T> {
    try {
      const result = await work();
      this.lastError = undefined;
      return result;
    } catch (error) {
      if (isConflict(error)) throw error;
      this.lastError = `${operation}: ${messageOf(error)}`;
      throw new StorageUnavailableError(this.store, `${operation} failed (${messageOf(error)})`, 'The bot keeps running and recovers when the store answers again.', {
        cause: error,
      });
    }
  }
}
