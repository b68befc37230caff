import { describe, expect, it } from 'vitest';
import { gramsOf } from '../../src/search/grams';
import { NgramIndex, type IndexDoc } from '../../src/search/ngram-index';

const doc = (short: string[], answer = ''): IndexDoc => ({
  units: short.map((text) => ({ weight: 1, grams: gramsOf(text, 'en') })),
  body: { weight: 0.3, grams: gramsOf(answer, 'en') },
});
const query = (text: string) => gramsOf(text, 'en');

describe('NgramIndex', () => {
  const docs = [
    doc(['can my employer keep my passport', 'passport'], 'nobody may keep your passport'),
    doc(['how much does it cost to go', 'broker fee'], 'many people borrow money'),
    doc(['how long can i stay', 'stages'], 'five years at most, and your passport stays yours'),
  ];
  const index = NgramIndex.build(docs);

  it('scores a query equal to a field at 1, and every score within [0, 1]', () => {
    const [top, ...rest] = index.search(query('can my employer keep my passport'), 5);
    expect(top).toEqual({ doc: 0, score: expect.closeTo(1, 6) });
    for (const { score } of rest) expect(score).toBeGreaterThanOrEqual(0);
    for (const { score } of rest) expect(score).toBeLessThan(1);
  });

  it('tolerates typos: a misspelt word still shares most of its grams', () => {
    expect(index.search(query('pasport'), 1)[0]?.doc).toBe(0);
  });

  it('ranks a match in a short field above a match in an answer', () => {
    const ranked = index.search(query('passport'), 5);
    expect(ranked.map((r) => r.doc)).toEqual([0, 2]);
    expect(ranked[0]!.score).toBeGreaterThan(2 * ranked[1]!.score);
  });

  it('lowers the score for words the index has never seen', () => {
    const plain = index.search(query('broker fee'), 1)[0]!.score;
    const diluted = index.search(query('broker fee weather forecast tokyo'), 1)[0]!.score;
    expect(diluted).toBeLessThan(plain * 0.7);
  });

  it('scores every query on its own: after other queries, a query scores as on a fresh index', () => {
    const queries = ['passport', 'how much does it cost', 'stages of my passport', 'zzqx', 'can my employer keep my passport'];
    for (const q of [...queries, ...queries]) {
      expect(index.search(query(q), 5)).toEqual(NgramIndex.build(docs).search(query(q), 5));
    }
  });

  it('returns at most `limit` documents, best first', () => {
    const all = index.search(query('my passport stays with the broker'), 5);
    expect(all.length).toBe(3);
    expect(all.map((r) => r.score)).toEqual([...all.map((r) => r.score)].sort((a, b) => b - a));
    expect(index.search(query('my passport stays with the broker'), 2)).toEqual(all.slice(0, 2));
  });

  it('returns nothing for a query sharing no gram', () => {
    expect(index.search(query('zzqx'), 5)).toEqual([]);
  });

  it('weighs rare grams above common ones, and unknown grams as the rarest', () => {
    expect(index.weight('sta')).toBeGreaterThan(index.weight(' ca'));
    expect(index.weight('zzq')).toBeGreaterThanOrEqual(index.weight('sta'));
    expect(index.knows('sta')).toBe(true);
    expect(index.knows('zzq')).toBe(false);
  });

  it('still finds the right document in a large index where most query grams are common', () => {
    const filler = Array.from({ length: 3000 }, (_, i) => doc([`how can i get my money back number ${i}`]));
    const big = NgramIndex.build([...filler, doc(['how can i get my pension money back'])]);
    const [top, second] = big.search(query('how can i get my pension money back'), 2);
    expect(top).toEqual({ doc: 3000, score: expect.closeTo(1, 6) });
    expect(second!.score).toBeLessThan(top!.score);
  });
});
