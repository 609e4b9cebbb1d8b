// Helpers shared by the offline recommender scripts (eval, recommend:offline, bench).
import { parseArgs } from 'node:util';
import type { RatingsFile } from '../../src/data/movielens.ts';
import type { RatingLog } from '../../src/recommender/evaluation.ts';
import type { ItemMeta } from '../../src/recommender/index.ts';
import { bareItem, mulberry32, shuffleInPlace } from '../../src/recommender/index.ts';

export { parseArgs };

/** Dense indices over the movies that appear in the ratings (sorted by id), metadata where known. */
export function toRatingLog(r: RatingsFile, meta: ReadonlyMap<number, ItemMeta>): RatingLog {
  const ids = [...new Set(r.movie)].sort((a, b) => a - b);
  const index = new Map(ids.map((id, i) => [id, i]));
  const items = ids.map((id) => meta.get(id) ?? bareItem(id, `Movie ${id}`));
  return {
    nUsers: r.userIds.length,
    items,
    userIds: r.userIds,
    user: r.user,
    item: Int32Array.from(r.movie, (m) => index.get(m)!),
    rating: r.rating,
    timestamp: r.timestamp,
  };
}

/** Keeps a random `n` of the users (seeded), renumbered densely in their original order. */
export function subsampleUsers(r: RatingsFile, n: number, seed: number): RatingsFile {
  if (n >= r.userIds.length) return r;
  const order = Array.from({ length: r.userIds.length }, (_, u) => u);
  shuffleInPlace(order, mulberry32(seed));
  const chosen = order.slice(0, n).sort((a, b) => a - b);
  const remap = new Map(chosen.map((u, k) => [u, k]));
  const keep: number[] = [];
  for (let k = 0; k < r.user.length; k++) if (remap.has(r.user[k]!)) keep.push(k);
  return {
    userIds: chosen.map((u) => r.userIds[u]!),
    user: Int32Array.from(keep, (k) => remap.get(r.user[k]!)!),
    movie: Int32Array.from(keep, (k) => r.movie[k]!),
    rating: Float32Array.from(keep, (k) => r.rating[k]!),
    timestamp: Float64Array.from(keep, (k) => r.timestamp[k]!),
  };
}

export function progress(msg: string): void {
  process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${msg}\n`);
}

/** Keeps only the ratings of the `n` most-rated movies (a denser data set, closer to ML-100K's shape). */
export function topMovies(r: RatingsFile, n: number): RatingsFile {
  const counts = new Map<number, number>();
  for (const m of r.movie) counts.set(m, (counts.get(m) ?? 0) + 1);
  const keepIds = new Set(
    [...counts.entries()]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, n)
      .map(([m]) => m),
  );
  const keep: number[] = [];
  for (let k = 0; k < r.movie.length; k++) if (keepIds.has(r.movie[k]!)) keep.push(k);
  return {
    userIds: r.userIds,
    user: Int32Array.from(keep, (k) => r.user[k]!),
    movie: Int32Array.from(keep, (k) => r.movie[k]!),
    rating: Float32Array.from(keep, (k) => r.rating[k]!),
    timestamp: Float64Array.from(keep, (k) => r.timestamp[k]!),
  };
}
