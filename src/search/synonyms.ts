import type { SynonymFile } from '../knowledge/schema';
import { UNSPACED } from './scripts';

/**
 * Marks a concept token in analysed text (a private-use character, so it never occurs in what people type).
 * A concept token is the mark followed by the concept id, e.g. `\uE000trainee`.
 */
export const CONCEPT_MARK = '\uE000';

/** Whether a token of analysed text is a concept token. */
export function isConceptToken(token: string): boolean {
  return token.startsWith(CONCEPT_MARK);
}

/** Replaces every synonym variant in normalised text with its concept token. */
export type ConceptRewriter = (normalisedText: string) => string;

/** A letter of a spaced script: what must not touch a spaced variant for it to count as a whole word. */
const SPACED_LETTER = String.raw`(?:(?![${UNSPACED}])[\p{L}\p{N}\p{M}'])`;
const UNSPACED_CHAR = new RegExp(`[${UNSPACED}]`, 'u');

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Compiles synonym files into one rewriter, so "TTS", "thực tập sinh", "jisshusei" and "trainee" all become the
 * token of concept `trainee` in entries and in queries alike, and meet there. Files earlier in the list win when
 * two claim the same variant (pass the user's locale before English). Variants in spaced scripts match whole words
 * only ("tts" not inside "settsu"); variants in unspaced scripts (Thai, Chinese, Japanese …) match anywhere, since
 * those scripts have no word boundaries to respect. Longer variants win over their prefixes.
 */
export function conceptRewriter(files: readonly SynonymFile[], normalise: (variant: string) => string): ConceptRewriter {
  const conceptOf = new Map<string, string>();
  for (const file of files) {
    for (const [concept, variants] of Object.entries(file)) {
      for (const variant of variants) {
        const key = normalise(variant);
        if (key && !conceptOf.has(key)) conceptOf.set(key, concept);
      }
    }
  }
  if (conceptOf.size === 0) return (text) => text;
  const byLength = [...conceptOf.keys()].sort((a, b) => b.length - a.length);
  const spaced = byLength.filter((v) => !UNSPACED_CHAR.test(v)).map(escapeRegExp);
  const unspaced = byLength.filter((v) => UNSPACED_CHAR.test(v)).map(escapeRegExp);
  const alternatives = [
    ...(spaced.length ? [`(?<!${SPACED_LETTER})(?:${spaced.join('|')})(?!${SPACED_LETTER})`] : []),
    ...(unspaced.length ? [unspaced.join('|')] : []),
  ];
  const pattern = new RegExp(alternatives.join('|'), 'gu');
  return (text) => text.replace(pattern, (variant) => ` ${CONCEPT_MARK}${conceptOf.get(variant)} `);
}
