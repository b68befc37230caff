/**
 * Typed storage errors. Each message says which store failed and what to check, so an operator can act on the one
 * line printed at start-up or logged for a turn.
 */

/** Which store an error is about, as named in messages and logs. */
export type StoreName = 'memory' | 'sqlite' | 'blob' | 'analytics';

/** The store cannot be opened or reached. Thrown at start-up so the bot never runs without working state. */
export class StorageUnavailableError extends Error {
  override readonly name = 'StorageUnavailableError';
  constructor(
    readonly store: StoreName,
    /** What was tried, e.g. `cannot open data/bot.sqlite`. */
    readonly problem: string,
    /** What the operator should check, naming the configuration keys. */
    readonly hint: string,
    options?: { cause?: unknown },
  ) {
    super(`Storage unavailable (${store}): ${problem}. ${hint}`, options);
  }
}

/**
 * A write carried an eTag that no longer matches the stored item: someone else changed it since it was read.
 * The message keeps botbuilder's wording ("eTag conflict") so code that matches MemoryStorage/BlobsStorage errors
 * still works. Read the item again, apply the change and write once more.
 */
export class StorageConflictError extends Error {
  override readonly name = 'StorageConflictError';
  constructor(readonly key: string) {
    super(`Storage: error writing "${key}" due to eTag conflict (the item changed since it was read; read it again and retry).`);
  }
}

/** A key or item the store cannot hold faithfully (e.g. a key with an unpaired UTF-16 surrogate, a non-object item). */
export class StorageValueError extends Error {
  override readonly name = 'StorageValueError';
  constructor(
    readonly key: string,
    readonly problem: string,
  ) {
    super(`Storage: cannot store ${JSON.stringify(key)}: ${problem}.`);
  }
}

/** The message of any thrown value, for wrapping causes into the errors above. */
export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
