import { createHmac } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import pino, { type Logger } from 'pino';

export type { Logger } from 'pino';

/** One JSON line per event on stdout; message text is never logged at info level. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, base: { app: 'titp-guide-bot' }, redact: ['text', '*.text', 'password', '*.password'] }, destination);
}

/**
 * Keyed hash of an id (conversation, user) so logs and analytics can group by it without revealing it. The salt
 * comes from config; with a secret salt the ids cannot be reversed by hashing guesses.
 */
export function hashId(id: string | undefined, salt: string): string {
  if (!id) return 'none';
  const key = `${salt}\n${id}`;
  let hash = recentHashes.get(key);
  if (hash === undefined) {
    hash = createHmac('sha256', salt).update(id).digest('hex').slice(0, 16);
    recentHashes.set(key, hash);
  }
  return hash;
}

/** Every turn hashes the same few ids again (logs and each analytics event), so recent hashes are kept. */
const recentHashes = new LRUCache<string, string>({ max: 10_000 });
