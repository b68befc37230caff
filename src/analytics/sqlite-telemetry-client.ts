import type { BotTelemetryClient, TelemetryDependency, TelemetryEvent, TelemetryException, TelemetryTrace } from 'botbuilder';
import type { Logger } from '../logger';
import { openSqliteFile, type SqliteDatabase } from '../storage/sqlite-file';
import { cutText } from './analytics';

export const DAY_MS = 24 * 60 * 60 * 1000;

/** Schema version kept in `PRAGMA user_version`; bump with a migration when the table changes. */
const SCHEMA_VERSION = 1;

/**
 * One row per event. Well-known properties get their own columns so the report can group on them; the rest stay in
 * `properties` (JSON). `text` is its own column so retention can clear it while the row — and so every count — stays.
 */
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS events (
    id           INTEGER PRIMARY KEY,
    at           INTEGER NOT NULL,          -- milliseconds since 1970-01-01 UTC
    name         TEXT    NOT NULL,
    user         TEXT,                      -- hashed
    conversation TEXT,                      -- hashed
    locale       TEXT,
    channel      TEXT,
    outcome      TEXT,                      -- answer | clarify | none
    entry_id     TEXT,
    helpful      INTEGER,                   -- 1 / 0 for feedback, else NULL
    confidence   REAL,
    text         TEXT,                      -- none/clarify only, at most 500 chars, NULL after RETENTION_DAYS
    properties   TEXT    NOT NULL DEFAULT '{}',
    metrics      TEXT    NOT NULL DEFAULT '{}'
  );
  CREATE INDEX IF NOT EXISTS events_name_locale ON events (name, locale);
  CREATE INDEX IF NOT EXISTS events_text_at ON events (at) WHERE text IS NOT NULL;
`;

/** Property names that have their own column (everything else goes to `properties`). */
const COLUMN_PROPERTIES = new Set(['user', 'conversation', 'locale', 'channel', 'outcome', 'entryId', 'helpful', 'text']);

export interface SqliteTelemetryOptions {
  /** Database file (ANALYTICS_PATH); its folder is created. `:memory:` works for tests. */
  readonly path: string;
  /** Text older than this many days is deleted (RETENTION_DAYS). */
  readonly retentionDays: number;
  readonly logger?: Logger;
  /** Clock in milliseconds since the epoch; tests inject one. */
  readonly now?: () => number;
  /** How often the retention purge runs after the one at start-up (default daily). */
  readonly purgeIntervalMs?: number;
}

type EventRow = [
  at: number,
  name: string,
  user: string | null,
  conversation: string | null,
  locale: string | null,
  channel: string | null,
  outcome: string | null,
  entryId: string | null,
  helpful: number | null,
  confidence: number | null,
  text: string | null,
  properties: string,
  metrics: string,
];

function str(v: unknown): string | null {
  if (v === undefined || v === null || v === '') return null;
  return typeof v === 'string' ? v : String(v);
}

/**
 * A botbuilder `BotTelemetryClient` that appends custom events (`trackEvent`) to an SQLite table, for deployments
 * without Application Insights and for `npm run report`. Writes are synchronous and take microseconds in WAL mode;
 * a failed write is logged and never breaks a turn.
 *
 * Exceptions, traces and dependencies are not stored: they go to the pino logs, which is where operators look.
 *
 * Retention: message text older than `retentionDays` is set to NULL — at construction and then every
 * `purgeIntervalMs` on an unref'd timer — while the rows stay, so counts and rates never change. The database uses
 * `secure_delete` and the WAL is truncated after a purge, so deleted text does not linger in free pages.
 */
export class SqliteTelemetryClient implements BotTelemetryClient {
  readonly path: string;
  private readonly db: SqliteDatabase;
  private readonly logger: Logger | undefined;
  private readonly now: () => number;
  private readonly retentionMs: number;
  private readonly insert: (row: EventRow) => void;
  private readonly clearText: (before: number) => number;
  private timer: NodeJS.Timeout | undefined;
  private failures = 0;
  private closed = false;

  /** @throws StorageUnavailableError when the file cannot be opened. */
  constructor(options: SqliteTelemetryOptions) {
    this.path = options.path;
    this.logger = options.logger;
    this.now = options.now ?? Date.now;
    if (!Number.isFinite(options.retentionDays) || options.retentionDays <= 0) {
      throw new RangeError(`retentionDays must be a positive number (got ${options.retentionDays})`);
    }
    this.retentionMs = options.retentionDays * DAY_MS;
    this.db = openSqliteFile(options.path, 'analytics', 'ANALYTICS_PATH');
    this.db.pragma('secure_delete = ON');
    this.db.exec(SCHEMA);
    this.db.pragma(`user_version = ${SCHEMA_VERSION}`);
    const insert = this.db.prepare<EventRow>(
      `INSERT INTO events (at, name, user, conversation, locale, channel, outcome, entry_id, helpful, confidence, text, properties, metrics)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const clear = this.db.prepare<[number]>('UPDATE events SET text = NULL WHERE text IS NOT NULL AND at < ?');
    this.insert = (row) => void insert.run(...row);
    this.clearText = (before) => clear.run(before).changes;

    this.purgeExpiredText();
    const interval = options.purgeIntervalMs ?? DAY_MS;
    this.timer = setInterval(() => this.purgeExpiredText(), interval);
    this.timer.unref();
  }

  trackEvent(telemetry: TelemetryEvent): void {
    if (this.closed) return;
    try {
      const p = telemetry.properties ?? {};
      const rest: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(p)) if (!COLUMN_PROPERTIES.has(k)) rest[k] = v;
      const metrics = telemetry.metrics ?? {};
      const confidence = typeof metrics.confidence === 'number' && Number.isFinite(metrics.confidence) ? metrics.confidence : null;
      const helpful = p.helpful === undefined ? null : p.helpful === true || p.helpful === 'true' ? 1 : 0;
      // Analytics already cuts text; cut again so no caller can store more than the documented 500 characters.
      const text = typeof p.text === 'string' && p.text !== '' ? cutText(p.text) : null;
      this.insert([
        this.now(),
        telemetry.name,
        str(p.user),
        str(p.conversation),
        str(p.locale),
        str(p.channel),
        str(p.outcome),
        str(p.entryId),
        helpful,
        confidence,
        text,
        JSON.stringify(rest),
        JSON.stringify(metrics),
      ]);
    } catch (err) {
      this.failures += 1;
      // First failure, then every 1000th: a full disk must not flood the logs.
      if (this.failures % 1000 === 1) {
        this.logger?.warn({ err: err instanceof Error ? err.message : String(err), event: telemetry.name, failures: this.failures }, 'analytics event not recorded');
      }
    }
  }

  /** Not stored: exceptions are logged by the bot's error handler. */
  trackException(_telemetry: TelemetryException): void {}

  /** Not stored: traces belong in the logs. */
  trackTrace(_telemetry: TelemetryTrace): void {}

  /** Not stored. */
  trackDependency(_telemetry: TelemetryDependency): void {}

  /** Nothing is buffered: every event is written when tracked. */
  flush(): void {}

  /**
   * Deletes message text recorded before `now - retentionDays`; rows and their counts stay. Runs at start-up and
   * daily; exposed for tests and for an operator's one-off run.
   *
   * @returns how many events lost their text
   */
  purgeExpiredText(now: number = this.now()): number {
    if (this.closed) return 0;
    try {
      const cleared = this.clearText(now - this.retentionMs);
      if (cleared > 0) {
        this.db.pragma('wal_checkpoint(TRUNCATE)');
        this.logger?.info({ cleared, retentionDays: this.retentionMs / DAY_MS }, 'analytics: expired message text deleted');
      }
      return cleared;
    } catch (err) {
      this.logger?.warn({ err: err instanceof Error ? err.message : String(err) }, 'analytics: retention purge failed; will retry');
      return 0;
    }
  }

  /** Stops the daily purge and closes the file. Later events are dropped. Safe to call twice. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.db.close();
  }

  toJSON(): { name: string; path: string } {
    return { name: 'SqliteTelemetryClient', path: this.path };
  }
}
