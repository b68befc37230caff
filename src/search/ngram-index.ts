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
 * An inverted index from character n-grams to documents and their short fields, weighted by rarity. A document's
 * score blends
 * - the best field: cosine between the query's grams and one field's grams (each gram weighted by idf), times the
 *   field weight. A short query meeting a short field, or a long query containing a whole question, scores high;
 *   a query sharing only common grams does not;
 * - coverage: the share of the query's weight found anywhere in the entry, the answer at its lower weight.
 * Both lie in [0, 1], so the score reads as a confidence and one set of thresholds serves every locale. Query grams
 * unknown to the index weigh as much as the rarest known gram: words the knowledge base never uses (weather,
 * recipe) pull the score down, which is how out-of-scope questions come out low.
 *
 * Grams are interned to numbers and documents are consumed one at a time, so building keeps no per-document
 * strings alive: start-up indexes every locale in well under a second.
 */
export class NgramIndex {
  private readonly ids = new Map<string, number>();
  /** Per gram id: the units holding it. */
  private readonly unitPostings: number[][] = [];
  /** Per gram id: the documents holding it, and the weight of their strongest field holding it. */
  private readonly docPostings: { docs: number[]; weights: number[] }[] = [];
  private readonly unitDoc: number[] = [];
  private readonly unitWeight: number[] = [];
  /** Per unit, its distinct gram ids; kept only until sealed. */
  private readonly unitGrams: number[][] = [];
  /** Per gram id: its own weight (concepts weigh more), then, once sealed, times its idf. */
  private readonly gramWeights: number[] = [];
  private unitNorm = new Float64Array(0);
  private dot = new Float64Array(0);
  private best = new Float64Array(0);
  private covered = new Float64Array(0);
  private docCount = 0;

  private constructor() {}

  static build(docs: Iterable<IndexDoc>): NgramIndex {
    const index = new NgramIndex();
    for (const doc of docs) index.add(doc);
    index.seal();
    return index;
  }

  /** Rarity (idf) times the gram's own weight; unknown grams weigh as much as the rarest known one. */
  weight(gram: string): number {
    const id = this.ids.get(gram);
    return id === undefined ? this.idf(0.5) * gramWeight(gram) : this.gramWeights[id]!;
  }

  /** The best `limit` documents for the query's grams, best first; documents sharing no gram are left out. */
  search(query: Grams, limit: number): DocScore[] {
    const { dot, best, covered, unitDoc, unitWeight, unitNorm } = this;
    const known: { id: number; w: number }[] = [];
    let queryNorm = 0;
    for (const gram of new Set(query)) {
      const w = this.weight(gram);
      const id = this.ids.get(gram);
      queryNorm += w;
      if (id !== undefined) known.push({ id, w });
    }
    const touchedUnits: number[] = [];
    const touchedDocs: number[] = [];
    for (const { id, w } of known) {
      for (const u of this.unitPostings[id]!) {
        if (dot[u] === 0) touchedUnits.push(u);
        dot[u] = dot[u]! + w;
      }
      const { docs, weights } = this.docPostings[id]!;
      for (let i = 0; i < docs.length; i++) {
        const d = docs[i]!;
        if (covered[d] === 0) touchedDocs.push(d);
        covered[d] = covered[d]! + w * weights[i]!;
      }
    }
    for (const u of touchedUnits) {
      const d = unitDoc[u]!;
      best[d] = Math.max(best[d]!, (unitWeight[u]! * dot[u]!) / Math.sqrt(queryNorm * unitNorm[u]!));
      dot[u] = 0;
    }
    const scores = touchedDocs.map((doc) => {
      const score = (1 - COVERAGE_SHARE) * best[doc]! + (COVERAGE_SHARE * covered[doc]!) / queryNorm;
      best[doc] = 0;
      covered[doc] = 0;
      return { doc, score };
    });
    return topByScore(scores, limit);
  }

  private add(doc: IndexDoc): void {
    const d = this.docCount++;
    for (const field of [doc.body, ...doc.units]) {
      for (const gram of field.grams) {
        const { docs, weights } = this.docPostings[this.intern(gram)]!;
        const last = docs.length - 1;
        if (docs[last] === d) weights[last] = Math.max(weights[last]!, field.weight);
        else {
          docs.push(d);
          weights.push(field.weight);
        }
      }
    }
    for (const unit of doc.units) {
      const u = this.unitDoc.length;
      const ids: number[] = [];
      for (const gram of unit.grams) {
        const id = this.ids.get(gram)!;
        const units = this.unitPostings[id]!;
        if (units[units.length - 1] === u) continue;
        units.push(u);
        ids.push(id);
      }
      this.unitDoc.push(d);
      this.unitWeight.push(unit.weight);
      this.unitGrams.push(ids);
    }
  }

  private seal(): void {
    this.docPostings.forEach(({ docs }, id) => (this.gramWeights[id] = this.gramWeights[id]! * this.idf(docs.length)));
    this.unitNorm = Float64Array.from(this.unitGrams, (ids) => ids.reduce((sum, id) => sum + this.gramWeights[id]!, 0));
    this.unitGrams.length = 0;
    this.dot = new Float64Array(this.unitDoc.length);
    this.best = new Float64Array(this.docCount);
    this.covered = new Float64Array(this.docCount);
  }

  private intern(gram: string): number {
    let id = this.ids.get(gram);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(gram, id);
      this.unitPostings.push([]);
      this.docPostings.push({ docs: [], weights: [] });
      this.gramWeights.push(gramWeight(gram));
    }
    return id;
  }

  private idf(documentFrequency: number): number {
    return Math.log(1 + this.docCount / documentFrequency);
  }
}

/** The `k` highest scores, best first, without sorting everything (10,000 entries can touch thousands). */
function topByScore(items: readonly DocScore[], k: number): DocScore[] {
  const top: DocScore[] = [];
  for (const item of items) {
    if (top.length === k && item.score <= top[k - 1]!.score) continue;
    let i = top.length === k ? k - 1 : top.length;
    while (i > 0 && top[i - 1]!.score < item.score) {
      top[i] = top[i - 1]!;
      i--;
    }
    top[i] = item;
  }
  return top;
}
