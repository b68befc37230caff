import { foldLatinAccents } from '../i18n/latin-accents';

/** Vietnamese tone marks: grave, acute, tilde, hook above, dot below. Circumflex, breve and horn are letters' own. */
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/gu;
/** Hook above and tilde (hỏi, ngã) sound alike in much of Vietnam, and users swap them: they count as one tone. */
const HOI_NGA = /\u0303/gu;
const WORDS = /[\p{L}\p{M}]+/gu;

/**
 * A word's spelling with its tone taken out of its position, so the two accepted placements ("hoá" and "hóa",
 * "thuỷ" and "thủy") give the same key while other tones ("thuế" tax, "thuê" hire) give different keys.
 */
export function toneKey(word: string): string {
  const decomposed = word.normalize('NFD').toLowerCase();
  const tones = (decomposed.match(TONES) ?? []).join('').replace(HOI_NGA, '\u0309');
  return `${decomposed.replace(TONES, '').normalize('NFC')}#${tones}`;
}

/** The words of a text, lower-cased and composed. */
function wordsOf(text: string): string[] {
  return text.normalize('NFC').toLowerCase().match(WORDS) ?? [];
}

/** A word folded to plain letters, and its {@link toneKey}. */
export interface MarkedWord {
  readonly folded: string;
  readonly key: string;
}

/** For each word of a document folded to plain letters: the spellings it uses, and whether any carries marks. */
export type MarkedVocabulary = ReadonlyMap<string, { readonly keys: ReadonlySet<string>; readonly marked: boolean }>;

/** The vocabulary of a document's texts (title, questions, keywords, answer), for {@link falseFriendShare}. */
export function markedVocabulary(texts: readonly string[]): MarkedVocabulary {
  const vocabulary = new Map<string, { keys: Set<string>; marked: boolean }>();
  for (const word of texts.flatMap(wordsOf)) {
    const folded = foldLatinAccents(word);
    let spellings = vocabulary.get(folded);
    if (!spellings) vocabulary.set(folded, (spellings = { keys: new Set(), marked: false }));
    spellings.keys.add(toneKey(word));
    if (word !== folded) spellings.marked = true;
  }
  return vocabulary;
}

/**
 * The words of a message typed with marks, or undefined when none carries any. Someone who types marks at all types
 * them where they belong, so then a bare word is taken as written: "có thai" (pregnant) is not "thái" (Thai).
 */
export function markedWords(text: string): readonly MarkedWord[] | undefined {
  const words = wordsOf(text).map((word) => ({ word, folded: foldLatinAccents(word) }));
  if (!words.some(({ word, folded }) => word !== folded)) return undefined;
  return words.map(({ word, folded }) => ({ folded, key: toneKey(word) }));
}

/**
 * The share of a message's words that a document holds only with other tone marks: search folds marks away so
 * that "thue" finds "thuế", but a user who typed "thuế" (tax) does not mean the document's "thuê" (hire). Only
 * words in `plain` count (the folded words search matched as words, not those a synonym concept took over). A word
 * the document lacks altogether does not count, nor one it spells only without marks (a keyword written as users
 * type without marks, "bo tron", may mean any tone), nor hỏi/ngã swaps or the two tone placements ({@link toneKey}).
 */
export function falseFriendShare(message: readonly MarkedWord[], plain: ReadonlySet<string>, vocabulary: MarkedVocabulary): number {
  let falseFriends = 0;
  for (const { folded, key } of message) {
    const spellings = vocabulary.get(folded);
    if (spellings?.marked && !spellings.keys.has(key) && plain.has(folded)) falseFriends += 1;
  }
  return falseFriends / message.length;
}
