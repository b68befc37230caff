import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import { LOCKFILE } from '../paths';
import { SearchEngine, type SearchEngineOptions, type SearchSnapshot } from './search-engine';

/** Bump when the saved layout changes in a way the code fingerprint would not show. */
const FORMAT = 1;

/** What {@link loadSearchEngine} did, for the start-up log. */
export interface SearchLoad {
  readonly engine: SearchEngine;
  /** `cache`: loaded a matching saved index; `built`: built it (and saved it when a file is given). */
  readonly from: 'cache' | 'built';
  /** Why a saved index was not used, when there was a file to use. */
  readonly reason?: 'missing' | 'stale' | 'unreadable';
  /** Set when the freshly built index could not be saved; start-up goes on without it. */
  readonly saveError?: string;
}

interface SavedIndex {
  readonly format: number;
  readonly fingerprint: string;
  readonly snapshot: SearchSnapshot;
}

/**
 * A hash of everything the index is built from: the knowledge text and synonyms of every locale, the search code
 * itself (every file beside this one), the Node.js version (Unicode and ICU segmentation) and the installed
 * dependencies (the lockfile). Any change means a rebuild, so a saved index can never answer from old content.
 */
export function indexFingerprint(kb: KnowledgeBase, lockfile = LOCKFILE, codeDir = __dirname): string {
  const hash = createHash('sha256');
  hash.update(`format ${FORMAT}\nnode ${process.version}\n`);
  for (const name of readdirSync(codeDir).sort()) {
    if (/\.(ts|js)$/.test(name)) hash.update(name).update(readFileSync(join(codeDir, name)));
  }
  if (existsSync(lockfile)) hash.update(readFileSync(lockfile));
  for (const locale of kb.locales()) {
    hash.update(`\nlocale ${locale}\n`).update(JSON.stringify(kb.synonyms(locale)));
    for (const { id, title, questions, keywords, sector, answer } of kb.entriesIn(locale)) {
      hash.update(JSON.stringify([id, title, questions, keywords, sector ?? null, answer]));
    }
  }
  return hash.digest('hex');
}

function fits(snapshot: SearchSnapshot, kb: KnowledgeBase): boolean {
  const locales = kb.locales().filter((locale) => kb.idsIn(locale).length > 0);
  return (
    snapshot.length === locales.length &&
    snapshot.every(([locale, { ids }], i) => locale === locales[i] && ids.join('\n') === kb.idsIn(locale).join('\n'))
  );
}

function readSaved(file: string, fingerprint: string, kb: KnowledgeBase): SearchSnapshot | 'missing' | 'stale' | 'unreadable' {
  if (!existsSync(file)) return 'missing';
  let saved: SavedIndex;
  try {
    saved = deserialize(readFileSync(file)) as SavedIndex;
  } catch {
    return 'unreadable';
  }
  if (saved?.format !== FORMAT || saved.fingerprint !== fingerprint) return 'stale';
  return Array.isArray(saved.snapshot) && fits(saved.snapshot, kb) ? saved.snapshot : 'unreadable';
}

/** Writes next to the target and renames, so a reader (another instance starting) never sees half a file. */
function save(file: string, contents: Buffer): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, contents);
    renameSync(temporary, file);
  } catch (error) {
    if (existsSync(temporary)) unlinkSync(temporary);
    throw error;
  }
}

/**
 * The search engine for a knowledge base, loaded from `file` when a saved index there was built from the same
 * knowledge by the same code, else built (about 0.6 s for 19 locales, most of start-up after module loading) and
 * saved to `file` for the next start. Without a file it always builds. A missing, stale or damaged file is never an
 * error: the engine is built, and a file that cannot be written is reported in `saveError`.
 */
export function loadSearchEngine(kb: KnowledgeBase, options: { file?: string | undefined; lockfile?: string } & SearchEngineOptions): SearchLoad {
  const { file, lockfile = LOCKFILE, ...engineOptions } = options;
  if (!file) return { engine: SearchEngine.build(kb, engineOptions), from: 'built' };
  const fingerprint = indexFingerprint(kb, lockfile);
  const saved = readSaved(file, fingerprint, kb);
  if (typeof saved !== 'string') return { engine: SearchEngine.fromSnapshot(kb, saved, engineOptions), from: 'cache' };
  const engine = SearchEngine.build(kb, engineOptions);
  try {
    save(file, serialize({ format: FORMAT, fingerprint, snapshot: engine.snapshot() } satisfies SavedIndex));
    return { engine, from: 'built', reason: saved };
  } catch (error) {
    return { engine, from: 'built', reason: saved, saveError: (error as Error).message };
  }
}
