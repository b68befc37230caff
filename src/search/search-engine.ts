import { SOURCE_LOCALE, type Locale } from '../i18n/locales';
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import type { KnowledgeEntry } from '../knowledge/schema';
import { gramsOf, pairsSyllables } from './grams';
import { NgramIndex, type IndexDoc, type NgramIndexData } from './ngram-index';
import { normalizationClass, normalize, segment } from './normalize';
import { rerank, tokenRecall, type QueryToken } from './rerank';
import { CONCEPT_MARK, compileConcepts, conceptRewriter, dropSmallTalk, isConceptToken, mentionsOffTopic, smallTalkOf, type ConceptRewriter, type ConceptTrie, type SmallTalk } from './synonyms';
import { SEARCH_THRESHOLDS, type SearchThresholds } from './thresholds';
import { falseFriendShare, markedVocabulary, markedWords, type MarkedVocabulary } from './tone-marks';

/** `answer`: one confident entry. `clarify`: a few close candidates to choose from. `none`: out of scope. */
export type SearchOutcome = 'answer' | 'clarify' | 'none';

/** What a search found. The bot shows the entry (or candidates) in the user's own locale, whichever matched. */
export interface SearchResult {
  readonly outcome: SearchOutcome;
  /** The entry to answer with; set only for `answer`. */
  readonly id: string | null;
  /**
   * Best first, at most 3: for `clarify` the choices to offer (two or three; one when only one entry is plausible at
   * all), for `answer` the answer and close runners-up, empty for `none`.
   */
  readonly candidates: string[];
  /** How well the best entry matches, in [0, 1]; for `none` it is the (too low) best score. */
  readonly confidence: number;
  /** The locale whose entry matched best (English when a Vietnamese user typed English); null for `none`. */
  readonly matchedLocale: Locale | null;
  /**
   * Set when the message is only small talk ("hello", "ok thanks", "what should I do?"); the outcome is then `none`.
   * Such a message names no topic, so the bot replies to it instead: search alone would find the one entry that
   * happens to contain "OK" or "what should I do".
   */
  readonly smallTalk?: SmallTalk;
}

/** Options for {@link SearchEngine.build}. */
export interface SearchEngineOptions {
  /** Replaces the tuned thresholds; for tests and tuning. */
  readonly thresholds?: SearchThresholds;
}

/** The short fields say what an entry is about; the answer also mentions much else, so it counts for less. */
const FIELD_WEIGHTS = { title: 1, question: 1, keyword: 0.7, answer: 0.3 } as const;
/** Candidates taken from each locale's index before deciding. */
const CANDIDATES_PER_LOCALE = 5;
/** Candidates the fuzzy check rescores when the top two are close. */
const RERANKED = 3;
const MAX_CANDIDATES = 3;
/** Locales whose marks tell words apart, so a match made only by folding them away counts against a document. */
const TONED_LOCALES: ReadonlySet<Locale> = new Set<Locale>(['vi']);
const LATIN_LETTERS = /^[a-z]+$/;

interface LocaleIndex {
  readonly ids: readonly string[];
  readonly index: NgramIndex;
  /** Analysed title, questions and keywords per document, for fuzzy reranking. */
  readonly shortFields: readonly (readonly string[])[];
}

/** A built engine's indexes as plain data, which `index-cache.ts` saves and loads. */
export type SearchSnapshot = readonly (readonly [Locale, { readonly ids: readonly string[]; readonly shortFields: readonly (readonly string[])[]; readonly index: NgramIndexData }])[];

interface Candidate {
  readonly id: string;
  readonly score: number;
  readonly locale: Locale;
  /** The document in that locale's index. */
  readonly doc: number;
}

/**
 * One user message, analysed on demand for each locale searched: normalised by that locale's rules (Chinese folds
 * Traditional, Uzbek transliterates Cyrillic), rewritten with the synonyms of the user's locale and English, small
 * talk dropped, then rewritten with those of the locale searched on what is left. Locales that analyse alike share
 * the work, and fuzzy recall is computed once per candidate.
 */
class Query {
  private readonly normalised = new Map<string, string>();
  private readonly withSmallTalk = new Map<string, string>();
  private readonly rewritten = new Map<string, string>();
  private readonly analysedIn = new Map<Locale, string>();
  private readonly grammed = new Map<string, string[]>();
  private readonly tokensByLocale = new Map<Locale, QueryToken[]>();
  private readonly recalls = new Map<string, number>();
  private marks: ReturnType<typeof markedWords> | null = null;

  constructor(
    private readonly text: string,
    /** The user's and the English synonyms, small talk kept. */
    private readonly rewrite: ConceptRewriter,
    /** The searched locale's own synonyms, when they are not the user's or English. */
    private readonly searchedSynonyms: (searched: Locale) => ConceptRewriter | undefined,
  ) {}

  analysed(locale: Locale): string {
    let analysed = this.analysedIn.get(locale);
    if (analysed === undefined) {
      const normalised = this.normalisedFor(locale);
      let rewritten = this.rewritten.get(normalised);
      if (rewritten === undefined) this.rewritten.set(normalised, (rewritten = dropSmallTalk(this.rewrittenWithSmallTalk(normalised))));
      analysed = this.searchedSynonyms(locale)?.(rewritten) ?? rewritten;
      this.analysedIn.set(locale, analysed);
    }
    return analysed;
  }

  /** Which kind of small talk the message is, read by a locale's rules; undefined when it names anything else. */
  smallTalk(locale: Locale): SmallTalk | undefined {
    return smallTalkOf(this.rewrittenWithSmallTalk(this.normalisedFor(locale)));
  }

  private normalisedFor(locale: Locale): string {
    const rules = normalizationClass(locale);
    let normalised = this.normalised.get(rules);
    if (normalised === undefined) this.normalised.set(rules, (normalised = normalize(this.text, locale)));
    return normalised;
  }

  private rewrittenWithSmallTalk(normalised: string): string {
    let rewritten = this.withSmallTalk.get(normalised);
    if (rewritten === undefined) this.withSmallTalk.set(normalised, (rewritten = this.rewrite(normalised)));
    return rewritten;
  }

  grams(locale: Locale): string[] {
    const analysed = this.analysed(locale);
    const key = `${pairsSyllables(locale)}:${analysed}`;
    let grams = this.grammed.get(key);
    if (!grams) this.grammed.set(key, (grams = gramsOf(analysed, locale)));
    return grams;
  }

  /** The message's words when it was typed with Latin marks (see `tone-marks.ts`); undefined when it has none. */
  markedWords(): ReturnType<typeof markedWords> {
    if (this.marks === null) this.marks = markedWords(this.text);
    return this.marks;
  }

  /** How much of the query a candidate's short fields hold, allowing typos (see {@link tokenRecall}). */
  recall(candidate: Candidate, target: LocaleIndex): number {
    const key = `${candidate.locale}:${candidate.doc}`;
    let recall = this.recalls.get(key);
    if (recall === undefined) this.recalls.set(key, (recall = tokenRecall(target.shortFields[candidate.doc]!, this.tokens(candidate.locale, target.index))));
    return recall;
  }

  /** The query's words in a locale, segmented by its rules; a concept counts as one word. */
  words(locale: Locale): string[] {
    return this.analysed(locale)
      .split(' ')
      .flatMap((piece) => (isConceptToken(piece) ? [piece] : segment(piece, locale)));
  }

  /** The query's words in a locale, each weighted by the rarity of its grams there. */
  private tokens(locale: Locale, index: NgramIndex): QueryToken[] {
    let tokens = this.tokensByLocale.get(locale);
    if (!tokens) {
      tokens = [...new Set(this.words(locale))].map((text) => {
        const grams = gramsOf(text, locale);
        const weight = grams.reduce((sum, g) => sum + index.weight(g), 0) / Math.max(1, grams.length);
        return { text, weight, unseen: grams.some((g) => !index.knows(g)) };
      });
      this.tokensByLocale.set(locale, tokens);
    }
    return tokens;
  }
}

/**
 * Finds the knowledge entry a user's message is about, in any of the bot's languages. Every locale's entries are
 * indexed, so a message in another language than the user's (a Vietnamese user typing English) still finds its
 * entry; the id is returned and the bot shows that entry in the user's locale. Pure and synchronous: no I/O after
 * {@link SearchEngine.build}, no bot framework types.
 */
export class SearchEngine {
  private readonly indexes = new Map<Locale, LocaleIndex>();
  private readonly concepts = new Map<Locale, ConceptTrie>();
  private readonly rewriters = new Map<string, ConceptRewriter>();
  private readonly vocabularies = new Map<Locale, MarkedVocabulary[]>();

  private constructor(
    private readonly kb: KnowledgeBase,
    private readonly thresholds: SearchThresholds,
  ) {}

  /** Indexes every locale of the knowledge base (well under a second for all 19). */
  static build(kb: KnowledgeBase, options: SearchEngineOptions = {}): SearchEngine {
    const engine = new SearchEngine(kb, options.thresholds ?? SEARCH_THRESHOLDS);
    for (const locale of kb.locales()) {
      const entries = kb.entriesIn(locale);
      if (entries.length) engine.indexes.set(locale, engine.indexLocale(locale, entries));
    }
    return engine;
  }

  /**
   * An engine over indexes saved with {@link SearchEngine.snapshot}, skipping the build. Only `index-cache.ts` calls
   * this, after checking that the snapshot was made from this knowledge base by this code. Each locale's synonyms are
   * compiled when a query first needs them (a few milliseconds per locale).
   */
  static fromSnapshot(kb: KnowledgeBase, snapshot: SearchSnapshot, options: SearchEngineOptions = {}): SearchEngine {
    const engine = new SearchEngine(kb, options.thresholds ?? SEARCH_THRESHOLDS);
    for (const [locale, { ids, shortFields, index }] of snapshot) {
      engine.indexes.set(locale, { ids, shortFields, index: NgramIndex.fromData(index) });
    }
    return engine;
  }

  /** The indexes as plain data, for {@link SearchEngine.fromSnapshot}. */
  snapshot(): SearchSnapshot {
    return [...this.indexes].map(([locale, { ids, shortFields, index }]) => [locale, { ids, shortFields, index: index.data() }] as const);
  }

  /**
   * Searches the user's locale first. When that finds nothing confident, every other locale is searched too
   * (users mix languages, and a locale may not be translated yet) and the best match across all of them wins.
   */
  search(text: string, locale: Locale): SearchResult {
    const query = this.query(text, locale);
    const smallTalk = query.smallTalk(locale);
    if (smallTalk) return { outcome: 'none', id: null, candidates: [], confidence: 0, matchedLocale: null, smallTalk };
    const own = this.searchLocale(locale, query);
    const margin = this.margin(query, locale);
    const ownResult = this.decide(this.rerankClose(own, query, this.thresholds.answer), margin);
    if (ownResult.outcome === 'answer') return ownResult;
    const all = [...own];
    for (const other of this.indexes.keys()) if (other !== locale) all.push(...this.searchLocale(other, query));
    return this.decide(this.rerankClose(bestPerId(all), query, this.thresholds.none), margin);
  }

  /** Which kind of small talk a message is, as {@link search} reads it (see `SearchResult.smallTalk`). */
  smallTalk(text: string, locale: Locale): SmallTalk | undefined {
    return this.query(text, locale).smallTalk(locale);
  }

  private query(text: string, locale: Locale): Query {
    return new Query(text, this.rewriter([locale, SOURCE_LOCALE], true), (searched) =>
      searched === locale || searched === SOURCE_LOCALE ? undefined : this.rewriter([searched]),
    );
  }

  /**
   * The concepts search sees in a text of a locale, after normalising and synonyms, as it analyses entries and
   * questions there. For checks on the knowledge base: no entry may use an off-topic concept.
   */
  conceptsIn(text: string, locale: Locale): string[] {
    const analysed = this.rewriter([locale, SOURCE_LOCALE])(normalize(text, locale));
    return [...new Set(analysed.split(' ').filter(isConceptToken).map((token) => token.slice(CONCEPT_MARK.length)))];
  }

  /**
   * How far ahead the best candidate must be to answer: further for a one-word message, and out of reach for a lone
   * Vietnamese syllable typed without marks ("tien" is tiền money, tiện lathe or tiến progress; "thue" is thuế tax or
   * thuê hire), which gets "did you mean" instead. A syllable the locale's synonym file lists bare ("luong" for
   * lương) is taken as the editors decided.
   */
  private margin(query: Query, locale: Locale): number {
    const words = query.words(locale);
    if (words.length > 1) return this.thresholds.margin;
    const bareSyllable = TONED_LOCALES.has(locale) && words.length === 1 && !isConceptToken(words[0]!) && !query.markedWords() && LATIN_LETTERS.test(words[0]!);
    return bareSyllable ? Number.POSITIVE_INFINITY : this.thresholds.singleWordMargin;
  }

  private indexLocale(locale: Locale, entries: readonly KnowledgeEntry[]): LocaleIndex {
    const rewrite = this.rewriter([locale, SOURCE_LOCALE]);
    const analyse = (text: string) => rewrite(normalize(text, locale));
    const shortFields: string[][] = [];
    function* docs(): Generator<IndexDoc> {
      for (const entry of entries) {
        const { title, questions, keywords, body } = searchedFields(entry);
        const short = [
          { text: analyse(title), weight: FIELD_WEIGHTS.title },
          ...questions.map((q) => ({ text: analyse(q), weight: FIELD_WEIGHTS.question })),
          ...keywords.map((k) => ({ text: analyse(k), weight: FIELD_WEIGHTS.keyword })),
        ];
        shortFields.push(short.map((f) => f.text));
        yield {
          units: short.map(({ text, weight }) => ({ weight, grams: gramsOf(text, locale) })),
          body: { weight: FIELD_WEIGHTS.answer, grams: gramsOf(analyse(body.join('\n')), locale) },
        };
      }
    }
    const index = NgramIndex.build(docs());
    return { ids: entries.map((e) => e.id), index, shortFields };
  }

  /**
   * The synonyms of some locales, the first winning where two disagree. An entry is analysed with its locale's and
   * the English ones (users of every locale mix English in); a message with the user's and the English ones, then
   * with the searched locale's on what is left, so the words of the language it is written in become concepts even
   * when the user's locale is another ("gui tien ve nha" from a user whose browser says English). Small talk is
   * dropped unless `keepSmallTalk` (a query drops it itself after telling whether the message was only small talk).
   */
  private rewriter(locales: readonly Locale[], keepSmallTalk = false): ConceptRewriter {
    const unique = [...new Set(locales)];
    const key = `${unique.join(',')}${keepSmallTalk ? '+small-talk' : ''}`;
    let rewrite = this.rewriters.get(key);
    if (!rewrite) {
      const scan = conceptRewriter(unique.map((l) => this.compiledConcepts(l)));
      rewrite = keepSmallTalk ? scan : (text) => dropSmallTalk(scan(text));
      this.rewriters.set(key, rewrite);
    }
    return rewrite;
  }

  /**
   * A locale's synonym file, compiled once. English variants are normalised as English and shared by every locale:
   * they are Latin-script, which every locale normalises alike.
   */
  private compiledConcepts(locale: Locale): ConceptTrie {
    let trie = this.concepts.get(locale);
    if (!trie) {
      trie = compileConcepts(this.kb.synonyms(locale), (variant) => normalize(variant, locale));
      this.concepts.set(locale, trie);
    }
    return trie;
  }

  private searchLocale(locale: Locale, query: Query): Candidate[] {
    const target = this.indexes.get(locale);
    if (!target) return [];
    const factor = mentionsOffTopic(query.analysed(locale)) ? this.thresholds.offTopic : 1;
    const found = target.index
      .search(query.grams(locale), CANDIDATES_PER_LOCALE)
      .map(({ doc, score }) => ({ id: target.ids[doc]!, score: score * factor, locale, doc }));
    const marks = TONED_LOCALES.has(locale) ? query.markedWords() : undefined;
    if (!marks) return found;
    const plain = new Set(query.analysed(locale).split(' ').filter((word) => !isConceptToken(word)));
    return found
      .map((c) => ({ ...c, score: c.score * (1 - falseFriendShare(marks, plain, this.vocabulary(locale, target, c.doc))) }))
      .sort((a, b) => b.score - a.score);
  }

  /** A document's words with their tone marks, gathered from its entry the first time a marked query meets it. */
  private vocabulary(locale: Locale, target: LocaleIndex, doc: number): MarkedVocabulary {
    let byDoc = this.vocabularies.get(locale);
    if (!byDoc) this.vocabularies.set(locale, (byDoc = []));
    let vocabulary = byDoc[doc];
    if (!vocabulary) {
      const entry = this.kb.get(target.ids[doc]!, locale)!.entry;
      const { title, questions, keywords, body } = searchedFields(entry);
      vocabulary = markedVocabulary([title, ...questions, ...keywords, ...body]);
      byDoc[doc] = vocabulary;
    }
    return vocabulary;
  }

  /**
   * Runs the fuzzy check on the leading candidates when the top two are too close to call and the best reaches
   * `floor` (below it the outcome cannot change: reranking never raises a score).
   */
  private rerankClose(ranked: readonly Candidate[], query: Query, floor: number): readonly Candidate[] {
    const [first, second] = ranked;
    if (!first || !second || first.score < floor || first.score - second.score > this.thresholds.rerankGap) return ranked;
    const leading = ranked.slice(0, RERANKED);
    const scores = rerank(
      leading.map((c) => ({ score: c.score, recall: query.recall(c, this.indexes.get(c.locale)!) })),
      this.thresholds.rerankInfluence,
    );
    const rescored = leading.map((c, i) => ({ ...c, score: scores[i]! }));
    return [...rescored, ...ranked.slice(RERANKED)].sort((a, b) => b.score - a.score);
  }

  private decide(ranked: readonly Candidate[], margin: number): SearchResult {
    const t = this.thresholds;
    const [first, second] = ranked;
    if (!first || first.score < t.none) {
      return { outcome: 'none', id: null, candidates: [], confidence: round(first?.score ?? 0), matchedLocale: null };
    }
    const plausible = ranked.filter((c) => c.score >= t.none);
    const close = plausible.filter((c) => c.score >= first.score * t.clarifyShare);
    const confidence = round(first.score);
    if (first.score >= t.answer && first.score - (second?.score ?? 0) >= margin) {
      return { outcome: 'answer', id: first.id, candidates: ids(close), confidence, matchedLocale: first.locale };
    }
    return { outcome: 'clarify', id: null, candidates: ids(close.length > 1 ? close : plausible.slice(0, 2)), confidence, matchedLocale: first.locale };
  }
}

/** The texts of an entry that search reads: the short fields that say what it is about, and the body. */
export function searchedFields(entry: KnowledgeEntry): { title: string; questions: readonly string[]; keywords: string[]; body: string[] } {
  const s = entry.sector;
  return {
    title: entry.title,
    questions: entry.questions,
    keywords: [...entry.keywords, ...(s?.examples ?? [])],
    body: [entry.answer, ...(s ? [s.work, s.share, s.stages, s.nextPath, s.japanese, s.genderNote ?? ''] : [])],
  };
}

/** One candidate per entry id (the best of its locales), best first. */
function bestPerId(candidates: readonly Candidate[]): Candidate[] {
  const best = new Map<string, Candidate>();
  for (const c of candidates) if (c.score > (best.get(c.id)?.score ?? -1)) best.set(c.id, c);
  return [...best.values()].sort((a, b) => b.score - a.score);
}

function ids(candidates: readonly Candidate[]): string[] {
  return candidates.slice(0, MAX_CANDIDATES).map((c) => c.id);
}

function round(score: number): number {
  return Math.round(Math.min(1, Math.max(0, score)) * 1000) / 1000;
}
