import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { messageOf, StorageUnavailableError, type StoreName } from './errors';

export type SqliteDatabase = Database.Database;

/** True for SQLite's special in-memory names, which have no folder to create. */
function isMemoryPath(path: string): boolean {
  return path === ':memory:' || path === '';
}

/**
 * Opens (creating the folder and file if needed) an SQLite database in WAL mode, ready for one writer process and
 * any number of readers. Any failure — a folder that cannot be created, a file that is not a database, a read-only
 * location — becomes a {@link StorageUnavailableError} naming the file and the configuration key to fix.
 *
 * @param path file path, relative to the working directory, or `:memory:`
 * @param store store name used in error messages
 * @param configKey the configuration key that sets `path` (named in the hint)
 */
export function openSqliteFile(path: string, store: StoreName, configKey: string): SqliteDatabase {
  const shown = isMemoryPath(path) ? ':memory:' : resolve(path);
  const fail = (what: string, err: unknown): never => {
    throw new StorageUnavailableError(
      store,
      `${what} ${shown} (${messageOf(err)})`,
      `Check that ${configKey} points to a writable file path (its folder is created if missing) and that the file, if it exists, is an SQLite database.`,
      { cause: err },
    );
  };
  if (!isMemoryPath(path)) {
    try {
      mkdirSync(dirname(shown), { recursive: true });
    } catch (err) {
      fail('cannot create the folder for', err);
    }
  }
  let db: SqliteDatabase | undefined;
  try {
    db = new Database(path);
    // WAL lets readers (health checks, `npm run report`) work while the bot writes; NORMAL sync is durable across
    // process crashes and only risks the last transactions on power loss, the usual trade-off for WAL.
    const mode = String(db.pragma('journal_mode = WAL', { simple: true }));
    if (!isMemoryPath(path) && mode.toLowerCase() !== 'wal') throw new Error(`journal_mode is ${mode}, expected wal`);
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    // Touch the schema so a corrupt or non-database file fails here, at start-up, not on the first user turn.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return db;
  } catch (err) {
    try {
      db?.close();
    } catch {
      // already failing; the original error is the useful one
    }
    return fail('cannot open', err);
  }
}
