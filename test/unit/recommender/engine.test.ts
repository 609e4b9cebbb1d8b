import { describe, expect, it } from 'vitest';
import {
  blendScores,
  buildContent,
  buildEase,
  buildHybrid,
  buildItemKnn,
  buildPopularity,
  contentProfile,
  contributionsFor,
  csrFromTriplets,
  easeWeight,
  evidenceRank,
  findNeighbours,
  type ItemMeta,
  implicitVector,
  reasonsFor,
  recommend,
  scoreContent,
  scoreEase,
  scoreItemKnn,
  scoreUserKnn,
  type TrainingData,
  topK,
  transpose,
  type UserEvidence,
} from '../../../src/recommender/index.ts';
import { invertSpd } from '../../../src/recommender/linalg.ts';
import { data, ev, item } from './fixtures.ts';

/** Two tastes: films 0–3 are crime (director Mann), 4–7 animation; users 0–5 like crime, 6–11 animation. */
function twoClusters(): TrainingData {
  const items = [
    ...[0, 1, 2, 3].map((i) =>
      item(i, {
        title: i === 0 ? 'Heat' : `Crime ${i}`,
        genres: ['Crime'],
        keywords: ['heist', 'police'],
        directors: ['Michael Mann'],
        year: 1990 + i,
        runtime: 100 + 20 * i,
      }),
    ),
    ...[4, 5, 6, 7].map((i) => item(i, { genres: ['Animation'], keywords: ['friendship'], year: 2000 + i })),
  ];
  const rows: [number, number, number][] = [];
  for (let u = 0; u < 12; u++) {
    const base = u < 6 ? 0 : 4;
    for (let k = 0; k < 4; k++) if ((u + k) % 4 !== 3) rows.push([u, base + k, 4.5]);
  }
  return data(items, rows);
}

describe('sparse matrices and helpers', () => {
  it('when triplets repeat a cell, then the CSR keeps the last value and sorts columns', () => {
    const m = csrFromTriplets(
      2,
      3,
      Int32Array.from([1, 0, 0, 0]),
      Int32Array.from([0, 2, 1, 2]),
      Float32Array.from([5, 1, 2, 3]),
    );
    expect(Array.from(m.ptr)).toEqual([0, 2, 3]);
    expect(Array.from(m.cols)).toEqual([1, 2, 0]);
    expect(Array.from(m.vals)).toEqual([2, 3, 5]);
    const t = transpose(m);
    expect(Array.from(t.ptr)).toEqual([0, 1, 2, 3]);
    expect(Array.from(t.cols)).toEqual([1, 0, 0]);
  });

  it('when inverting an SPD matrix, then A·A⁻¹ = I', () => {
    const a = Float64Array.from([4, 2, 0.6, 2, 5, 1, 0.6, 1, 3]);
    const inv = invertSpd(a, 3);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        let s = 0;
        for (let k = 0; k < 3; k++) s += a[i * 3 + k]! * inv[k * 3 + j]!;
        expect(s).toBeCloseTo(i === j ? 1 : 0, 10);
      }
    }
    expect(() => invertSpd(Float64Array.from([1, 2, 2, 1]), 2)).toThrow(/positive definite/);
  });

  it('when scores tie, then topK prefers the lower index and honours skip', () => {
    expect(Array.from(topK(Float32Array.from([1, 3, 3, 2, 5]), 3))).toEqual([4, 1, 2]);
    expect(Array.from(topK(Float32Array.from([1, 3, 3, 2, 5]), 2, (i) => i === 4))).toEqual([1, 2]);
  });
});

describe('each model on a case with a known answer', () => {
  const d = twoClusters();
  const byUser = csrFromTriplets(12, 8, d.ratings.user, d.ratings.item, d.ratings.value);
  const byItem = transpose(byUser);

  it('popularity counts raters and ranks the most rated first', () => {
    const p = buildPopularity(byItem, d.items);
    expect(Array.from(p.counts)).toEqual([5, 4, 4, 5, 4, 5, 5, 4].map((_, i) => byItem.ptr[i + 1]! - byItem.ptr[i]!));
    expect(p.prior[0]! > p.prior[1]!).toBe(p.counts[0]! > p.counts[1]!);
  });

  it('item-kNN: a crime fan gets the unseen crime film, never an animated one', () => {
    const knn = buildItemKnn(byUser, byItem, { k: 5, shrink: 0 });
    const out = new Float32Array(8);
    scoreItemKnn(knn, Int32Array.from([0, 1]), Float32Array.from([1, 1]), out);
    expect(out[2]! > 0 && out[3]! > 0).toBe(true);
    expect(out[4]).toBe(0);
  });

  it('user-kNN: neighbours are the users who share the films, and their films score', () => {
    const nb = findNeighbours(byUser, byItem, Int32Array.from([4, 5]), { k: 3, shrink: 0 });
    for (const v of nb.users) expect(v).toBeGreaterThanOrEqual(6);
    const out = new Float32Array(8);
    scoreUserKnn(byUser, nb, out);
    expect(out[6]! + out[7]!).toBeGreaterThan(0);
    expect(out[0]! + out[1]! + out[2]! + out[3]!).toBe(0);
  });

  it('EASE: the film that always co-occurs with the user’s film ranks first', () => {
    const ease = buildEase(byUser, buildPopularity(byItem, d.items).counts, { lambda: 1, maxItems: 8, minCount: 1 });
    expect(ease?.m).toBe(8);
    const out = new Float32Array(8);
    scoreEase(ease!, Int32Array.from([4, 5]), Float32Array.from([1, 1]), out);
    const best = topK(out, 1, (i) => i === 4 || i === 5)[0]!;
    expect([6, 7]).toContain(best);
  });

  it('EASE with side information: when two films share features but no rater, then only the side information links them', () => {
    // Films 0 and 2 are Mann crime films, 1 and 3 animation; each user rated one crime and one animated film, and
    // nobody rated 0 and 2 together.
    const items = [0, 1, 2, 3].map((i) =>
      item(i, i % 2 === 0 ? { genres: ['Crime'], directors: ['Michael Mann'] } : { genres: ['Animation'] }),
    );
    const rows: [number, number, number][] = [];
    for (let u = 0; u < 6; u++) for (const i of u % 2 === 0 ? [0, 1] : [2, 3]) rows.push([u, i, 4]);
    const d2 = data(items, rows);
    const m = csrFromTriplets(6, 4, d2.ratings.user, d2.ratings.item, d2.ratings.value);
    const counts = buildPopularity(transpose(m), items).counts;
    const opts = { lambda: 1, maxItems: 4, minCount: 1 };
    const vectors = buildContent(items).vectors;
    const plain = buildEase(m, counts, opts)!;
    expect(easeWeight(plain, 0, 2)).toBeCloseTo(0, 6);
    expect(buildEase(m, counts, { ...opts, sideWeight: 0 }, vectors)!.b).toEqual(plain.b);
    const side = buildEase(m, counts, { ...opts, sideWeight: 2 }, vectors)!;
    expect(easeWeight(side, 0, 2)).toBeGreaterThan(0.01);
    expect(easeWeight(side, 0, 2)).toBeGreaterThan(easeWeight(side, 0, 3));
  });

  it('content: liking a Mann heist film makes the other Mann heist films score above animation; dislikes push away', () => {
    const c = buildContent(d.items);
    const out = new Float32Array(8);
    scoreContent(c, contentProfile(c, Int32Array.from([0, 4]), Float32Array.from([5, 2])), out);
    expect(Math.min(out[1]!, out[2]!, out[3]!)).toBeGreaterThan(Math.max(out[5]!, out[6]!, out[7]!));
    const disliked = new Float32Array(8);
    scoreContent(c, contentProfile(c, Int32Array.from([]), Float32Array.from([]), Int32Array.from([0])), disliked);
    expect(disliked[1]!).toBeLessThan(0);
  });
});

describe('the hybrid', () => {
  const model = buildHybrid(twoClusters(), {
    ease: { lambda: 1, maxItems: 8, minCount: 1 },
    itemKnn: { k: 5, shrink: 0 },
  });

  it('when a user loved Heat, then crime comes first with an evidence-based reason and nothing seen returns', () => {
    const user = ev([0, 1], [5, 4.5], { exclude: Int32Array.from([3]) });
    const picks = recommend(model, user, { count: 3 });
    expect(picks[0]!.item).toBe(2);
    expect(picks.map((p) => p.item)).not.toContain(0);
    expect(picks.map((p) => p.item)).not.toContain(1);
    expect(picks.map((p) => p.item)).not.toContain(3);
    expect(['similar_to', 'taste_neighbours', 'shared_director', 'shared_keywords']).toContain(picks[0]!.reason?.kind);
    expect(Object.keys(picks[0]!.sources).sort()).toEqual([
      'content',
      'ease',
      'item_knn',
      'popularity',
      'related',
      'user_knn',
    ]);
  });

  it('when films are disliked, then they never come back', () => {
    const picks = recommend(model, ev([0], [5], { disliked: Int32Array.from([1, 2]) }), { count: 8 });
    const items = picks.map((p) => p.item);
    expect(items).not.toContain(1);
    expect(items).not.toContain(2);
    expect(items).not.toContain(0);
  });

  it('when a film is 👎, then it is negative evidence: its neighbours sink in EASE and item-kNN', () => {
    // Liked one crime and one animated film equally (a tie, broken towards crime), 👎 a crime film.
    const user = ev([0, 4], [4, 4], { disliked: Int32Array.from([1]) });
    for (const source of ['ease', 'item_knn'] as const) {
      const ignoring = recommend(model, user, { count: 1, sources: [source], dislikeWeight: 0 })[0]!.item;
      const using = recommend(model, user, { count: 1, sources: [source] })[0]!.item;
      expect([2, 3], source).toContain(ignoring);
      expect([5, 6, 7], source).toContain(using);
    }
  });

  it('when films are 👎, then the neighbour-model user vector holds them once, with a negative weight', () => {
    const user = ev([0, 4, 5], [4.5, 4.5, 1], { disliked: Int32Array.from([2, 5, 2]) });
    const v = implicitVector(user, 1.5);
    expect(Array.from(v.items)).toEqual([0, 4, 5, 2]);
    // 5 was rated (weakly) and is also disliked: it stays a low positive, not a double entry.
    expect(Array.from(v.weights)).toEqual([1, 1, 0.5, -1.5]);
    const off = implicitVector(user, 0);
    expect(Array.from(off.items)).toEqual([0, 4, 5]);
    expect(Array.from(off.weights)).toEqual([1, 1, 0.5]);
  });

  it('when a sent pick drew no reaction, then it never comes back and (if asked) its neighbours sink', () => {
    // The same tie as above, with crime film 1 sent earlier and ignored instead of 👎.
    const user = ev([0, 4], [4, 4], { ignored: Int32Array.from([1]) });
    for (const source of ['ease', 'item_knn'] as const) {
      const off = recommend(model, user, { count: 1, sources: [source] })[0]!.item;
      const on = recommend(model, user, { count: 1, sources: [source], ignoredWeight: 2 })[0]!.item;
      expect([2, 3], source).toContain(off);
      expect([5, 6, 7], source).toContain(on);
    }
    expect(recommend(model, user, { count: 8 }).map((p) => p.item)).not.toContain(1);
  });

  it('when films are ignored, then the user vector holds them with the ignored weight, after rated and 👎 films', () => {
    const user = ev([0, 4], [4, 4], { disliked: Int32Array.from([1]), ignored: Int32Array.from([2, 1, 0, 2]) });
    const v = implicitVector(user, 2, 0.25);
    expect(Array.from(v.items)).toEqual([0, 4, 1, 2]);
    expect(Array.from(v.weights)).toEqual([1, 1, -2, -0.25]);
    expect(Array.from(implicitVector(user, 2).items)).toEqual([0, 4, 1]);
  });

  it('when filters are given, then only matching films are returned', () => {
    const picks = recommend(model, ev([4], [5]), {
      count: 8,
      filters: { genre: 'crime', fromYear: 1991, toYear: 1993, maxRuntime: 150 },
    });
    expect(picks.map((p) => p.item).sort()).toEqual([1, 2]);
  });

  it('when called twice, or built twice, then the answer is identical (deterministic)', () => {
    const again = buildHybrid(twoClusters(), {
      ease: { lambda: 1, maxItems: 8, minCount: 1 },
      itemKnn: { k: 5, shrink: 0 },
    });
    const user = ev([4, 5], [4, 5]);
    const a = recommend(model, user, { count: 4, diversity: 0.7 });
    const b = recommend(again, user, { count: 4, diversity: 0.7 });
    expect(b).toEqual(a);
  });

  describe('reasons carry the strongest evidence', () => {
    const only = (s: 'ease' | 'user_knn' | 'content') => ({
      warm: { [s]: 1 },
      cold: { [s]: 1 },
      halfWarmAt: 10,
    });
    const fan = () => ev([0, 1], [5, 3.5]);

    it('when EASE drives the pick, then it names the loved film that contributes most, with its stars', () => {
      const [top] = recommend(model, fan(), { count: 1, blend: only('ease') });
      expect(top!.reason).toMatchObject({ kind: 'similar_to', via: 'item' });
      if (top!.reason?.kind === 'similar_to') expect(top!.reason.evidence[0]).toMatchObject({ item: 0, stars: 5 });
    });

    it('when neighbours drive the pick, then it counts them and their mean stars', () => {
      const [top] = recommend(model, fan(), { count: 1, blend: only('user_knn') });
      expect(top!.reason).toMatchObject({ kind: 'taste_neighbours', meanStars: 4.5 });
      if (top!.reason?.kind === 'taste_neighbours') expect(top!.reason.people).toBeGreaterThanOrEqual(2);
    });

    it('when content drives the pick, then it names the shared director and the film that carried it', () => {
      const [top] = recommend(model, fan(), { count: 1, blend: only('content') });
      expect(top!.reason).toMatchObject({ kind: 'shared_director', name: 'Michael Mann', evidence: [{ item: 0 }] });
    });

    it('when a film is named, then it is the largest contributor and the split adds up to the blended score', () => {
      const user = ev([0, 1, 4], [5, 3, 4]);
      const blend = blendScores(model, user, {});
      const split = contributionsFor(model, user, blend);
      const offsets: number[] = [];
      for (let i = 0; i < model.items.length; i++) {
        if (blend.excluded[i]) continue;
        const parts = split(i);
        offsets.push(parts.reduce((a, c) => a + c.value, 0) - blend.scores[i]!);
        const reason = reasonsFor(model, user, blend)(i);
        const rank = evidenceRank(reason, parts);
        if (rank >= 0) expect(rank).toBe(0);
      }
      // Film contributions leave out each source's mean shift, which is the same for every candidate.
      for (const o of offsets) expect(o).toBeCloseTo(offsets[0]!, 4);
    });
  });
});
