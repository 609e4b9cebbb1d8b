import { describe, expect, it } from 'vitest';
import {
  buildHybrid,
  type GroupScores,
  type ItemMeta,
  pickForGroup,
  recommendForGroup,
  type TrainingData,
  type UserEvidence,
} from '../../../src/recommender/index.ts';
import { item } from './fixtures.ts';

/** Films 0–3 crime by Michael Mann (lead Al Pacino), 4–7 animation; users 0–5 like crime, 6–11 animation. */
function twoClusters(): TrainingData {
  const items = [
    ...[0, 1, 2, 3].map((i) =>
      item(i, {
        title: i === 0 ? 'Heat' : `Crime ${i}`,
        genres: ['Crime'],
        keywords: ['heist', 'police'],
        directors: ['Michael Mann'],
        cast: ['Al Pacino'],
        runtime: 100 + 20 * i,
      }),
    ),
    ...[4, 5, 6, 7].map((i) => item(i, { genres: ['Animation'], keywords: ['friendship'] })),
  ];
  const rows: [number, number, number][] = [];
  for (let u = 0; u < 12; u++) {
    const base = u < 6 ? 0 : 4;
    for (let k = 0; k < 4; k++) if ((u + k) % 4 !== 3) rows.push([u, base + k, 4.5]);
  }
  return {
    items,
    userIds: Array.from({ length: 12 }, (_, u) => `u${u}`),
    ratings: {
      user: Int32Array.from(rows.map((r) => r[0])),
      item: Int32Array.from(rows.map((r) => r[1])),
      value: Float32Array.from(rows.map((r) => r[2])),
    },
  };
}

const ev = (items: number[], ratings: number[], extra: Partial<UserEvidence> = {}): UserEvidence => ({
  items: Int32Array.from(items),
  ratings: Float32Array.from(ratings),
  ...extra,
});

const model = buildHybrid(twoClusters(), {
  ease: { lambda: 1, maxItems: 8, minCount: 1 },
  itemKnn: { k: 5, shrink: 0 },
});

/** Hand-made member z-scores over 8 films, for the aggregation itself. */
function scores(z: number[][], excluded: number[] = []): GroupScores {
  const n = z[0]!.length;
  const zs = z.map((row) => Float32Array.from(row));
  const mean = new Float32Array(n);
  const min = new Float32Array(n).fill(Number.POSITIVE_INFINITY);
  for (const zu of zs)
    for (let i = 0; i < n; i++) {
      mean[i]! += zu[i]! / zs.length;
      min[i] = Math.min(min[i]!, zu[i]!);
    }
  const ex = new Uint8Array(n);
  for (const i of excluded) ex[i] = 1;
  return { excluded: ex, z: zs, mean, min };
}

const members3 = [ev([], []), ev([], []), ev([], [])];

describe('group picks', () => {
  it('when a group asks, then films any member rated, watched, dismissed or excluded are never candidates', () => {
    const members = [
      ev([0], [5]),
      ev([4], [NaN], { disliked: Int32Array.from([1]) }),
      ev([], [], { exclude: Int32Array.from([5]) }),
    ];
    for (const aggregation of ['fair', 'average', 'least_misery', 'average_misery', 'popular'] as const) {
      const items = recommendForGroup(model, members, { count: 8, aggregation }).map((p) => p.item);
      expect(items.sort()).toEqual([2, 3, 6, 7]);
    }
  });

  it('when the group filters by runtime, then longer films are dropped', () => {
    const picks = recommendForGroup(model, [ev([0], [5]), ev([4], [5])], { count: 8, filters: { maxRuntime: 130 } });
    expect(picks.map((p) => p.item)).not.toContain(3);
    expect(picks.map((p) => p.item)).toContain(1);
  });

  it('when two members agree and one differs, then average serves only the two but fair gives the third one of theirs', () => {
    // Members 0 and 1 love films 0–3; member 2 loves only film 7, which the other two mildly dislike.
    const s = scores([
      [3, 2.9, 2.8, 2.7, 0, 0, 0, -0.5],
      [3, 2.9, 2.8, 2.7, 0, 0, 0, -0.5],
      [-0.2, -0.2, -0.2, -0.2, 0, 0, 0, 3],
    ]);
    const avg = pickForGroup(model, members3, s, { count: 3, aggregation: 'average' }).map((p) => p.item);
    const fair = pickForGroup(model, members3, s, { count: 3, aggregation: 'fair', horizon: 2, fairness: 4 }).map(
      (p) => p.item,
    );
    expect(avg).toEqual([0, 1, 2]);
    expect(fair).toContain(7);
    expect(fair[0]).toBe(0);
  });

  it('when least misery ranks, then the film nobody minds beats one a member hates', () => {
    const s = scores([
      [3, 1, 0, 0, 0, 0, 0, 0],
      [3, 1, 0, 0, 0, 0, 0, 0],
      [-3, 1, 0, 0, 0, 0, 0, 0],
    ]);
    expect(pickForGroup(model, members3, s, { count: 1, aggregation: 'least_misery' })[0]!.item).toBe(1);
    expect(pickForGroup(model, members3, s, { count: 1, aggregation: 'average' })[0]!.item).toBe(0);
  });

  it('when a pick is made, then it carries the group score, each member score and who it fits, as data', () => {
    const s = scores([
      [3, 0, 0, 0, 0, 0, 0, 0],
      [2, 0, 0, 0, 0, 0, 0, 1],
      [-1, 0, 0, 0, 0, 0, 0, 0],
    ]);
    const [top] = pickForGroup(model, members3, s, { count: 1, aggregation: 'average', horizon: 1 });
    expect(top!.item).toBe(0);
    expect(top!.score).toBeCloseTo(4 / 3, 5);
    expect(top!.memberScores).toEqual([3, 2, -1]);
    expect(top!.reasons[0]).toEqual({ kind: 'fit', members: [0, 1], of: 3 });
  });

  it('when members loved a film by the same director or lead, then the pick names them and that film', () => {
    const members = [ev([0], [5]), ev([1], [4.5]), ev([4], [3])];
    const picks = recommendForGroup(model, members, { count: 8 });
    const crime = picks.find((p) => p.item === 2)!;
    expect(crime.reasons).toContainEqual({ kind: 'director', name: 'Michael Mann', members: [0, 1], film: 0 });
    expect(crime.reasons).toContainEqual({ kind: 'cast', name: 'Al Pacino', members: [0, 1], film: 0 });
    const animated = picks.find((p) => p.item === 5)!;
    expect(animated.reasons.some((r) => r.kind === 'director')).toBe(false);
  });

  it('when called twice, then the answer is identical (deterministic)', () => {
    const members = [ev([0], [5]), ev([4], [5]), ev([2, 6], [4, 4])];
    expect(recommendForGroup(model, members, { count: 4 })).toEqual(recommendForGroup(model, members, { count: 4 }));
  });
});
