import { randomUUID } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import { StorageConflictError, StorageValueError } from './errors';
import { openSqliteFile, type SqliteDatabase } from './sqlite-file';

interface Row {
  key: string;
  value: string;
  etag: string;
}

/** True when `s` is valid Unicode: no unpaired UTF-16 surrogate (which SQLite's UTF-8 would turn into U+FFFD). */
function isWellFormed(s: string): boolean {
  return !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);
}

function checkKey(key: unknown): string {
  if (typeof key !== 'string' || key.length === 0) throw new StorageValueError(String(key), 'keys must be non-empty strings');
  if (!isWellFormed(key)) throw new StorageValueError(key, 'the key has an unpaired UTF-16 surrogate');
  return key;
}

/**
 * botbuilder `Storage` in one SQLite file (better-sqlite3), with the same optimistic-concurrency rules as
 * botbuilder's `MemoryStorage`:
 *
 * - every write stores a new, unique eTag, returned by the next read;
 * - a write whose item carries the stored eTag, `"*"`, or no eTag succeeds; a write carrying any other eTag for an
 *   existing item fails with {@link StorageConflictError} (a new key is written whatever its eTag, as MemoryStorage
 *   does);
 * - a batch `write` is one transaction: if any item conflicts, nothing in the batch is written.
 *
 * Values are stored as JSON text (any size SQLite allows, 1 GB by default); keys are any well-formed Unicode string.
 * The file is in WAL mode so other processes (another instance on the same host, `npm run report`) can open it; eTags
 * are checked inside the write transaction, so those processes also see each other's conflicts.
 */
export class SqliteStorage implements Storage {
  private readonly db: SqliteDatabase;
  private readonly selectMany: (keysJson: string) => Row[];
  private readonly selectEtag: (key: string) => { etag: string } | undefined;
  private readonly upsert: (key: string, value: string, etag: string, updatedAt: number) => void;
  private readonly deleteMany: (keysJson: string) => void;
  private readonly writeBatch: (changes: StoreItems) => void;
  private closed = false;

  /**
   * Opens or creates the database at `path` (the folder is created too).
   * @throws StorageUnavailableError when the file cannot be opened as an SQLite database.
   */
  constructor(readonly path: string) {
    this.db = openSqliteFile(path, 'sqlite', 'SQLITE_PATH');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS store_items (
        key        TEXT    NOT NULL PRIMARY KEY,
        value      TEXT    NOT NULL,
        etag       TEXT    NOT NULL,
        updated_at INTEGER NOT NULL
      );
    `);
    // json_each binds any number of keys as one parameter (no SQLITE_MAX_VARIABLE_NUMBER limit).
    const selectMany = this.db.prepare<[string], Row>(
      'SELECT key, value, etag FROM store_items WHERE key IN (SELECT value FROM json_each(?))',
    );
    const selectEtag = this.db.prepare<[string], { etag: string }>('SELECT etag FROM store_items WHERE key = ?');
    const upsert = this.db.prepare<[string, string, string, number]>(
      `INSERT INTO store_items (key, value, etag, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(key) DO UPDATE SET value = excluded.value, etag = excluded.etag, updated_at = excluded.updated_at`,
    );
    const deleteMany = this.db.prepare<[string]>('DELETE FROM store_items WHERE key IN (SELECT value FROM json_each(?))');
    this.selectMany = (keysJson) => selectMany.all(keysJson);
    this.selectEtag = (key) => selectEtag.get(key);
    this.upsert = (key, value, etag, updatedAt) => void upsert.run(key, value, etag, updatedAt);
    this.deleteMany = (keysJson) => void deleteMany.run(keysJson);
    // IMMEDIATE takes the write lock before the eTag reads, so no other process can slip a write in between.
    const batch = this.db.transaction((changes: StoreItems) => {
      const now = Date.now();
      for (const [key, item] of Object.entries(changes)) {
        const { eTag, ...rest } = item as { eTag?: unknown; [k: string]: unknown };
        if (eTag && eTag !== '*') {
          const current = this.selectEtag(key);
          if (current && current.etag !== eTag) throw new StorageConflictError(key);
        }
        let json: string;
        try {
          json = JSON.stringify(rest);
        } catch (err) {
          throw new StorageValueError(key, `the item is not JSON-serialisable (${err instanceof Error ? err.message : String(err)})`);
        }
        this.upsert(key, json, randomUUID(), now);
      }
    });
    this.writeBatch = (changes) => batch.immediate(changes);
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (!Array.isArray(keys)) throw new ReferenceError('Keys are required when reading.');
    this.assertOpen();
    const wanted = keys.map(checkKey);
    const items: StoreItems = {};
    if (wanted.length === 0) return items;
    for (const row of this.selectMany(JSON.stringify(wanted))) {
      items[row.key] = { ...(JSON.parse(row.value) as object), eTag: row.etag };
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes || typeof changes !== 'object') throw new ReferenceError('Changes are required when writing.');
    this.assertOpen();
    for (const [key, item] of Object.entries(changes)) {
      checkKey(key);
      if (item === null || typeof item !== 'object' || Array.isArray(item)) throw new StorageValueError(key, 'items must be plain objects');
    }
    this.writeBatch(changes);
  }

  async delete(keys: string[]): Promise<void> {
    if (!Array.isArray(keys)) throw new ReferenceError('Keys are required when deleting.');
    this.assertOpen();
    const wanted = keys.map(checkKey);
    if (wanted.length > 0) this.deleteMany(JSON.stringify(wanted));
  }

  /** Checkpoints the WAL and closes the file. Further calls reject. Safe to call twice. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }

  private assertOpen(): void {
    if (this.closed) throw new Error(`Storage: the SQLite store ${this.path} is closed.`);
  }

  // Keeps the database handle out of JSON logs, as botbuilder's stores do.
  toJSON(): { name: string; path: string } {
    return { name: 'SqliteStorage', path: this.path };
  }
}
