import { describe, expect, it } from 'vitest';
import {
  blendScores,
  buildHybrid,
  contributionsFor,
  csrFromTriplets,
  DEFAULT_USER_KNN,
  evidenceRank,
  findNeighbours,
  type ItemMeta,
  NAMED_NEIGHBOUR_MIN_SHARE,
  recommend,
  type TrainingData,
  transpose,
  type UserEvidence,
} from '../../../src/recommender/index.ts';
import { item as fixtureItem } from './fixtures.ts';

const item = (id: number, genres: string[]): ItemMeta => fixtureItem(id, { genres });

/** Films 0–3 crime, 4–7 animation; users 0–5 like crime (film 3 from users 0–4 only), 6–11 animation. */
function community(): TrainingData {
  const rows: [number, number, number][] = [];
  for (let u = 0; u < 12; u++) {
    const base = u < 6 ? 0 : 4;
    for (let k = 0; k < 4; k++) if ((u + k) % 4 !== 3) rows.push([u, base + k, u === 1 ? 4 : 5]);
  }
  return {
    items: [0, 1, 2, 3, 4, 5, 6, 7].map((i) => item(i, [i < 4 ? 'Crime' : 'Animation'])),
    userIds: Array.from({ length: 12 }, (_, u) => `u${u}`),
    ratings: {
      user: Int32Array.from(rows.map((r) => r[0])),
      item: Int32Array.from(rows.map((r) => r[1])),
      value: Float32Array.from(rows.map((r) => r[2])),
    },
  };
}

const mask = (members: number[], n = 12) => {
  const m = new Uint8Array(n);
  for (const u of members) m[u] = 1;
  return m;
};
const only = { warm: { user_knn: 1 }, cold: { user_knn: 1 }, halfWarmAt: 10 };
const fan = (extra: Partial<UserEvidence> = {}): UserEvidence => ({
  items: Int32Array.from([0, 1]),
  ratings: Float32Array.from([5, 4]),
  ...extra,
});

describe('server neighbours in user-kNN', () => {
  const d = community();
  const byUser = csrFromTriplets(12, 8, d.ratings.user, d.ratings.item, d.ratings.value);
  const byItem = transpose(byUser);

  it('when no server weight is set, then a circle changes nothing', () => {
    const plain = findNeighbours(byUser, byItem, Int32Array.from([0, 1]), { k: 3, shrink: 0 });
    const inServer = findNeighbours(byUser, byItem, Int32Array.from([0, 1]), { k: 3, shrink: 0 }, -1, mask([5]));
    expect(inServer).toEqual(plain);
    expect(DEFAULT_USER_KNN.serverWeight).toBeGreaterThanOrEqual(1);
  });

  it('when server members weigh 3×, then a member outside the k nearest is brought in with 3× its similarity', () => {
    const opts = { k: 2, shrink: 0 };
    const items = Int32Array.from([0, 1]);
    const plain = findNeighbours(byUser, byItem, items, { k: 12, shrink: 0 });
    const far = plain.users[plain.users.length - 1]!; // the least similar user who shares any film
    const near = findNeighbours(byUser, byItem, items, opts);
    expect(Array.from(near.users)).not.toContain(far);
    const boosted = findNeighbours(byUser, byItem, items, { ...opts, serverWeight: 3 }, -1, mask([far]));
    const at = Array.from(boosted.users).indexOf(far);
    expect(at).toBeGreaterThanOrEqual(0);
    expect(boosted.sims[at]).toBeCloseTo(3 * plain.sims[plain.users.length - 1]!, 5);
  });
});

describe('a pick driven by server neighbours', () => {
  const model = buildHybrid(community(), { ease: null, itemKnn: { k: 5, shrink: 0 } });

  it('when the crime fans are members of the server, then the reason is theirs, with who may be named', () => {
    const user = fan({ circle: mask([0, 2, 3, 4]) });
    const [top] = recommend(model, user, { count: 1, blend: only });
    expect(top!.reason?.kind).toBe('friends');
    if (top!.reason?.kind !== 'friends') return;
    expect(top!.reason.people).toBeGreaterThanOrEqual(2);
    expect(top!.reason.named.length).toBeGreaterThan(0);
    for (const p of top!.reason.named) {
      expect([0, 2, 3, 4]).toContain(p.user);
      expect(p.share).toBeGreaterThanOrEqual(NAMED_NEIGHBOUR_MIN_SHARE);
      expect(p.stars).toBe(5);
    }
    // Faithful: the server neighbours are the pick's largest contributor.
    const split = contributionsFor(model, user, blendScores(model, user, { blend: only }))(top!.item);
    expect(evidenceRank(top!.reason, split)).toBe(0);
  });

  it('when the split names server neighbours, then it still adds up to the blended score', () => {
    const user = fan({ circle: mask([0, 2]) });
    const blend = blendScores(model, user, { blend: only });
    const split = contributionsFor(model, user, blend);
    // Only the mean shift, common to every film, is left out of the split.
    const offsets: number[] = [];
    for (let i = 0; i < model.items.length; i++) {
      if (blend.excluded[i]) continue;
      const parts = split(i);
      expect(parts.some((c) => c.kind === 'server_neighbours')).toBe(true);
      offsets.push(blend.scores[i]! - parts.reduce((s, c) => s + c.value, 0));
    }
    for (const o of offsets) expect(o).toBeCloseTo(offsets[0]!, 4);
  });

  it('when nobody in the server has the film, then the pick is explained by taste neighbours, naming nobody', () => {
    const [top] = recommend(model, fan({ circle: mask([7, 8]) }), { count: 1, blend: only });
    expect(top!.reason?.kind).toBe('taste_neighbours');
  });

  it('when there is no server, then no reason is a friends reason', () => {
    const picks = recommend(model, fan(), { count: 4, blend: only });
    expect(picks.every((p) => p.reason?.kind !== 'friends')).toBe(true);
  });
});
