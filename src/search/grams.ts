import type { Locale } from '../i18n/locales';
import { HAN_KANA, SOUTHEAST_ASIAN, UNSPACED } from './scripts';
import { CONCEPT_MARK, isConceptToken } from './synonyms';

/** The grams of a piece of text in order, repeats included (the index counts each once per field). */
export type Grams = readonly string[];

/**
 * How much a concept token weighs against one character n-gram. A concept stands for a whole word or phrase,
 * which would otherwise have contributed several n-grams.
 */
const CONCEPT_WEIGHT = 5;

/**
 * Locales written in single syllables separated by spaces (Vietnamese): most words are two syllables, so the
 * pairs carry the meaning (thời tiết "weather" is not thời gian "time" plus tiết "period").
 */
const SYLLABIC: ReadonlySet<Locale> = new Set<Locale>(['vi']);

/** Whether a locale's grams include syllable pairs; text is cut alike in every locale where this agrees. */
export function pairsSyllables(locale: Locale): boolean {
  return SYLLABIC.has(locale);
}

const TOKEN = new RegExp(`${CONCEPT_MARK}[a-z0-9-]+|[\\p{L}\\p{N}\\p{M}']+`, 'gu');
const RUN = new RegExp(`([${HAN_KANA}]+)|([${SOUTHEAST_ASIAN}]+)|([^${UNSPACED}]+)`, 'gu');

/** Code units of characters beyond the BMP (rare Chinese characters): those runs are cut by code point. */
const SURROGATE = /[\uD800-\uDFFF]/;
const HAS_UNSPACED = new RegExp(`[${UNSPACED}]`, 'u');

function addNgrams(out: string[], run: string, n: number): void {
  if (SURROGATE.test(run)) {
    const chars = Array.from(run);
    if (chars.length <= n) out.push(run);
    else for (let i = 0; i + n <= chars.length; i++) out.push(chars.slice(i, i + n).join(''));
  } else if (run.length <= n) out.push(run);
  else for (let i = 0; i + n <= run.length; i++) out.push(run.slice(i, i + n));
}

/**
 * Cuts analysed text into the units the index matches on. Character n-grams rather than words, so that a typo,
 * a missing tone mark or a segmenter cutting 注销账号 differently from 注销账户 costs a gram or two instead of the
 * whole word:
 * - spaced scripts: trigrams of each word padded with spaces (" visa " → " vi", "vis", "isa", "sa ");
 * - Chinese characters and kana: bigrams across the run (注销账号 → 注销, 销账, 账号);
 * - Thai, Lao, Khmer, Burmese: trigrams across the run;
 * - Vietnamese: also each pair of adjacent syllables ("thoi tiet");
 * - concept tokens: kept whole.
 */
export function gramsOf(analysedText: string, locale: Locale): string[] {
  const out: string[] = [];
  const pairs = pairsSyllables(locale);
  let previous = '';
  let previousEnd = -1;
  for (const { 0: token, index } of analysedText.matchAll(TOKEN)) {
    if (isConceptToken(token)) {
      out.push(token);
      previous = '';
      continue;
    }
    if (pairs && previous && index === previousEnd + 1 && analysedText[previousEnd] === ' ') out.push(`${previous} ${token}`);
    previous = token;
    previousEnd = index + token.length;
    const word = token.includes("'") ? token.replaceAll("'", '') : token;
    if (!HAS_UNSPACED.test(word)) {
      addNgrams(out, ` ${word} `, 3);
      continue;
    }
    for (const [, hanKana, southeastAsian, spaced] of word.matchAll(RUN)) {
      if (hanKana) addNgrams(out, hanKana, 2);
      else if (southeastAsian) addNgrams(out, southeastAsian, 3);
      else if (spaced) addNgrams(out, ` ${spaced} `, 3);
    }
  }
  return out;
}

/** The weight of one gram before rarity: concept tokens count as several n-grams. */
export function gramWeight(gram: string): number {
  return isConceptToken(gram) ? CONCEPT_WEIGHT : 1;
}
