import { describe, expect, it } from 'vitest';
import { createRelatedIndex } from '../../../src/data/related-lists.ts';
import {
  blendScores,
  buildHybrid,
  contributionsFor,
  divisiveness,
  type ItemMeta,
  mergeRelated,
  onboardingOrder,
  reasonsFor,
  recommend,
  type TrainingData,
  type UserEvidence,
} from '../../../src/recommender/index.ts';
import { data, ev, item } from './fixtures.ts';

describe("the fake TMDB's recommendations and similar lists", () => {
  const films = [
    { id: 1, genres: [18, 80], keywords: [1, 2, 3], people: [10], popularity: 5 },
    { id: 2, genres: [18, 80], keywords: [1, 2], people: [10], popularity: 1 },
    { id: 3, genres: [18], keywords: [], people: [], popularity: 9 },
    { id: 4, genres: [16], keywords: [9], people: [], popularity: 50 },
    { id: 5, genres: [18], keywords: [], people: [], popularity: 2 },
  ];

  it('when a film shares more, then it is listed first; ties go to the more popular film, unrelated films never', () => {
    const lists = createRelatedIndex(films);
    // similar = 2·genres + keywords: film 2 scores 6, films 3 and 5 score 2 each (3 is more popular).
    expect(lists(1, 'similar')).toEqual([2, 3, 5]);
    // recommendations = genres + 2·keywords + 3·people: film 2 scores 9; 3 and 5 score 1 (not above 1: left out).
    expect(lists(1, 'recommendations')).toEqual([2]);
    expect(lists(4, 'similar')).toEqual([]);
    expect(lists(99, 'similar')).toEqual([]);
  });

  it('when asked twice or in another order, then the lists are identical (deterministic)', () => {
    const a = createRelatedIndex(films);
    const b = createRelatedIndex([...films].reverse());
    for (const f of films)
      for (const kind of ['similar', 'recommendations'] as const) {
        expect(a(f.id, kind)).toEqual(b(f.id, kind));
        expect(a(f.id, kind)).toEqual(a(f.id, kind));
      }
  });

  it('when the two lists are merged, then they alternate and each film appears once', () => {
    expect(mergeRelated([7, 8, 9], [8, 5])).toEqual([7, 8, 5, 9]);
    expect(mergeRelated([], [3])).toEqual([3]);
  });
});

describe("TMDB's lists as a source for people with few ratings", () => {
  // Films 0–2 nobody here rated much; TMDB lists film 1 next to film 0 and film 2 next to film 3.
  const items = [item(100, { related: [101, 999] }), item(101), item(102), item(103, { related: [102] }), item(104)];
  const rows: [number, number, number][] = [
    [0, 4, 4],
    [1, 4, 4],
    [2, 2, 3],
  ];
  const model = buildHybrid(data(items, rows), { ease: null });
  const only = { warm: { related: 1 }, cold: { related: 1 }, halfWarmAt: 10 };

  it('when someone loved a film, then what TMDB lists next to it ranks first, and films outside the catalogue are dropped', () => {
    expect(model.related).not.toBeNull();
    const [top] = recommend(model, ev([0], [5]), { count: 1, blend: only });
    expect(top!.item).toBe(1);
  });

  it('when someone disliked the film, then its TMDB neighbours are pushed down, not up', () => {
    const liked = blendScores(model, ev([0], [5]), { blend: only });
    const disliked = blendScores(model, ev([0], [1]), { blend: only });
    expect(liked.raw.related![1]).toBeGreaterThan(0);
    expect(disliked.raw.related![1]).toBeLessThan(0);
  });

  it('when the lists drive a pick, then the reason names the film they came from and the split adds up', () => {
    const user = ev([0, 3], [5, 4]);
    const blend = blendScores(model, user, { blend: only });
    const split = contributionsFor(model, user, blend);
    const reason = reasonsFor(model, user, blend)(1);
    expect(reason).toMatchObject({ kind: 'similar_to', via: 'content', evidence: [{ item: 0, stars: 5 }] });
    const offsets: number[] = [];
    for (let i = 0; i < model.items.length; i++) {
      if (blend.excluded[i]) continue;
      offsets.push(split(i).reduce((a, c) => a + c.value, 0) - blend.scores[i]!);
    }
    for (const o of offsets) expect(o).toBeCloseTo(offsets[0]!, 4);
  });
});

describe('onboarding asks about films that tell tastes apart', () => {
  // Film 0: everyone saw it and everyone gave it 4★. Film 1: almost as many saw it, and they split 1★ / 5★.
  // Film 2: a divisive film only two people saw (too few raters to judge).
  const items = [item(1), item(2), item(3), item(4)];
  const rows: [number, number, number][] = [];
  for (let u = 0; u < 12; u++) rows.push([u, 0, 4]);
  for (let u = 0; u < 10; u++) rows.push([u, 1, u % 2 ? 1 : 5]);
  rows.push([0, 2, 1], [1, 2, 5], [2, 3, 3]);
  const model = buildHybrid(data(items, rows), { ease: null });

  it('when a film splits opinion, then it comes before a more popular film everyone rates alike', () => {
    const d = divisiveness(model);
    expect(d[1]).toBeGreaterThan(d[0]!);
    expect(d[2]).toBe(0);
    expect(Array.from(onboardingOrder(model)).slice(0, 2)).toEqual([1, 0]);
  });

  it('when asked for the popular order, then the most popular film comes first (the old behaviour)', () => {
    expect(onboardingOrder(model, { popularOnly: true })[0]).toBe(0);
  });

  it('when every film is ordered, then each appears exactly once', () => {
    expect([...onboardingOrder(model)].sort()).toEqual([0, 1, 2, 3]);
  });
});
