import { HAN_KANA, SOUTHEAST_ASIAN, UNSPACED } from './scripts';
import { CONCEPT_MARK, isConceptToken } from './synonyms';

/** The grams of a piece of text; a set, since repeating a word does not make it matter more. */
export type Grams = ReadonlySet<string>;

/**
 * How much a concept token weighs against one character n-gram. A concept stands for a whole word or phrase,
 * which would otherwise have contributed several n-grams.
 */
export const CONCEPT_WEIGHT = Number(process.env.CW ?? 3);

const TOKEN = new RegExp(`${CONCEPT_MARK}[a-z0-9-]+|[\\p{L}\\p{N}\\p{M}']+`, 'gu');
const RUN = new RegExp(`([${HAN_KANA}]+)|([${SOUTHEAST_ASIAN}]+)|([^${UNSPACED}]+)`, 'gu');

function addNgrams(out: Set<string>, chars: readonly string[], n: number): void {
  if (chars.length <= n) {
    out.add(chars.join(''));
    return;
  }
  for (let i = 0; i + n <= chars.length; i++) out.add(chars.slice(i, i + n).join(''));
}

/**
 * Cuts analysed text into the units the index matches on. Character n-grams rather than words, so that a typo,
 * a missing tone mark or a segmenter cutting 注销账号 differently from 注销账户 costs a gram or two instead of the
 * whole word:
 * - spaced scripts: trigrams of each word padded with spaces (" visa " → " vi", "vis", "isa", "sa ");
 * - Chinese characters and kana: bigrams across the run (注销账号 → 注销, 销账, 账号);
 * - Thai, Lao, Khmer, Burmese: trigrams across the run;
 * - concept tokens: kept whole.
 */
export function gramsOf(analysedText: string): Set<string> {
  const out = new Set<string>();
  for (const [token] of analysedText.matchAll(TOKEN)) {
    if (isConceptToken(token)) {
      out.add(token);
      continue;
    }
    for (const [, hanKana, southeastAsian, spaced] of token.replaceAll("'", '').matchAll(RUN)) {
      if (hanKana) addNgrams(out, Array.from(hanKana), 2);
      else if (southeastAsian) addNgrams(out, Array.from(southeastAsian), 3);
      else if (spaced) { addNgrams(out, Array.from(` ${spaced} `), 3); if (process.env.WORDG) out.add(` ${spaced} `); }
    }
  }
  return out;
}

/** The weight of one gram before rarity: concept tokens count as several n-grams. */
export function gramWeight(gram: string): number {
  return isConceptToken(gram) ? CONCEPT_WEIGHT : 1;
}
