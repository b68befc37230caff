import { createHash } from 'node:crypto';
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import { codeFingerprint, hashTree, reuseOrMake, type SnapshotMiss } from '../snapshot-file';
import { SearchEngine, type SearchEngineOptions, type SearchSnapshot } from './search-engine';
import { TRANSLITERATION_DIR } from './transliteration';

/** Bump the number when the saved layout changes in a way the code fingerprint would not show. */
const KIND = 'search-index/1';

/** What {@link loadSearchEngine} did, for the start-up log. */
export interface SearchLoad {
  readonly engine: SearchEngine;
  /** `cache`: loaded a matching saved index; `built`: built it (and saved it when a file is given). */
  readonly from: 'cache' | 'built';
  /** Why a saved index was not used, when there was a file to use. */
  readonly reason?: SnapshotMiss;
  /** Set when the freshly built index could not be saved; start-up goes on without it. */
  readonly saveError?: string;
}

/**
 * A hash of everything the index is built from: the knowledge text and synonyms of every locale, and the code that
 * builds it with its Node.js version and dependencies ({@link codeFingerprint}). Any change means a rebuild, so a
 * saved index can never answer from old content. `knowledge`, when the caller has it, is a hash that already
 * identifies the knowledge folder exactly (`knowledgeFingerprint`), and saves hashing every entry again; without it
 * the entries, the synonyms and the transliteration tables (`tables`) are hashed.
 */
export function indexFingerprint(kb: KnowledgeBase, code = codeFingerprint(), knowledge?: string, tables = TRANSLITERATION_DIR): string {
  const hash = createHash('sha256');
  hash.update(`${KIND}\ncode ${code}\n`);
  if (knowledge) return hash.update(`knowledge ${knowledge}\n`).digest('hex');
  hashTree(hash, tables);
  for (const locale of kb.locales()) {
    hash.update(`\nlocale ${locale}\n`).update(JSON.stringify(kb.synonyms(locale)));
    for (const { id, title, questions, keywords, sector, answer } of kb.entriesIn(locale)) {
      hash.update(JSON.stringify([id, title, questions, keywords, sector ?? null, answer]));
    }
  }
  return hash.digest('hex');
}

function fits(snapshot: unknown, kb: KnowledgeBase): snapshot is SearchSnapshot {
  const locales = kb.locales().filter((locale) => kb.idsIn(locale).length > 0);
  return (
    Array.isArray(snapshot) &&
    snapshot.length === locales.length &&
    (snapshot as SearchSnapshot).every(([locale, { ids }], i) => locale === locales[i] && ids.join('\n') === kb.idsIn(locale).join('\n'))
  );
}

/**
 * The search engine for a knowledge base, loaded from `file` when a saved index there was built from the same
 * knowledge by the same code, else built (about 0.6 s for 19 locales, most of start-up after module loading) and
 * saved to `file` for the next start. Without a file it always builds. A missing, stale or damaged file is never an
 * error: the engine is built, and a file that cannot be written is reported in `saveError`.
 */
export function loadSearchEngine(
  kb: KnowledgeBase,
  options: { file?: string | undefined; code?: string; knowledgeFingerprint?: string | undefined } & SearchEngineOptions,
): SearchLoad {
  const { file, code, knowledgeFingerprint, ...engineOptions } = options;
  if (!file) return { engine: SearchEngine.build(kb, engineOptions), from: 'built' };
  const { value: engine, missed } = reuseOrMake(file, KIND, indexFingerprint(kb, code, knowledgeFingerprint), {
    revive: (saved) => (fits(saved, kb) ? SearchEngine.fromSnapshot(kb, saved, engineOptions) : undefined),
    make: () => SearchEngine.build(kb, engineOptions),
    save: (made) => made.snapshot(),
  });
  return missed ? { engine, from: 'built', ...missed } : { engine, from: 'cache' };
}
