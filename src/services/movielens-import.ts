// Imports a MovieLens folder as Marquee's day-one community: movies keyed by their TMDB id (from links.csv; rows
// without one are skipped), and every MovieLens user as an `imported` user `ml:<userId>` with their ratings.
// Idempotent: every insert is `on conflict`, so running it twice changes nothing. Imported movies are stubs
// (fetched_at and expires_at null) that the catalogue's refreshStale enriches from TMDB once a key is configured;
// TMDB 5000 metadata, when present, fills genres/keywords/language/runtime/votes now.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readLinksCsv, readMoviesCsv, readRatingsCsv, readTmdbCsv, type TmdbMovie } from '../data/movielens.ts';
import type { Em } from '../db.ts';
import { storable } from '../text.ts';

export interface ImportOptions {
  dir: string;
  /** TMDB 5000 movies CSV (gzip or plain); skipped when absent. */
  tmdbPath?: string | undefined;
  batchSize?: number;
  onProgress?: (message: string) => void;
}

export interface ImportReport {
  movies: number;
  moviesWithTmdbMetadata: number;
  skippedMoviesWithoutTmdbId: number;
  users: number;
  ratings: number;
  skippedRatings: number;
}

async function insertBatches<T>(
  em: Em,
  rows: readonly T[],
  batchSize: number,
  columns: number,
  sql: (placeholders: string) => string,
  values: (row: T) => unknown[],
  onBatch: (done: number) => void,
): Promise<void> {
  const one = `(${Array.from({ length: columns }, () => '?').join(', ')})`;
  for (let start = 0; start < rows.length; start += batchSize) {
    const chunk = rows.slice(start, start + batchSize);
    const params: unknown[] = [];
    for (const r of chunk) params.push(...values(r));
    await em.execute(sql(chunk.map(() => one).join(', ')), params, 'run');
    onBatch(Math.min(start + batchSize, rows.length));
  }
}

function named(list: readonly { id: number; name: string }[]): string {
  return JSON.stringify(list.map((x) => ({ id: x.id, name: x.name })));
}

export async function importMovieLens(em: Em, opts: ImportOptions): Promise<ImportReport> {
  const say = opts.onProgress ?? (() => {});
  const batch = opts.batchSize ?? 1000;
  const movies = readMoviesCsv(join(opts.dir, 'movies.csv'));
  const links = new Map(readLinksCsv(join(opts.dir, 'links.csv')).map((l) => [l.movieId, l]));
  const tmdb: Map<number, TmdbMovie> =
    opts.tmdbPath && existsSync(opts.tmdbPath) ? readTmdbCsv(opts.tmdbPath) : new Map();
  say(`read ${movies.length} movies, ${links.size} links${tmdb.size ? `, ${tmdb.size} TMDB 5000 rows` : ''}`);

  // MovieLens id → TMDB id, one MovieLens movie per TMDB id (a few TMDB ids appear twice in links.csv).
  const toTmdb = new Map<number, number>();
  const usedTmdb = new Set<number>();
  const usedImdb = new Set<string>();
  const movieRows: unknown[][] = [];
  let skipped = 0;
  let withMeta = 0;
  for (const m of movies) {
    const link = links.get(m.movieId);
    if (!link?.tmdbId) {
      skipped++;
      continue;
    }
    if (usedTmdb.has(link.tmdbId)) {
      toTmdb.set(m.movieId, link.tmdbId);
      continue;
    }
    usedTmdb.add(link.tmdbId);
    toTmdb.set(m.movieId, link.tmdbId);
    const imdb = link.imdbId && !usedImdb.has(link.imdbId) ? link.imdbId : null;
    if (imdb) usedImdb.add(imdb);
    const t = tmdb.get(link.tmdbId);
    if (t) withMeta++;
    const genres = t?.genres.length ? t.genres : m.genres.map((name, k) => ({ id: -(k + 1), name }));
    movieRows.push([
      link.tmdbId,
      storable(t?.title || m.title, 300),
      t?.originalTitle ? storable(t.originalTitle, 300) : null,
      t?.releaseDate ?? (m.year ? `${m.year}-01-01` : null),
      named(genres),
      named(t?.keywords ?? []),
      t?.runtime ?? null,
      t?.language?.slice(0, 8) ?? null,
      t?.popularity ?? 0,
      t?.voteAverage ?? 0,
      t?.voteCount ?? 0,
      imdb,
      m.movieId,
    ]);
  }
  const now = new Date().toISOString();
  // Existing rows keep anything TMDB already gave them (fetched_at set); stubs take the newer import values.
  await insertBatches(
    em,
    movieRows,
    batch,
    13,
    (ph) =>
      `insert into movies (id, title, original_title, release_date, genres, keywords, runtime, original_language,
         popularity, vote_average, vote_count, imdb_id, movielens_id, created_at, updated_at)
       select v.id::int, v.title, v.original_title, v.release_date::date, v.genres::jsonb, v.keywords::jsonb,
              v.runtime::smallint, v.lang, v.pop::float8, v.va::float8, v.vc::int, v.imdb, v.ml::int,
              '${now}'::timestamptz, '${now}'::timestamptz
         from (values ${ph}) as v(id, title, original_title, release_date, genres, keywords, runtime, lang, pop, va, vc, imdb, ml)
       on conflict (id) do update set
         movielens_id = coalesce(movies.movielens_id, excluded.movielens_id),
         imdb_id = coalesce(movies.imdb_id, excluded.imdb_id),
         title = case when movies.fetched_at is null then excluded.title else movies.title end,
         release_date = case when movies.fetched_at is null then coalesce(excluded.release_date, movies.release_date) else movies.release_date end,
         genres = case when movies.fetched_at is null then excluded.genres else movies.genres end,
         keywords = case when movies.fetched_at is null and excluded.keywords <> '[]'::jsonb then excluded.keywords else movies.keywords end,
         runtime = coalesce(movies.runtime, excluded.runtime),
         original_language = coalesce(movies.original_language, excluded.original_language),
         vote_average = case when movies.fetched_at is null then excluded.vote_average else movies.vote_average end,
         vote_count = case when movies.fetched_at is null then excluded.vote_count else movies.vote_count end`,
    (r) => r,
    (done) => say(`movies ${done}/${movieRows.length}`),
  );

  const ratings = readRatingsCsv(join(opts.dir, 'ratings.csv'));
  const userRows = ratings.userIds.map((u) => [`ml:${u}`]);
  await insertBatches(
    em,
    userRows,
    batch,
    1,
    (ph) =>
      `insert into users (id, kind, dm_opt_in, created_at, updated_at)
       select v.id, 'imported', false, '${now}'::timestamptz, '${now}'::timestamptz from (values ${ph}) as v(id)
       on conflict (id) do nothing`,
    (r) => r,
    (done) => say(`users ${done}/${userRows.length}`),
  );

  const ratingRows: unknown[][] = [];
  let skippedRatings = 0;
  for (let k = 0; k < ratings.user.length; k++) {
    const tmdbId = toTmdb.get(ratings.movie[k]!);
    const stars = ratings.rating[k]!;
    if (tmdbId === undefined || !(stars >= 0.5 && stars <= 5) || !Number.isInteger(stars * 2)) {
      skippedRatings++;
      continue;
    }
    const at = new Date((ratings.timestamp[k] || 0) * 1000).toISOString();
    ratingRows.push([`ml:${ratings.userIds[ratings.user[k]!]}`, tmdbId, stars, at]);
  }
  // Two MovieLens movies can share a TMDB id: keep one rating per user and film (the last one).
  const dedup = new Map<string, unknown[]>();
  for (const r of ratingRows) dedup.set(`${r[0]}|${r[1]}`, r);
  const finalRatings = [...dedup.values()];
  // Ratings go in as one JSON array per batch, expanded server-side: far cheaper than thousands of placeholders.
  const step = batch * 10;
  for (let start = 0; start < finalRatings.length; start += step) {
    const chunk = finalRatings.slice(start, start + step);
    await em.execute(
      `insert into ratings (user_id, movie_id, score, created_at, updated_at)
       select x->>0, (x->>1)::int, (x->>2)::numeric, (x->>3)::timestamptz, (x->>3)::timestamptz
         from jsonb_array_elements(cast(? as jsonb)) as x
       on conflict (user_id, movie_id) do update set score = excluded.score
         where ratings.score is distinct from excluded.score`,
      [JSON.stringify(chunk)],
      'run',
    );
    const done = Math.min(start + step, finalRatings.length);
    say(`ratings ${done}/${finalRatings.length}`);
  }
  return {
    movies: movieRows.length,
    moviesWithTmdbMetadata: withMeta,
    skippedMoviesWithoutTmdbId: skipped,
    users: userRows.length,
    ratings: finalRatings.length,
    skippedRatings: skippedRatings + (ratingRows.length - finalRatings.length),
  };
}
