import { createHash } from 'node:crypto';
import { codeFingerprint, hashTree, reuseOrMake, type SnapshotMiss } from '../snapshot-file';
import { KnowledgeBase, type KnowledgeSnapshot } from './knowledge-base';
import { loadKnowledge, type LoadKnowledgeOptions } from './loader';

/** Bump the number when the saved layout changes in a way the code fingerprint would not show. */
const KIND = 'knowledge/1';

/** What {@link loadKnowledgeCached} did, for the start-up log. */
export interface KnowledgeLoad {
  readonly kb: KnowledgeBase;
  /** `cache`: the snapshot of these very files was used; `validated`: every file was read and validated. */
  readonly from: 'cache' | 'validated';
  /** Why a saved snapshot was not used, when there was a file to use. */
  readonly reason?: SnapshotMiss;
  /** Set when the validated knowledge base could not be saved; start-up goes on without it. */
  readonly saveError?: string;
  /** The {@link knowledgeFingerprint} of what was loaded, when there was a file; it identifies the content exactly. */
  readonly fingerprint?: string;
}

/**
 * A hash of every file under the knowledge folder (names and bytes), the locales asked for, and the code that
 * validates them ({@link codeFingerprint}). Changing one byte of one file, or the loader, gives another hash.
 */
export function knowledgeFingerprint(options: LoadKnowledgeOptions, code = codeFingerprint()): string {
  const hash = createHash('sha256').update(`${KIND}\ncode ${code}\nlocales ${options.locales?.join(',') ?? 'all'}\n`);
  return hashTree(hash, options.root).digest('hex');
}

function isSnapshot(value: unknown): value is KnowledgeSnapshot {
  return Array.isArray(value) && value.length === 3 && value.every((part) => part instanceof Map);
}

/**
 * The knowledge base, validated. Validating 836 files (YAML and zod) is a quarter of a second of every start, so
 * the validated result is saved to `file`, and used at the next start only when the knowledge folder and the code
 * are byte for byte what was validated: hashing them costs a fraction of validating. Any edit, even a broken one,
 * changes the hash, so it is validated in full and a broken file still stops start-up with a
 * `KnowledgeLoadError`. Without a file it always validates. A missing, stale or damaged file is never an error,
 * and a file that cannot be written is reported in `saveError`.
 */
export function loadKnowledgeCached(options: LoadKnowledgeOptions & { file?: string | undefined; code?: string }): KnowledgeLoad {
  const { file, code, ...loadOptions } = options;
  if (!file) return { kb: loadKnowledge(loadOptions), from: 'validated' };
  const fingerprint = knowledgeFingerprint(loadOptions, code);
  const { value: kb, missed } = reuseOrMake(file, KIND, fingerprint, {
    revive: (saved) => (isSnapshot(saved) ? KnowledgeBase.fromSnapshot(saved) : undefined),
    make: () => loadKnowledge(loadOptions),
    save: (made) => made.snapshot(),
  });
  return missed ? { kb, from: 'validated', fingerprint, ...missed } : { kb, from: 'cache', fingerprint };
}
