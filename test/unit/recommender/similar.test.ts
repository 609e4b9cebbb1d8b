import { describe, expect, it } from 'vitest';
import { buildHybrid } from '../../../src/recommender/model.ts';
import { similarItems } from '../../../src/recommender/similar.ts';
import { bareItem, type TrainingData } from '../../../src/recommender/types.ts';

// Films 0–5. 0 (the seed) and 1 are loved by the same three fans; 2 shares the seed's director but nobody here rated
// it; 3 and 4 belong to another crowd; 5 is unrelated.
function data(): TrainingData {
  const items = [
    bareItem(10, 'Heat', { directors: ['Michael Mann'], genres: ['Crime'], keywords: ['heist', 'police'] }),
    bareItem(11, 'The Town', { genres: ['Crime'], keywords: ['heist', 'bank'] }),
    bareItem(12, 'Collateral', { directors: ['Michael Mann'], genres: ['Thriller'], keywords: ['hitman'] }),
    bareItem(13, 'Notting Hill', { genres: ['Romance'], keywords: ['london'] }),
    bareItem(14, 'Love Actually', { genres: ['Romance'], keywords: ['london'] }),
    bareItem(15, 'Cars', { genres: ['Animation'], keywords: ['racing'] }),
  ];
  const triples: [number, number, number][] = [
    [0, 0, 5],
    [0, 1, 4.5],
    [1, 0, 4.5],
    [1, 1, 4],
    [2, 0, 4],
    [2, 1, 4.5],
    [3, 3, 5],
    [3, 4, 4],
    [4, 3, 4],
    [4, 4, 5],
    [4, 0, 2],
  ];
  return {
    items,
    userIds: ['a', 'b', 'c', 'd', 'e'],
    ratings: {
      user: Int32Array.from(triples.map((t) => t[0])),
      item: Int32Array.from(triples.map((t) => t[1])),
      value: Float32Array.from(triples.map((t) => t[2])),
    },
  };
}

describe('similarItems', () => {
  const model = buildHybrid(data(), { ease: null });

  it('when the seed’s fans rated another film, then it ranks first and the reason quotes the fans’ mean stars', () => {
    const [first] = similarItems(model, 0, { count: 3 });
    expect(first?.item).toBe(1);
    expect(first?.reason).toEqual({ kind: 'fans_rated', fans: 3, meanStars: (4.5 + 4 + 4.5) / 3 });
  });

  it('when a film shares the seed’s director but nobody rated it, then content finds it and says so', () => {
    const found = similarItems(model, 0, { count: 5 });
    const collateral = found.find((f) => f.item === 2);
    expect(collateral?.reason).toEqual({ kind: 'same_director', name: 'Michael Mann' });
  });

  it('when films are excluded (seen or dismissed), then they never come back, nor does the seed', () => {
    const found = similarItems(model, 0, { count: 5, exclude: new Set([1]) });
    expect(found.map((f) => f.item)).not.toContain(1);
    expect(found.map((f) => f.item)).not.toContain(0);
    expect(found.map((f) => f.item)).toContain(2);
  });

  it('when nothing is related at all, then nothing is returned rather than filler', () => {
    expect(similarItems(model, 5, { count: 3 })).toEqual([]);
  });
});
