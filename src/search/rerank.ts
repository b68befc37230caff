import Fuse, { type IFuseOptions } from 'fuse.js';
import { isConceptToken } from './synonyms';

/** A word of the query with its weight (rarity), so "the" matters less than "passport". */
export interface QueryToken {
  readonly text: string;
  readonly weight: number;
}

/** A candidate from the n-gram index: its score and its short normalised fields (title, questions, keywords). */
export interface RerankCandidate {
  readonly score: number;
  readonly fields: readonly string[];
}

/** Tokens shorter than this are only checked exactly: one typo in three letters is another word. */
const MIN_FUZZY_LENGTH = 4;

const FUSE_OPTIONS: IFuseOptions<string> = {
  includeScore: true,
  ignoreLocation: true,
  ignoreFieldNorm: true,
  isCaseSensitive: true,
  shouldSort: false,
  threshold: 0.4,
};

/**
 * Share of the query's token weight found in each candidate's fields: exactly, or approximately by fuse.js
 * (typos such as "pasport"). The query is searched token by token and the results merged, because fuse.js scores a
 * pattern over 32 characters as the average of 32-character chunks, so a long question would match nothing well.
 */
export function tokenRecall(tokens: readonly QueryToken[], candidates: readonly RerankCandidate[]): number[] {
  const owner = candidates.flatMap((c, i) => c.fields.map(() => i));
  const fuse = new Fuse(candidates.flatMap((c) => c.fields), FUSE_OPTIONS);
  const found = candidates.map(() => 0);
  let total = 0;
  for (const token of tokens) {
    total += token.weight;
    const similarity: number[] = candidates.map((c) => (c.fields.some((f) => f.includes(token.text)) ? 1 : 0));
    const fuzzy = token.text.length >= MIN_FUZZY_LENGTH && !isConceptToken(token.text);
    if (fuzzy && similarity.includes(0)) {
      for (const { refIndex, score = 1 } of fuse.search(token.text)) {
        const c = owner[refIndex]!;
        similarity[c] = Math.max(similarity[c]!, 1 - score);
      }
    }
    similarity.forEach((s, c) => (found[c] = found[c]! + token.weight * s));
  }
  return found.map((f) => (total > 0 ? f / total : 0));
}

/**
 * Rescores close candidates by fuzzy token recall. The candidate with the best recall keeps its score and the
 * others lose up to `influence` of theirs: reranking separates and reorders, and never inflates a score, so one set
 * of thresholds holds whether or not it ran.
 */
export function rerank(tokens: readonly QueryToken[], candidates: readonly RerankCandidate[], influence: number): number[] {
  const recall = tokenRecall(tokens, candidates);
  const top = Math.max(0, ...recall);
  return candidates.map((c, i) => (top > 0 ? c.score * (1 - influence + (influence * recall[i]!) / top) : c.score));
}
