import { describe, expect, it } from 'vitest';
import { buildHybrid, type ItemMeta, rankItems, type Source } from '../../src/recommender/index.ts';
import { type SeedMovie, syntheticMovies, toSeedMovie } from '../../src/services/seed/catalogue.ts';
import {
  activityPlan,
  type CommunityData,
  collectCommunity,
  generateCommunity,
} from '../../src/services/seed/generator.ts';
import { Rng } from '../../src/services/seed/prng.ts';
import { DISCORD_EPOCH_MS, makeSnowflake, parseSnowflake } from '../../src/services/seed/snowflake.ts';

const NOW = new Date('2026-11-24T00:00:00Z');
const MOVIES: SeedMovie[] = syntheticMovies(0, 300).map(toSeedMovie);

function community(seed: number, users = 300, ratingsPerUser = 30, chunkUsers?: number): CommunityData {
  return collectCommunity({ movies: MOVIES, users, seed, now: NOW, ratingsPerUser, chunkUsers });
}

describe('snowflakes', () => {
  it('when built from parts, then they parse back to the same parts', () => {
    const parts = { timestampMs: Date.UTC(2020, 4, 1, 12), workerId: 17, processId: 3, increment: 4000 };
    const id = makeSnowflake(parts);
    expect(id).toMatch(/^\d{17,20}$/);
    expect(parseSnowflake(id)).toEqual(parts);
  });

  it('when the time is before the Discord epoch or a field is out of range, then it is refused', () => {
    expect(() =>
      makeSnowflake({ timestampMs: DISCORD_EPOCH_MS - 1, workerId: 0, processId: 0, increment: 0 }),
    ).toThrow();
    expect(() => makeSnowflake({ timestampMs: DISCORD_EPOCH_MS, workerId: 32, processId: 0, increment: 0 })).toThrow();
  });
});

describe('generateCommunity', () => {
  const a = community(42);

  it('when run twice with the same seed, then the output is identical, whatever the chunk size', () => {
    const b = community(42, 300, 30, 7);
    expect(b.users).toEqual(a.users);
    expect(b.movieIds).toEqual(a.movieIds);
    expect(b.halfStars).toEqual(a.halfStars);
    expect(b.ratedAt).toEqual(a.ratedAt);
    expect(b.watched).toEqual(a.watched);
  });

  it('when the seed differs, then ids, names and ratings differ', () => {
    const c = community(43);
    expect(c.users.map((u) => u.id)).not.toEqual(a.users.map((u) => u.id));
    expect(c.users.map((u) => u.displayName)).not.toEqual(a.users.map((u) => u.displayName));
    expect(c.halfStars).not.toEqual(a.halfStars);
  });

  it('when more users are asked for, then the smaller community is a prefix of the larger', () => {
    const small = community(42, 50);
    expect(a.users.slice(0, 50)).toEqual(small.users);
    expect(a.movieIds.subarray(0, small.movieIds.length)).toEqual(small.movieIds);
  });

  it('then user ids are unique, Discord-shaped snowflakes created before now', () => {
    const ids = a.users.map((u) => u.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const u of a.users) {
      expect(u.id).toMatch(/^\d{17,20}$/);
      const parts = parseSnowflake(u.id);
      expect(parts.timestampMs).toBe(u.joinedAtMs);
      expect(parts.timestampMs).toBeLessThan(NOW.getTime());
      expect(u.displayName.length).toBeGreaterThan(0);
    }
  });

  it('then every rating is 0.5–5 stars in half steps, on a film of the catalogue, once per user', () => {
    const known = new Set(MOVIES.map((m) => m.id));
    const seen = new Set<string>();
    for (let i = 0; i < a.halfStars.length; i++) {
      const h = a.halfStars[i] as number;
      expect(h).toBeGreaterThanOrEqual(1);
      expect(h).toBeLessThanOrEqual(10);
      expect(known.has(a.movieIds[i] as number)).toBe(true);
      const pair = `${a.userIndex[i]}:${a.movieIds[i]}`;
      expect(seen.has(pair)).toBe(false);
      seen.add(pair);
    }
    const stars = [...a.halfStars].map((h) => h / 2);
    const mean = stars.reduce((s, x) => s + x, 0) / stars.length;
    expect(mean).toBeGreaterThan(3);
    expect(mean).toBeLessThan(4);
    expect(new Set(stars).size).toBeGreaterThanOrEqual(8); // the whole scale is used, not a few values
  });

  it('then rating dates lie in the past years, before now', () => {
    const nowS = NOW.getTime() / 1000;
    let oldest = nowS;
    for (const t of a.ratedAt) {
      expect(t).toBeLessThan(nowS);
      oldest = Math.min(oldest, t);
    }
    expect(nowS - oldest).toBeGreaterThan(2 * 365 * 86_400);
  });

  it('then activity follows a power law: the mean is as asked and the top 10% of users hold a large share', () => {
    const big = community(7, 2000, 30);
    const counts = new Array<number>(2000).fill(0);
    for (const u of big.userIndex) counts[u] = (counts[u] as number) + 1;
    const total = big.userIndex.length;
    expect(total / 2000).toBeGreaterThan(30 * 0.85);
    expect(total / 2000).toBeLessThan(30 * 1.15);
    counts.sort((x, y) => y - x);
    const top = counts.slice(0, 200).reduce((s, n) => s + n, 0);
    expect(top / total).toBeGreaterThan(0.3);
    const median = counts[1000] as number;
    expect(median).toBeLessThan(30); // most users are light raters
    expect(counts[0]).toBeGreaterThan(5 * 30);
  });

  it('when the catalogue is small for the asked mean, then the mean is lowered and activity stays skewed', () => {
    expect(activityPlan(60, 40)).toEqual({ cap: 36, mean: 14.4 });
    expect(activityPlan(4800, 50)).toEqual({ cap: 1500, mean: 50 });
    const small = collectCommunity({ movies: MOVIES.slice(0, 60), users: 500, seed: 3, now: NOW, ratingsPerUser: 40 });
    const counts = new Array<number>(500).fill(0);
    for (const u of small.userIndex) counts[u] = (counts[u] as number) + 1;
    counts.sort((x, y) => y - x);
    expect(counts[0]).toBe(36);
    expect(counts[250]).toBeLessThan(14); // most users are light raters, not everyone at the cap
  });

  it('when the catalogue is empty, then it is refused', () => {
    expect(() => [...generateCommunity({ movies: [], users: 1, seed: 1, now: NOW })]).toThrow(/at least one film/);
  });
});

/**
 * Learnable structure: leave some liked films out of each user's history and check that a simple item-kNN ranks
 * them far better than popularity does. On random noise the two would tie.
 */
describe('learnable structure', () => {
  interface Split {
    train: Map<number, Map<number, number>>;
    test: Map<number, Set<number>>;
  }

  function split(d: CommunityData): Split {
    const rng = new Rng(99);
    const train = new Map<number, Map<number, number>>();
    const test = new Map<number, Set<number>>();
    for (let i = 0; i < d.userIndex.length; i++) {
      const u = d.userIndex[i] as number;
      const m = d.movieIds[i] as number;
      const stars = (d.halfStars[i] as number) / 2;
      if (rng.chance(0.2)) {
        if (stars >= 4) test.set(u, (test.get(u) ?? new Set()).add(m));
      } else {
        train.set(u, (train.get(u) ?? new Map()).set(m, stars));
      }
    }
    return { train, test };
  }

  function hitRate(s: Split, score: (u: number, history: Map<number, number>) => Map<number, number>): number {
    let hits = 0;
    let total = 0;
    for (const [u, liked] of s.test) {
      const history = s.train.get(u);
      if (!history || history.size < 3) continue;
      const scores = score(u, history);
      const top = [...scores]
        .filter(([m]) => !history.has(m))
        .sort((x, y) => y[1] - x[1] || x[0] - y[0])
        .slice(0, 10)
        .map(([m]) => m);
      hits += top.filter((m) => liked.has(m)).length;
      total += Math.min(10, liked.size);
    }
    return hits / total;
  }

  function compare(d: CommunityData): { knn: number; popularity: number } {
    const s = split(d);
    const movieIds = MOVIES.map((m) => m.id);
    const pop = new Map<number, number>(movieIds.map((m) => [m, 0]));
    for (const h of s.train.values()) for (const m of h.keys()) pop.set(m, (pop.get(m) ?? 0) + 1);

    // Item vectors over users: the rating centred on the user's mean, so "liked" and "disliked" pull apart.
    const vectors = new Map<number, Map<number, number>>();
    for (const [u, h] of s.train) {
      const mean = [...h.values()].reduce((a, b) => a + b, 0) / h.size;
      for (const [m, r] of h) vectors.set(m, (vectors.get(m) ?? new Map()).set(u, r - mean + 0.5));
    }
    const norm = new Map([...vectors].map(([m, v]) => [m, Math.sqrt([...v.values()].reduce((a, x) => a + x * x, 0))]));
    const simCache = new Map<string, number>();
    const sim = (i: number, j: number): number => {
      const k = i < j ? `${i}:${j}` : `${j}:${i}`;
      let v = simCache.get(k);
      if (v === undefined) {
        const a = vectors.get(i);
        const b = vectors.get(j);
        let dot = 0;
        if (a && b) for (const [u, x] of a.size < b.size ? a : b) dot += x * ((a.size < b.size ? b : a).get(u) ?? 0);
        v = dot / ((norm.get(i) ?? 1) * (norm.get(j) ?? 1) || 1);
        simCache.set(k, v);
      }
      return v;
    };

    const popularity = hitRate(s, () => pop);
    const knn = hitRate(s, (_u, history) => {
      const mean = [...history.values()].reduce((a, b) => a + b, 0) / history.size;
      const out = new Map<number, number>();
      for (const m of movieIds) {
        if (history.has(m)) continue;
        let sc = 0;
        for (const [j, r] of history) sc += sim(m, j) * (r - mean + 0.5);
        out.set(m, sc);
      }
      return out;
    });
    return { knn, popularity };
  }

  it('when a taste-aware item-kNN and popularity rank held-out liked films, then kNN wins clearly', () => {
    const { knn, popularity } = compare(community(2024, 800, 30));
    expect(knn).toBeGreaterThan(popularity * 1.4);
  });

  it('when the same ratings are shuffled between users (noise), then kNN no longer wins', () => {
    const d = community(2024, 800, 30);
    const rng = new Rng(5);
    const shuffled = Uint32Array.from(d.movieIds);
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [shuffled[i], shuffled[j]] = [shuffled[j] as number, shuffled[i] as number];
    }
    const { knn, popularity } = compare({ ...d, movieIds: shuffled });
    expect(knn).toBeLessThan(popularity * 1.15);
  });

  it('when the project recommender (hybrid) and its popularity baseline rank held-out liked films, then the hybrid wins clearly', () => {
    const s = split(community(2024, 800, 30));
    const items: ItemMeta[] = MOVIES.map((m) => ({
      id: m.id,
      title: m.title,
      year: m.releaseDate ? Number(m.releaseDate.slice(0, 4)) : null,
      genres: m.genres,
      keywords: m.keywords,
      cast: m.people.slice(1),
      directors: m.people.slice(0, 1),
      language: 'en',
      collection: null,
      runtime: null,
      voteAverage: m.voteAverage,
      voteCount: m.voteCount,
    }));
    const itemIndex = new Map(items.map((m, i) => [m.id, i]));
    const users = [...s.train.keys()].sort((a, b) => a - b);
    const user: number[] = [];
    const item: number[] = [];
    const value: number[] = [];
    for (const [row, u] of users.entries()) {
      for (const [m, r] of s.train.get(u) ?? []) {
        user.push(row);
        item.push(itemIndex.get(m) as number);
        value.push(r);
      }
    }
    const model = buildHybrid({
      items,
      userIds: users.map(String),
      ratings: { user: Int32Array.from(user), item: Int32Array.from(item), value: Float32Array.from(value) },
    });
    const rowOf = new Map(users.map((u, row) => [u, row]));
    const ranker = (sources?: readonly Source[]) => (u: number, history: Map<number, number>) => {
      const ids = [...history.keys()];
      const top = rankItems(
        model,
        {
          items: Int32Array.from(ids, (m) => itemIndex.get(m) as number),
          ratings: Float32Array.from(ids, (m) => history.get(m) as number),
          selfIndex: rowOf.get(u),
        },
        { count: 10, withReasons: false, ...(sources ? { sources } : {}) },
      );
      return new Map(Array.from(top, (i, rank) => [items[i]?.id as number, 10 - rank]));
    };
    const popularity = hitRate(s, ranker(['popularity']));
    const hybrid = hitRate(s, ranker());
    // Measured 0.18 vs 0.135 (EASE carries most of it); the in-file kNN above shows the same structure at 1.8x.
    expect(hybrid).toBeGreaterThan(popularity * 1.25);
  });
});
