import { LRUCache } from 'lru-cache';
import { foldLatinAccents } from './latin-accents';

/**
 * Folds short user input for comparing with option labels and command words: NFKC, lower case, Latin accents
 * removed (only on Latin letters, so Thai or Devanagari marks survive), punctuation and extra spaces dropped.
 */
export function foldForMatch(text: string): string {
  if (text.length > MAX_REMEMBERED_LENGTH) return fold(text);
  let folded = recentFolds.get(text);
  if (folded === undefined) recentFolds.set(text, (folded = fold(text)));
  return folded;
}

/** Labels and command words are folded again on every turn, so recent short texts are kept. */
const MAX_REMEMBERED_LENGTH = 200;
const recentFolds = new LRUCache<string, string>({ max: 5_000 });

function fold(text: string): string {
  return foldLatinAccents(text.normalize('NFKC').toLowerCase())
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
