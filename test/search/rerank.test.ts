import { describe, expect, it } from 'vitest';
import { rerank, tokenRecall, type QueryToken } from '../../src/search/rerank';

const token = (text: string, weight = 1, unseen = false): QueryToken => ({ text, weight, unseen });

describe('tokenRecall', () => {
  const fields = ['can the company keep my passport', 'residence card'];

  it('is 1 when every word is in the fields and 0 when none is', () => {
    expect(tokenRecall(fields, [token('keep'), token('passport')])).toBe(1);
    expect(tokenRecall(fields, [token('weather'), token('tokyo')])).toBe(0);
  });

  it('weighs words by their weight', () => {
    expect(tokenRecall(fields, [token('passport', 3), token('charged', 1)])).toBeCloseTo(0.75);
  });

  it('finds a misspelt word approximately, but only one the index has never seen', () => {
    const typo = tokenRecall(fields, [token('pasport', 1, true)]);
    expect(typo).toBeGreaterThan(0.7);
    expect(typo).toBeLessThan(1);
    expect(tokenRecall(fields, [token('pasport', 1, false)])).toBe(0);
  });

  it('searches word by word, so a question longer than 32 characters still matches', () => {
    const long = 'can the company keep my passport i was charged twice'.split(' ').map((w) => token(w, 1, true));
    expect(tokenRecall(fields, long)).toBeGreaterThan(0.6);
  });
});

describe('rerank', () => {
  it('keeps the score of the best-recall candidate and lowers the others, reordering them', () => {
    const scores = rerank(
      [
        { score: 0.62, recall: 0.5 },
        { score: 0.6, recall: 1 },
      ],
      0.5,
    );
    expect(scores[1]).toBe(0.6);
    expect(scores[0]).toBeCloseTo(0.62 * 0.75);
    expect(scores[1]).toBeGreaterThan(scores[0]!);
  });

  it('never raises a score', () => {
    const input = [0.3, 0.5, 0.9].map((score, i) => ({ score, recall: i / 2 }));
    rerank(input, 0.5).forEach((s, i) => expect(s).toBeLessThanOrEqual(input[i]!.score));
  });

  it('leaves scores alone when nothing was recalled', () => {
    expect(rerank([{ score: 0.4, recall: 0 }], 0.5)).toEqual([0.4]);
  });
});
