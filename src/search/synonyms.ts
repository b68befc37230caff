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

/**
 * Concepts that say nothing about the topic (greetings, thanks). Their variants are dropped from entries and queries
 * alike: "hi, can they keep my passport" is a passport question, and "hi" alone matches nothing, so it comes out of
 * scope instead of meeting every entry whose example question starts with a greeting.
 */
const NO_TOPIC_CONCEPTS: ReadonlySet<string> = new Set(['greeting']);

/** Replaces every synonym variant in normalised text with its concept token. */
export type ConceptRewriter = (normalisedText: string) => string;

const UNSPACED_CHAR = new RegExp(`[${UNSPACED}]`, 'u');
const WORD_CHAR = /[\p{L}\p{N}\p{M}']/u;

/** A letter of a spaced script: what must not touch a spaced variant for it to count as a whole word. */
function isSpacedLetter(ch: string | undefined): boolean {
  return ch !== undefined && WORD_CHAR.test(ch) && !UNSPACED_CHAR.test(ch);
}

interface TrieNode {
  /** Children by UTF-16 code unit (numbers: reading `text[i]` would allocate a string per character). */
  next?: Map<number, TrieNode>;
  /** Set where a variant ends: what replaces it, and whether it must stand as a whole word. */
  end?: { readonly replacement: string; readonly wholeWord: boolean };
}

/** One synonym file, compiled into a character trie of its normalised variants. */
export interface ConceptTrie {
  readonly root: TrieNode;
}

interface Match {
  readonly replacement: string;
  readonly end: number;
}

/**
 * Compiles one synonym file. Each locale's file is compiled once and shared by every rewriter that uses it (all 19
 * use the English one).
 */
export function compileConcepts(file: SynonymFile, normalise: (variant: string) => string): ConceptTrie {
  const root: TrieNode = {};
  for (const [concept, variants] of Object.entries(file)) {
    for (const variant of variants.map(normalise)) {
      let node = root;
      for (let k = 0; k < variant.length; k++) {
        node.next ??= new Map();
        let child = node.next.get(variant.charCodeAt(k));
        if (!child) node.next.set(variant.charCodeAt(k), (child = {}));
        node = child;
      }
      if (variant && !node.end) {
        const replacement = NO_TOPIC_CONCEPTS.has(concept) ? ' ' : ` ${CONCEPT_MARK}${concept} `;
        node.end = { replacement, wholeWord: !UNSPACED_CHAR.test(variant) };
      }
    }
  }
  return { root };
}

/**
 * Rewrites text with compiled synonym files, so "TTS", "thực tập sinh", "jisshusei" and "trainee" all become the
 * token of concept `trainee` in entries and in queries alike, and meet there. Variants in spaced scripts match whole
 * words only ("tts" not inside "settsu"); variants in unspaced scripts (Thai, Chinese, Japanese …) match anywhere,
 * since those scripts have no word boundaries to respect. At each position the longest variant wins; between equally
 * long ones, the earlier file (pass the user's locale before English).
 *
 * The text is scanned once, walking the tries from each position: with hundreds of variants per locale this is an
 * order of magnitude faster than one alternation regex, which matters when indexing 19 locales at start-up.
 */
export function conceptRewriter(tries: readonly ConceptTrie[]): ConceptRewriter {
  const roots = tries.map((t) => t.root).filter((root) => root.next);
  if (roots.length === 0) return (text) => text;
  return (text) => {
    let out = '';
    let copied = 0;
    let i = 0;
    while (i < text.length) {
      let match: Match | undefined;
      for (const root of roots) {
        const found = root.next!.has(text.charCodeAt(i)) ? longestMatch(root, text, i) : undefined;
        if (found && found.end > (match?.end ?? i)) match = found;
      }
      if (match) {
        out += text.slice(copied, i) + match.replacement;
        i = copied = match.end;
      } else i++;
    }
    return copied === 0 ? text : out + text.slice(copied);
  };
}

function longestMatch(root: TrieNode, text: string, start: number): Match | undefined {
  const atWordStart = !isSpacedLetter(text[start - 1]);
  let found: Match | undefined;
  let node: TrieNode | undefined = root;
  for (let i = start; i < text.length && (node = node.next?.get(text.charCodeAt(i))); i++) {
    const end = node.end;
    if (end && (!end.wholeWord || (atWordStart && !isSpacedLetter(text[i + 1])))) found = { replacement: end.replacement, end: i + 1 };
  }
  return found;
}
