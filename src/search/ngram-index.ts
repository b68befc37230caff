import { gramWeight, type Grams } from './grams';

/** A short field (the title, one question or one keyword), matched against the query as a whole. */
export interface IndexUnit {
  /** How much a match on this field counts, 0–1. */
  readonly weight: number;
  readonly grams: Grams;
}

/** One document: an entry in one locale. */
export interface IndexDoc {
  readonly units: readonly IndexUnit[];
  /** Every gram of the document, answer included, mapped to the weight of the strongest field holding it. */
  readonly fieldWeights: ReadonlyMap<string, number>;
}

/** A document's score for a query, in [0, 1]. */
export interface DocScore {
  readonly doc: number;
  readonly score: number;
}

/** Share of the score that comes from the query's coverage by the whole entry; the rest is the best single field. */
const COVERAGE_SHARE = Number(process.env.COV ?? 0.3);
/** Documents whose coverage is computed (the best by field match); coverage cannot lift others past them. */
const SHORTLIST = 12;

/**
 * An inverted index from character n-grams to short fields, scored by rarity. A document's score blends
 * - the best field: weighted cosine between the query's grams and one field's grams (each gram weighted by its
 *   idf), times the field weight. A short query meeting a short field, or a long query containing a whole
 *   question, scores high; a query sharing only common grams does not;
 * - coverage: the share of the query's weight found anywhere in the entry, answer included at its lower weight.
 * Both lie in [0, 1], so the score reads as a confidence and one set of thresholds serves every locale.
 * Query grams unknown to the index weigh as much as the rarest gram: words the knowledge base never uses (weather,
 * recipe) pull the score down, which is how out-of-scope questions come out low.
 */
export class NgramIndex {
  private readonly dot: Float64Array;
  private readonly best: Float64Array;

  private constructor(
    private readonly docs: readonly IndexDoc[],
    private readonly postings: ReadonlyMap<string, Int32Array>,
    private readonly unitDoc: Int32Array,
    private readonly unitWeight: Float64Array,
    private readonly unitNorm: Float64Array,
    private readonly docFrequency: ReadonlyMap<string, number>,
  ) {
    this.dot = new Float64Array(unitDoc.length);
    this.best = new Float64Array(docs.length);
  }

  static build(docs: readonly IndexDoc[]): NgramIndex {
    const docFrequency = new Map<string, number>();
    for (const doc of docs) for (const gram of doc.fieldWeights.keys()) docFrequency.set(gram, (docFrequency.get(gram) ?? 0) + 1);
    const lists = new Map<string, number[]>();
    const unitDoc: number[] = [];
    const unitWeight: number[] = [];
    docs.forEach((doc, d) => {
      for (const unit of doc.units) {
        const u = unitDoc.length;
        unitDoc.push(d);
        unitWeight.push(unit.weight);
        for (const gram of unit.grams) {
          const list = lists.get(gram);
          if (list) list.push(u);
          else lists.set(gram, [u]);
        }
      }
    });
    const postings = new Map<string, Int32Array>();
    for (const [gram, list] of lists) postings.set(gram, Int32Array.from(list));
    const index = new NgramIndex(
      docs,
      postings,
      Int32Array.from(unitDoc),
      Float64Array.from(unitWeight),
      new Float64Array(unitDoc.length),
      docFrequency,
    );
    let u = 0;
    for (const doc of docs) for (const unit of doc.units) index.unitNorm[u++] = index.norm(unit.grams);
    return index;
  }

  /** Rarity (idf) times the gram's own weight; unknown grams weigh as much as the rarest known one. */
  weight(gram: string): number {
    const df = this.docFrequency.get(gram) ?? Number(process.env.UNK ?? 0.5);
    return Math.log(1 + this.docs.length / df) ** Number(process.env.IDFP ?? 1) * gramWeight(gram);
  }

  /** The best `limit` documents for the query's grams, best first; documents sharing no gram are left out. */
  search(query: Grams, limit: number): DocScore[] {
    const { dot, best, unitDoc, unitWeight, unitNorm } = this;
    const queryNorm = this.norm(query);
    if (queryNorm === 0) return [];
    const touchedUnits: number[] = [];
    for (const gram of query) {
      const units = this.postings.get(gram);
      if (!units) continue;
      const w = this.weight(gram);
      for (const u of units) {
        if (dot[u] === 0) touchedUnits.push(u);
        dot[u] = dot[u]! + w;
      }
    }
    const touchedDocs: number[] = [];
    for (const u of touchedUnits) {
      const d = unitDoc[u]!;
      const score = (unitWeight[u]! * dot[u]!) / Math.sqrt(queryNorm * unitNorm[u]!);
      dot[u] = 0;
      if (best[d] === 0) touchedDocs.push(d);
      if (score > best[d]!) best[d] = score;
    }
    const shortlist = topByScore(touchedDocs.map((d) => ({ doc: d, score: best[d]! })), SHORTLIST);
    for (const d of touchedDocs) best[d] = 0;
    const scored = shortlist.map(({ doc, score }) => ({
      doc,
      score: (1 - COVERAGE_SHARE) * score + COVERAGE_SHARE * this.coverage(query, queryNorm, doc),
    }));
    return scored.sort((a, b) => b.score - a.score).slice(0, limit);
  }

  private norm(grams: Grams): number {
    let sum = 0;
    for (const gram of grams) sum += this.weight(gram);
    return sum;
  }

  private coverage(query: Grams, queryNorm: number, doc: number): number {
    const fieldWeights = this.docs[doc]!.fieldWeights;
    let found = 0;
    for (const gram of query) found += this.weight(gram) * (fieldWeights.get(gram) ?? 0);
    return found / queryNorm;
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
