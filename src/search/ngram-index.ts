import { gramWeight, type Grams } from './grams';

/** A field and how much a match on it counts (0–1). */
export interface IndexField {
  readonly weight: number;
  readonly grams: Grams;
}

/** One document: an entry in one locale. */
export interface IndexDoc {
  /** Short fields (title, each question, each keyword), each matched against the query as a whole. */
  readonly units: readonly IndexField[];
  /** Long text (the answer), which only adds to coverage. */
  readonly body: IndexField;
}

/** A document's score for a query, in [0, 1]. */
export interface DocScore {
  readonly doc: number;
  readonly score: number;
}

/** Share of the score that comes from the query's coverage by the whole entry; the rest is the best single field. */
const COVERAGE_SHARE = 0.3;
/**
 * Postings walked per query, rarest grams first. Our knowledge base rarely reaches it; on a large index the most
 * common grams (" th", "the") are left out of the walk and added back, exactly, for the shortlisted documents.
 */
const POSTINGS_BUDGET = 20_000;
const SHORTLIST = 24;

/** Postings of every gram in one block: gram `g` holds `items[offsets[g]]` up to `items[offsets[g + 1] - 1]`. */
export interface Postings {
  readonly offsets: Int32Array;
  readonly items: Int32Array;
  readonly weights: Float32Array;
}

/**
 * (gram, item, weight) rows appended while documents are read, then grouped by gram in one counting sort. Three
 * growing typed arrays instead of two small growing arrays per gram, which kept the garbage collector busy.
 */
class Rows {
  grams = new Int32Array(1 << 12);
  items = new Int32Array(1 << 12);
  weights = new Float32Array(1 << 12);
  length = 0;

  push(gram: number, item: number, weight: number): number {
    if (this.length === this.grams.length) {
      this.grams = grow(this.grams, new Int32Array(this.length * 2));
      this.items = grow(this.items, new Int32Array(this.length * 2));
      this.weights = grow(this.weights, new Float32Array(this.length * 2));
    }
    this.grams[this.length] = gram;
    this.items[this.length] = item;
    this.weights[this.length] = weight;
    return this.length++;
  }

  /** Groups rows by gram, keeping their order within a gram (items were appended in ascending order). */
  postings(gramCount: number): Postings {
    const offsets = new Int32Array(gramCount + 1);
    for (let i = 0; i < this.length; i++) offsets[this.grams[i]! + 1]!++;
    for (let g = 0; g < gramCount; g++) offsets[g + 1]! += offsets[g]!;
    const next = offsets.slice(0, gramCount);
    const items = new Int32Array(this.length);
    const weights = new Float32Array(this.length);
    for (let i = 0; i < this.length; i++) {
      const at = next[this.grams[i]!]!++;
      items[at] = this.items[i]!;
      weights[at] = this.weights[i]!;
    }
    return { offsets, items, weights };
  }
}

function grow<T extends Int32Array | Float32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/** Reads documents one at a time into rows; nothing per document outlives its turn. */
class Builder {
  readonly ids = new Map<string, number>();
  /** Per gram id: its own weight (concepts weigh more). */
  readonly ownWeights: number[] = [];
  /** Per gram id: how many documents hold it in a short field. */
  readonly shortFrequency: number[] = [];
  /** (gram, document, weight of the strongest field holding it) */
  readonly docRows = new Rows();
  /** (gram, unit, 1), appended unit by unit, so a unit's grams are one run of rows. */
  readonly unitRows = new Rows();
  readonly unitDoc: number[] = [];
  readonly unitWeight: number[] = [];
  /** Per unit, where its rows start in `unitRows`; one extra at the end. */
  readonly unitStart: number[] = [0];
  /** Per document, its first unit; one extra at the end. */
  readonly firstUnit: number[] = [];
  docCount = 0;
  private readonly lastDoc: number[] = [];
  private readonly lastDocRow: number[] = [];
  private readonly lastShortDoc: number[] = [];
  private readonly lastUnit: number[] = [];

  add(doc: IndexDoc): void {
    const d = this.docCount++;
    this.firstUnit.push(this.unitDoc.length);
    this.addGrams(d, doc.body);
    for (const unit of doc.units) {
      const u = this.unitDoc.length;
      this.unitDoc.push(d);
      this.unitWeight.push(unit.weight);
      for (const id of this.addGrams(d, unit)) {
        if (this.lastUnit[id] === u) continue;
        this.lastUnit[id] = u;
        if (this.lastShortDoc[id] !== d) {
          this.lastShortDoc[id] = d;
          this.shortFrequency[id]!++;
        }
        this.unitRows.push(id, u, 1);
      }
      this.unitStart.push(this.unitRows.length);
    }
  }

  /** Records the field's grams for document `d`, keeping the strongest field weight per gram; returns their ids. */
  private addGrams(d: number, field: IndexField): number[] {
    const ids = field.grams.map((gram) => this.intern(gram));
    for (const id of ids) {
      if (this.lastDoc[id] !== d) {
        this.lastDoc[id] = d;
        this.lastDocRow[id] = this.docRows.push(id, d, field.weight);
      } else if (field.weight > this.docRows.weights[this.lastDocRow[id]!]!) {
        this.docRows.weights[this.lastDocRow[id]!] = field.weight;
      }
    }
    return ids;
  }

  private intern(gram: string): number {
    let id = this.ids.get(gram);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(gram, id);
      this.ownWeights.push(gramWeight(gram));
      this.shortFrequency.push(0);
      this.lastDoc.push(-1);
      this.lastDocRow.push(-1);
      this.lastShortDoc.push(-1);
      this.lastUnit.push(-1);
    }
    return id;
  }
}

interface QueryGram {
  readonly id: number;
  readonly weight: number;
  /** Postings to walk for this gram. */
  readonly cost: number;
}

/**
 * Everything an {@link NgramIndex} holds besides scratch space: plain data and typed arrays, so an index can be saved
 * with `v8.serialize` and loaded again without rebuilding it (see `index-cache.ts`).
 */
export interface NgramIndexData {
  readonly ids: ReadonlyMap<string, number>;
  /** Per gram id: rarity times its own weight. */
  readonly gramWeights: Float64Array;
  readonly docPostings: Postings;
  readonly unitPostings: Postings;
  /** Per unit, its distinct gram ids: `unitGrams[unitStart[u]]` up to `unitGrams[unitStart[u + 1] - 1]`. */
  readonly unitGrams: Int32Array;
  readonly unitStart: Int32Array;
  readonly unitDoc: Int32Array;
  readonly unitWeight: Float64Array;
  readonly unitNorm: Float64Array;
  readonly firstUnit: Int32Array;
  readonly docCount: number;
  /** The rarity of a gram no short field holds. */
  readonly unseenIdf: number;
}

function idf(docCount: number, documentFrequency: number): number {
  return Math.log(1 + docCount / documentFrequency);
}

function dataOf(b: Builder): NgramIndexData {
  const unseenIdf = idf(b.docCount, 0.5);
  const gramWeights = Float64Array.from(b.ownWeights, (w, id) => w * (b.shortFrequency[id] ? idf(b.docCount, b.shortFrequency[id]) : unseenIdf));
  const unitGrams = b.unitRows.grams.slice(0, b.unitRows.length);
  const unitStart = Int32Array.from(b.unitStart);
  const unitWeight = Float64Array.from(b.unitWeight);
  const unitNorm = unitWeight.map((_, u) => {
    let sum = 0;
    for (let i = unitStart[u]!; i < unitStart[u + 1]!; i++) sum += gramWeights[unitGrams[i]!]!;
    return sum;
  });
  return {
    ids: b.ids,
    gramWeights,
    docPostings: b.docRows.postings(b.ids.size),
    unitPostings: b.unitRows.postings(b.ids.size),
    unitGrams,
    unitStart,
    unitDoc: Int32Array.from(b.unitDoc),
    unitWeight,
    unitNorm,
    firstUnit: Int32Array.from([...b.firstUnit, b.unitDoc.length]),
    docCount: b.docCount,
    unseenIdf,
  };
}

/**
 * An inverted index from character n-grams to documents and their short fields, weighted by rarity. A document's
 * score blends
 * - the best field: cosine between the query's grams and one field's grams (each gram weighted by idf), times the
 *   field weight. A short query meeting a short field, or a long query containing a whole question, scores high;
 *   a query sharing only common grams does not;
 * - coverage: the share of the query's weight found anywhere in the entry, the answer at its lower weight.
 * Both lie in [0, 1], so the score reads as a confidence and one set of thresholds serves every locale. Query grams
 * unknown to the index weigh as much as the rarest known gram: words the knowledge base never uses (weather,
 * recipe) pull the score down, which is how out-of-scope questions come out low.
 */
export class NgramIndex {
  /** Scratch space for one query, all zero between queries. */
  private readonly dot: Float64Array;
  private readonly best: Float64Array;
  private readonly covered: Float64Array;
  private readonly queryWeight: Float64Array;
  /** The units and documents a walk touched, in order of first touch; the walk counts how many. */
  private readonly touchedUnits: Int32Array;
  private readonly touchedDocs: Int32Array;

  private constructor(private readonly index: NgramIndexData) {
    this.dot = new Float64Array(index.unitDoc.length);
    this.best = new Float64Array(index.docCount);
    this.covered = new Float64Array(index.docCount);
    this.queryWeight = new Float64Array(index.ids.size);
    this.touchedUnits = new Int32Array(index.unitDoc.length);
    this.touchedDocs = new Int32Array(index.docCount);
  }

  /** Indexes documents read one at a time (pass a generator to keep memory flat). */
  static build(docs: Iterable<IndexDoc>): NgramIndex {
    const builder = new Builder();
    for (const doc of docs) builder.add(doc);
    return new NgramIndex(dataOf(builder));
  }

  /** An index from {@link NgramIndex.data} saved earlier; the caller vouches that it fits the current code. */
  static fromData(data: NgramIndexData): NgramIndex {
    return new NgramIndex(data);
  }

  /** The index as plain data, for saving. */
  data(): NgramIndexData {
    return this.index;
  }

  /** Whether any document holds the gram. */
  knows(gram: string): boolean {
    return this.index.ids.has(gram);
  }

  /**
   * Rarity (idf) times the gram's own weight. Rarity counts short fields only, which say what an entry is about:
   * answers repeat boilerplate ("ESD replaces TITP from 2027") that would make key words look common. Grams no short
   * field holds, unknown ones included, weigh as much as the rarest.
   */
  weight(gram: string): number {
    const { ids, unseenIdf, gramWeights } = this.index;
    const id = ids.get(gram);
    return id === undefined ? unseenIdf * gramWeight(gram) : gramWeights[id]!;
  }

  /** The best `limit` documents for the query's grams, best first; documents sharing no gram are left out. */
  search(query: Grams, limit: number): DocScore[] {
    const { ids, unseenIdf, gramWeights, unitPostings, docPostings } = this.index;
    if (!query.some((gram) => ids.has(gram))) return [];
    const grams: QueryGram[] = [];
    let queryNorm = 0;
    for (const gram of new Set(query)) {
      const id = ids.get(gram);
      if (id === undefined) {
        queryNorm += unseenIdf * gramWeight(gram);
        continue;
      }
      const weight = gramWeights[id]!;
      queryNorm += weight;
      grams.push({ id, weight, cost: unitPostings.offsets[id + 1]! - unitPostings.offsets[id]! + docPostings.offsets[id + 1]! - docPostings.offsets[id]! });
    }
    grams.sort((a, b) => a.cost - b.cost);
    const walked: QueryGram[] = [];
    let budget = POSTINGS_BUDGET;
    for (const gram of grams) {
      if (walked.length > 0 && gram.cost > budget) break;
      walked.push(gram);
      budget -= gram.cost;
    }
    if (walked.length === grams.length) return this.walk(walked, queryNorm, limit);
    return topByScore(this.rescore(this.walk(walked, queryNorm, SHORTLIST), grams, queryNorm), limit);
  }

  /**
   * The best `limit` documents sharing a walked gram; exact when every known gram of the query was walked. The
   * scratch arrays are zero again when it returns, and only documents that make the top get an object.
   */
  private walk(grams: readonly QueryGram[], queryNorm: number, limit: number): DocScore[] {
    const { dot, best, covered, touchedUnits, touchedDocs } = this;
    const { unitDoc, unitWeight, unitNorm, unitPostings, docPostings } = this.index;
    let units = 0;
    let docs = 0;
    for (const { id, weight } of grams) {
      for (let i = unitPostings.offsets[id]!; i < unitPostings.offsets[id + 1]!; i++) {
        const u = unitPostings.items[i]!;
        if (dot[u] === 0) touchedUnits[units++] = u;
        dot[u]! += weight;
      }
      for (let i = docPostings.offsets[id]!; i < docPostings.offsets[id + 1]!; i++) {
        const d = docPostings.items[i]!;
        if (covered[d] === 0) touchedDocs[docs++] = d;
        covered[d]! += weight * docPostings.weights[i]!;
      }
    }
    for (let t = 0; t < units; t++) {
      const u = touchedUnits[t]!;
      const d = unitDoc[u]!;
      best[d] = Math.max(best[d]!, (unitWeight[u]! * dot[u]!) / Math.sqrt(queryNorm * unitNorm[u]!));
      dot[u] = 0;
    }
    const top: DocScore[] = [];
    for (let t = 0; t < docs; t++) {
      const doc = touchedDocs[t]!;
      const score = this.blend(best[doc]!, covered[doc]!, queryNorm);
      best[doc] = 0;
      covered[doc] = 0;
      if (ranks(top, score, limit)) insertRanked(top, { doc, score }, limit);
    }
    return top;
  }

  /** Exact scores for a few documents, with every gram of the query. */
  private rescore(shortlist: readonly DocScore[], grams: readonly QueryGram[], queryNorm: number): DocScore[] {
    const { queryWeight } = this;
    const { unitGrams, unitStart, firstUnit, unitWeight, unitNorm } = this.index;
    for (const { id, weight } of grams) queryWeight[id] = weight;
    const scores = shortlist.map(({ doc }) => {
      let bestUnit = 0;
      for (let u = firstUnit[doc]!; u < firstUnit[doc + 1]!; u++) {
        let dot = 0;
        for (let i = unitStart[u]!; i < unitStart[u + 1]!; i++) dot += queryWeight[unitGrams[i]!]!;
        bestUnit = Math.max(bestUnit, (unitWeight[u]! * dot) / Math.sqrt(queryNorm * unitNorm[u]!));
      }
      let covered = 0;
      for (const { id, weight } of grams) covered += weight * this.fieldWeight(id, doc);
      return { doc, score: this.blend(bestUnit, covered, queryNorm) };
    });
    for (const { id } of grams) queryWeight[id] = 0;
    return scores;
  }

  private blend(bestUnit: number, covered: number, queryNorm: number): number {
    return (1 - COVERAGE_SHARE) * bestUnit + (COVERAGE_SHARE * covered) / queryNorm;
  }

  /** The weight of the strongest field of `doc` holding gram `id`, 0 if none (binary search: postings ascend). */
  private fieldWeight(id: number, doc: number): number {
    const { offsets, items, weights } = this.index.docPostings;
    let lo = offsets[id]!;
    let hi = offsets[id + 1]! - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (items[mid]! < doc) lo = mid + 1;
      else if (items[mid]! > doc) hi = mid - 1;
      else return weights[mid]!;
    }
    return 0;
  }
}

/** The `k` highest scores, best first, without sorting everything (10,000 entries can touch thousands). */
function topByScore(items: readonly DocScore[], k: number): DocScore[] {
  const top: DocScore[] = [];
  for (const item of items) if (ranks(top, item.score, k)) insertRanked(top, item, k);
  return top;
}

/** Whether a score earns a place in `top` (best first, at most `k` long); a tie with the last does not. */
function ranks(top: readonly DocScore[], score: number, k: number): boolean {
  return top.length < k || score > top[k - 1]!.score;
}

/** Puts an item that {@link ranks} into `top`, after any equal score, so earlier items win ties. */
function insertRanked(top: DocScore[], item: DocScore, k: number): void {
  let i = top.length === k ? k - 1 : top.length;
  while (i > 0 && top[i - 1]!.score < item.score) {
    top[i] = top[i - 1]!;
    i--;
  }
  top[i] = item;
}
