// Helpers shared by the offline recommender scripts (eval, recommend:offline, bench).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { RatingsFile, TmdbMovie } from '../../src/data/movielens.ts';
import { createRelatedIndex } from '../../src/data/related-lists.ts';
import type { RatingLog } from '../../src/recommender/evaluation.ts';
import type { ItemMeta } from '../../src/recommender/index.ts';
import { bareItem, mulberry32, shuffleInPlace } from '../../src/recommender/index.ts';
import { mergeRelated } from '../../src/recommender/related.ts';

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

/**
 * Fills each film's `related` (TMDB's recommendations and similar lists, merged) with the stand-in the fake TMDB
 * serves, derived at run time from the TMDB 5000 metadata (src/data/related-lists.ts): the real lists are not in this
 * repo's data and must not be committed. Lists are in the films' own ids (MovieLens ids offline); films without a
 * TMDB entry get none.
 */
export function withTmdbLists(
  meta: ReadonlyMap<number, ItemMeta>,
  tmdbIds: ReadonlyMap<number, number>,
  tmdb: ReadonlyMap<number, TmdbMovie>,
): Map<number, ItemMeta> {
  const lists = createRelatedIndex(
    [...tmdb.values()].map((t) => ({
      id: t.id,
      genres: t.genres.map((g) => g.id),
      keywords: t.keywords.map((k) => k.id),
      people: [],
      popularity: t.popularity,
    })),
  );
  const ownId = new Map([...tmdbIds].map(([own, t]) => [t, own]));
  const out = new Map<number, ItemMeta>();
  for (const [id, m] of meta) {
    const t = tmdbIds.get(id);
    if (t === undefined) {
      out.set(id, m);
      continue;
    }
    const related = mergeRelated(lists(t, 'recommendations'), lists(t, 'similar'))
      .map((x) => ownId.get(x))
      .filter((x): x is number => x !== undefined);
    out.set(id, { ...m, related });
  }
  return out;
}

/** The synthetic scales the benchmarks generate with the seed generator (no real data). */
export const SYNTHETIC_SCALES: Readonly<Record<string, { users: number; movies: number; perUser: number }>> = {
  'synthetic-1m': { users: 20000, movies: 10000, perUser: 50 },
  'synthetic-5m': { users: 100000, movies: 20000, perUser: 50 },
};

/** A folder with that scale's MovieLens-format files, generated once (seed 42) under the system's temp folder. */
export function syntheticDir(name: string): string {
  const s = SYNTHETIC_SCALES[name];
  if (!s) throw new Error(`unknown synthetic scale ${name}`);
  const dir = join(tmpdir(), `marquee-bench-${name}`);
  if (!existsSync(join(dir, 'ratings.csv'))) {
    progress(`generating ${name} with the seed generator (${s.users} users × ${s.movies} movies)`);
    execFileSync(
      process.execPath,
      [
        'scripts/seed.ts',
        '--users',
        String(s.users),
        '--movies',
        String(s.movies),
        '--ratings-per-user',
        String(s.perUser),
        '--seed',
        '42',
        '--dry-run',
        '--out',
        dir,
      ],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
  }
  return dir;
}

/**
 * The weekly bench's synthetic community (`npm run bench:weekly`): each member prefers one of `genres` genres, and
 * rates `perMember` distinct films drawn with a popularity skew (film index ⌊movies · u^2.5⌋, so low indices are the
 * most rated): about 4★ in the liked genre, 2.5★ elsewhere, ±1★ of noise. Film i (0-based) is in genre i mod genres.
 * Calls `rate(member, filmIndex, stars)` for each rating in order; the same seed gives the same community.
 */
export function weeklyCommunity(
  o: { members: number; movies: number; perMember: number; genres: number; seed: number },
  rate: (member: number, film: number, stars: number) => void,
): void {
  const rand = mulberry32(o.seed);
  for (let u = 0; u < o.members; u++) {
    const liked = u % o.genres;
    const seen = new Set<number>();
    while (seen.size < o.perMember) {
      const film = Math.floor(o.movies * rand() ** 2.5);
      if (seen.has(film)) continue;
      seen.add(film);
      const base = film % o.genres === liked ? 4 : 2.5;
      rate(u, film, Math.min(5, Math.max(0.5, Math.round((base + (rand() * 2 - 1)) * 2) / 2)));
    }
  }
}

/** Mean, sample standard deviation, minimum and maximum of `xs`, to 4 decimals: how much one seed's figure says. */
export function spread(xs: readonly number[]): { mean: number; sd: number; min: number; max: number } {
  const round = (x: number) => Math.round(x * 10_000) / 10_000;
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = xs.length > 1 ? Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1)) : 0;
  return { mean: round(mean), sd: round(sd), min: round(Math.min(...xs)), max: round(Math.max(...xs)) };
}
