import { createHash, type Hash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { LOCKFILE } from './paths';

/** Why a saved snapshot was not used. */
export type SnapshotMiss = 'missing' | 'stale' | 'unreadable';

interface SavedSnapshot {
  readonly kind: string;
  readonly fingerprint: string;
  readonly value: unknown;
}

/** Every file under `dir` that `accept` takes, as paths relative to `base`, sorted so the order never depends on the disk. */
function filesUnder(dir: string, base: string, accept: (name: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((d) => {
      const path = join(dir, d.name);
      if (d.isDirectory()) return filesUnder(path, base, accept);
      return d.isFile() && accept(d.name) ? [relative(base, path)] : [];
    })
    .sort();
}

/** Adds the names and bytes of every file under `root` that `accept` takes to `hash`. */
export function hashTree(hash: Hash, root: string, accept: (name: string) => boolean = () => true): Hash {
  for (const file of filesUnder(root, root, accept)) hash.update(`\n${file}\n`).update(readFileSync(join(root, file)));
  return hash;
}

const codeHashes = new Map<string, string>();

/**
 * A hash of the code that is running (every source file under `root`, by default this program's own `src/` or
 * `dist/src/`), the Node.js version (Unicode, ICU segmentation) and the installed dependencies (the lockfile).
 * Start-up snapshots include it, so any change to the code that produced them, even in a helper they import,
 * means they are made again instead of being trusted. Computed once per process and root.
 */
export function codeFingerprint(root = __dirname, lockfile = LOCKFILE): string {
  const key = `${root}\n${lockfile}`;
  const known = codeHashes.get(key);
  if (known) return known;
  const hash = hashTree(createHash('sha256').update(`node ${process.version}\n`), root, (name) => /\.(ts|js)$/.test(name) && !name.endsWith('.d.ts'));
  if (existsSync(lockfile)) hash.update('\nlockfile\n').update(readFileSync(lockfile));
  const digest = hash.digest('hex');
  codeHashes.set(key, digest);
  return digest;
}

/**
 * Reads a snapshot written by {@link writeSnapshot}. It returns the saved value only when the file holds a snapshot
 * of this `kind` made with this `fingerprint`; otherwise it says why not. It never throws: a damaged file is only a
 * reason to do the work again.
 */
export function readSnapshot(file: string, kind: string, fingerprint: string): { value: unknown } | SnapshotMiss {
  if (!existsSync(file)) return 'missing';
  let saved: SavedSnapshot;
  try {
    saved = deserialize(readFileSync(file)) as SavedSnapshot;
  } catch {
    return 'unreadable';
  }
  if (typeof saved !== 'object' || saved === null || saved.kind !== kind) return 'unreadable';
  return saved.fingerprint === fingerprint ? { value: saved.value } : 'stale';
}

/** Why a saved snapshot was not used, and why saving the new one failed, if it did. */
export interface SnapshotMissed {
  readonly reason: SnapshotMiss;
  readonly saveError?: string;
}

/**
 * The value saved in `file` when it was made with this `kind` and `fingerprint` and `revive` accepts it; otherwise
 * `make()`'s value, saved (as `save` gives it) for the next start. A missing, stale or damaged file only means making
 * the value again, and a file that cannot be written is reported in `missed.saveError`, never thrown.
 */
export function reuseOrMake<T>(
  file: string,
  kind: string,
  fingerprint: string,
  parts: { revive(saved: unknown): T | undefined; make(): T; save(made: T): unknown },
): { value: T; missed?: SnapshotMissed } {
  const saved = readSnapshot(file, kind, fingerprint);
  const revived = typeof saved === 'string' ? undefined : parts.revive(saved.value);
  if (revived !== undefined) return { value: revived };
  const reason = typeof saved === 'string' ? saved : 'unreadable';
  const value = parts.make();
  try {
    writeSnapshot(file, kind, fingerprint, parts.save(value));
    return { value, missed: { reason } };
  } catch (error) {
    return { value, missed: { reason, saveError: (error as Error).message } };
  }
}

/**
 * Saves a snapshot beside the target and renames it into place, so another instance starting at the same moment
 * reads either the old file or the new one, never half of one. Throws when the file cannot be written.
 */
export function writeSnapshot(file: string, kind: string, fingerprint: string, value: unknown): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, serialize({ kind, fingerprint, value } satisfies SavedSnapshot));
    renameSync(temporary, file);
  } catch (error) {
    if (existsSync(temporary)) unlinkSync(temporary);
    throw error;
  }
}
