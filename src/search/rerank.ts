import Fuse, { type IFuseOptions } from 'fuse.js';
import { isConceptToken } from './synonyms';

/** A word of the query with its weight (rarity), so "the" matters less than "passport". */
export interface QueryToken {
  readonly text: string;
  readonly weight: number;
  /** Whether the word holds a gram the knowledge base never uses: the mark of a typo, worth a fuzzy search. */
  readonly unseen: boolean;
}

/** Tokens shorter than this are only checked exactly: one typo in three letters is another word. */
const MIN_FUZZY_LENGTH = 4;
/** Fuzzy searches per query at most (the heaviest words); each costs tens of microseconds per candidate. */
const MAX_FUZZY_TOKENS = 2;

const FUSE_OPTIONS: IFuseOptions<string> = {
  includeScore: true,
  ignoreLocation: true,
  ignoreFieldNorm: true,
  isCaseSensitive: true,
  threshold: 0.4,
};

/**
 * Share of the query's token weight found in a candidate's short fields (title, questions, keywords): exactly, or
 * approximately by fuse.js for the few words that look misspelt (they hold a gram the knowledge base never uses, as
 * "pasport" does). The query is searched word by word and the results merged, because fuse.js scores a pattern over
 * 32 characters as the average of 32-character chunks, so a long question would match nothing well.
 */
export function tokenRecall(fields: readonly string[], tokens: readonly QueryToken[]): number {
  const text = fields.join('\n');
  const fuzzy = tokens
    .filter((t) => t.unseen && t.text.length >= MIN_FUZZY_LENGTH && !isConceptToken(t.text) && !text.includes(t.text))
    .sort((a, b) => b.weight - a.weight)
    .slice(0, MAX_FUZZY_TOKENS);
  const fuse = fuzzy.length ? new Fuse([text], FUSE_OPTIONS) : undefined;
  let found = 0;
  let total = 0;
  for (const token of tokens) {
    total += token.weight;
    if (text.includes(token.text)) found += token.weight;
    else if (fuse && fuzzy.includes(token)) found += token.weight * (1 - (fuse.search(token.text)[0]?.score ?? 1));
  }
  return total > 0 ? found / total : 0;
}

/**
 * Rescores close candidates by their token recall. The candidate with the best recall keeps its score and the
 * others lose up to `influence` of theirs: reranking separates and reorders, and never inflates a score, so one set
 * of thresholds holds whether or not it ran.
 */
export function rerank(candidates: readonly { score: number; recall: number }[], influence: number): number[] {
  const top = Math.max(0, ...candidates.map((c) => c.recall));
  return candidates.map(({ score, recall }) => (top > 0 ? score * (1 - influence + (influence * recall) / top) : score));
}
