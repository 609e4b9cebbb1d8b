import { describe, expect, it } from 'vitest';
import {
  coldStartSlice,
  MetricsAccumulator,
  type RatingLog,
  randomSplit,
  temporalSplit,
  testSets,
} from '../../../src/recommender/evaluation.ts';

function log(perUser: number[]): RatingLog {
  const user: number[] = [];
  const item: number[] = [];
  const ts: number[] = [];
  perUser.forEach((n, u) => {
    for (let k = 0; k < n; k++) {
      user.push(u);
      item.push(k);
      ts.push(1000 - k); // item 0 is the newest
    }
  });
  return {
    nUsers: perUser.length,
    items: [],
    userIds: perUser.map((_, u) => String(u)),
    user: Int32Array.from(user),
    item: Int32Array.from(item),
    rating: new Float32Array(user.length).fill(4),
    timestamp: Float64Array.from(ts),
  };
}

describe('offline metrics', () => {
  it('when the only relevant item is ranked second, then nDCG@10 = 1/log2(3), P@10 = 0.1, R@10 = 1, MAP@10 = 0.5', () => {
    const acc = new MetricsAccumulator(20, 10, new Int32Array(20).fill(1), 4);
    acc.add([5, 7, 1, 2], Int32Array.from([7]));
    const r = acc.result();
    expect(r['ndcg@10']).toBeCloseTo(1 / Math.log2(3), 10);
    expect(r['precision@10']).toBeCloseTo(0.1);
    expect(r['recall@10']).toBe(1);
    expect(r['map@10']).toBeCloseTo(0.5);
    expect(r.coverage).toBeCloseTo(4 / 20);
    expect(r.novelty).toBeCloseTo(2);
  });

  it('when all 12 relevant items fill the top 10, then nDCG@10 = 1 (ideal DCG over min(|test|, 10))', () => {
    const acc = new MetricsAccumulator(20, 10, new Int32Array(20).fill(1), 1);
    acc.add([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], Int32Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]));
    expect(acc.result()['ndcg@10']).toBeCloseTo(1, 10);
  });
});

describe('splits', () => {
  const l = log([8, 4, 1, 20]);

  it('random 75/25: a quarter of each user (rounded down), none for a single rating, same seed same split', () => {
    const a = randomSplit(l, 0.25, 42);
    expect(testSets(l, a).map((t) => t.length)).toEqual([2, 1, 0, 5]);
    expect(randomSplit(l, 0.25, 42)).toEqual(a);
    expect(randomSplit(l, 0.25, 43)).not.toEqual(a);
  });

  it('temporal: the newest 20% of each user are the test items', () => {
    const t = testSets(l, temporalSplit(l, 0.2));
    expect(Array.from(t[3]!)).toEqual([0, 1, 2, 3]);
    expect(Array.from(t[0]!)).toEqual([0, 1]);
  });

  it('cold start: chosen users keep at most 5 training ratings', () => {
    const isTest = randomSplit(l, 0.25, 42);
    const { dropped, coldUsers } = coldStartSlice(l, isTest, 5, 1, 42);
    expect(Array.from(coldUsers)).toEqual([0, 1, 3]);
    let kept3 = 0;
    for (let k = 0; k < l.user.length; k++) if (l.user[k] === 3 && !isTest[k] && !dropped[k]) kept3++;
    expect(kept3).toBe(5);
  });
});
