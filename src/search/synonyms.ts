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
 * Small talk: what a message says besides its topic. A greeting or a polite word ("hi", "please", "ครับ"), thanks or
 * an acknowledgement ("thank you", "ok"), and a question that names no topic ("what should I do?", "is that ok?").
 * Their variants are dropped from entries and queries alike, so "hi, can they keep my passport, what should i do" is
 * a passport question, and a message that is nothing but small talk meets no entry; `SearchEngine.smallTalk` tells the
 * bot which kind it was, so "ok" gets a short reply instead of an entry that happens to contain "OK".
 */
export const SMALL_TALK_CONCEPTS = ['greeting', 'thanks', 'vague'] as const;
export type SmallTalk = (typeof SMALL_TALK_CONCEPTS)[number];
const SMALL_TALK: ReadonlySet<string> = new Set(SMALL_TALK_CONCEPTS);

/**
 * Concepts that point away from this bot's subject (a holiday, a tourist visa), or to a subject the knowledge base
 * has no sourced entry for: pregnancy; the everyday-life questions trainees ask before they leave (weather, halal
 * food, prayer, a SIM card, a bank account, sending money home, driving, tattoos, what to pack, dating and marriage,
 * a side job); and tax, work injuries, paid leave, working hours, a criminal record and a lost or stolen passport or
 * residence card, where a look-alike entry misleads (the health-insurance entry for a work injury, the lecture's
 * "8 hours a day" for working hours, the help line for a police case, the passport-retention entry for a lost card).
 * Entries never use them (a test checks); a query that does is out of scope unless it matches an entry strongly
 * anyway ("can I visit home during stage ii" still finds its entry), so the user is sent to the
 * official help line instead of being answered about something else ("có thai có bị về nước không" was answered with
 * the stage iii conditions, "is there halal food in japan" with the food-manufacturing sector). See
 * `SearchThresholds.offTopic`; take a concept off once an entry covers it.
 */
export const OFF_TOPIC_CONCEPTS: readonly string[] = [
  'tourism',
  'pregnancy',
  'weather',
  'food-and-cooking',
  'religion',
  'phone-and-internet',
  'banking',
  'remittance',
  'driving',
  'tattoo',
  'packing',
  'tax',
  'work-injury',
  'paid-leave',
  'relationships',
  'side-job',
  'lost-documents',
  'working-hours',
  'criminal-record',
];

/** An off-topic concept token as a whole token, so that an id never matches the start of a longer one. */
const OFF_TOPIC_TOKEN = new RegExp(`${CONCEPT_MARK}(?:${OFF_TOPIC_CONCEPTS.join('|')})(?![a-z0-9-])`, 'u');

/** Whether analysed text carries a concept that points away from the bot's subject. */
export function mentionsOffTopic(analysed: string): boolean {
  return OFF_TOPIC_TOKEN.test(analysed);
}

/** Replaces every synonym variant in normalised text with its concept token. */
export type ConceptRewriter = (normalisedText: string) => string;

const UNSPACED_CHAR = new RegExp(`[${UNSPACED}]`, 'u');
const WORD_CHAR = /[\p{L}\p{N}\p{M}']/u;

/** Per UTF-16 code unit: 0 not yet known, 1 a letter of a spaced script, 2 anything else. */
const spacedLetterCache = new Uint8Array(0x10000);

/**
 * Whether a code unit is a letter of a spaced script: what must not touch a spaced variant for it to count as a
 * whole word. The concept mark counts as one, so that text rewritten once can be rewritten again with another
 * locale's synonyms without a variant ("titp") matching inside a concept token. Memoised, since it is asked for
 * every character of every entry.
 */
function isSpacedLetter(code: number): boolean {
  if (Number.isNaN(code)) return false;
  if (spacedLetterCache[code] === 0) {
    const ch = String.fromCharCode(code);
    spacedLetterCache[code] = ch === CONCEPT_MARK || (WORD_CHAR.test(ch) && !UNSPACED_CHAR.test(ch)) ? 1 : 2;
  }
  return spacedLetterCache[code] === 1;
}

interface TrieNode {
  /** Children by UTF-16 code unit (numbers: reading `text[i]` would allocate a string per character). */
  next?: Map<number, TrieNode>;
  /** Set where a variant ends: what replaces it. */
  replacement?: string;
}

/**
 * One synonym file, compiled into character tries of its normalised variants: variants of spaced scripts, tried
 * only at the start of a word, and variants of unspaced scripts, tried anywhere.
 */
export interface ConceptTrie {
  readonly spaced: TrieNode;
  readonly unspaced: TrieNode;
}

interface Match {
  readonly replacement: string;
  readonly end: number;
}

function insert(root: TrieNode, variant: string, replacement: string): void {
  let node = root;
  for (let k = 0; k < variant.length; k++) {
    node.next ??= new Map();
    let child = node.next.get(variant.charCodeAt(k));
    if (!child) node.next.set(variant.charCodeAt(k), (child = {}));
    node = child;
  }
  node.replacement ??= replacement;
}

/**
 * Compiles one synonym file. Each locale's file is compiled once and shared by every rewriter that uses it (all 19
 * use the English one). Small talk becomes tokens like any concept, so one compiled file serves both search (which
 * drops them, see {@link dropSmallTalk}) and telling which kind of small talk a message was ({@link smallTalkOf}).
 */
export function compileConcepts(file: SynonymFile, normalise: (variant: string) => string): ConceptTrie {
  const trie: ConceptTrie = { spaced: {}, unspaced: {} };
  for (const [concept, variants] of Object.entries(file)) {
    const replacement = ` ${CONCEPT_MARK}${concept} `;
    for (const variant of variants.map(normalise)) {
      if (variant) insert(UNSPACED_CHAR.test(variant) ? trie.unspaced : trie.spaced, variant, replacement);
    }
  }
  return trie;
}

/** A small-talk token with the spaces the rewriter puts around every token. */
const SMALL_TALK_TOKEN = new RegExp(` ${CONCEPT_MARK}(?:${SMALL_TALK_CONCEPTS.join('|')}) `, 'gu');

/** Takes small-talk tokens out of rewritten text, leaving the space a dropped word leaves, as search needs it. */
export function dropSmallTalk(rewritten: string): string {
  return rewritten.includes(CONCEPT_MARK) ? rewritten.replace(SMALL_TALK_TOKEN, ' ') : rewritten;
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
  const roots = tries
    .flatMap((t) => [
      { root: t.spaced, wholeWord: true },
      { root: t.unspaced, wholeWord: false },
    ])
    .filter(({ root }) => root.next);
  if (roots.length === 0) return (text) => text;
  return (text) => {
    let out = '';
    let copied = 0;
    let i = 0;
    while (i < text.length) {
      let match: Match | undefined;
      const atWordStart = !isSpacedLetter(text.charCodeAt(i - 1));
      for (const { root, wholeWord } of roots) {
        if (wholeWord && !atWordStart) continue;
        const found = longestMatch(root, text, i, wholeWord);
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

function longestMatch(root: TrieNode, text: string, start: number, wholeWord: boolean): Match | undefined {
  let found: Match | undefined;
  let node: TrieNode | undefined = root;
  for (let i = start; i < text.length && (node = node.next?.get(text.charCodeAt(i))); i++) {
    if (node.replacement !== undefined && !(wholeWord && isSpacedLetter(text.charCodeAt(i + 1)))) {
      found = { replacement: node.replacement, end: i + 1 };
    }
  }
  return found;
}

const SMALL_TALK_PRIORITY: readonly SmallTalk[] = ['vague', 'thanks', 'greeting'];
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * Which kind of small talk a message is, given its text rewritten with small talk kept: undefined when anything else
 * is left (a topic word, an unknown word). Punctuation and emoji count for nothing. When kinds mix, the one that
 * needs the most from the bot wins: "hi, I have a question" is vague, "ok thanks" is thanks.
 */
export function smallTalkOf(rewrittenKeepingSmallTalk: string): SmallTalk | undefined {
  const kinds = new Set<string>();
  for (const token of rewrittenKeepingSmallTalk.split(' ')) {
    if (isConceptToken(token)) {
      const concept = token.slice(CONCEPT_MARK.length);
      if (!SMALL_TALK.has(concept)) return undefined;
      kinds.add(concept);
    } else if (LETTER_OR_DIGIT.test(token)) return undefined;
  }
  return SMALL_TALK_PRIORITY.find((kind) => kinds.has(kind));
}
