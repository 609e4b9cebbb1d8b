// Writes generated communities and catalogue films to the database in large, idempotent batches.
//
// Each batch is one INSERT … SELECT FROM unnest(array, array, …) ON CONFLICT DO NOTHING per table: one statement for
// tens of thousands of rows, which PostgreSQL parses and plans once. The arrays travel as PostgreSQL array literals in
// ordinary escaped parameters of `Connection.execute`, so this works unchanged on PostgreSQL and PGlite.
import type { Em } from '../../db.ts';
import type { CastRef, NamedRef } from '../../entities/index.ts';
import { cut } from '../../text.ts';
import { pgArray, type Scalar } from '../pg-array.ts';
import type { CatalogueMovie } from './catalogue.ts';
import type { CommunityChunk } from './generator.ts';

/** A typed array as an array literal without building an intermediate JS array of boxed values. */
function numericArray(values: ArrayLike<number>, map?: (v: number) => string | number): string {
  const parts = new Array<string | number>(values.length);
  for (let i = 0; i < values.length; i++) parts[i] = map ? map(values[i] as number) : (values[i] as number);
  return `{${parts.join(',')}}`;
}

async function run(em: Em, sql: string, params: readonly unknown[]): Promise<number> {
  const res = await em
    .getConnection()
    .execute<{ affectedRows: number }>(sql, params, 'run', em.getTransactionContext());
  return res.affectedRows;
}

const MOVIE_BATCH = 1000;

/** Inserts catalogue rows that are not there yet (by TMDB id); existing rows are left as they are. */
export async function insertMovies(em: Em, movies: readonly CatalogueMovie[], now: Date): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < movies.length; i += MOVIE_BATCH) {
    const batch = movies.slice(i, i + MOVIE_BATCH);
    const col = <T extends Scalar>(f: (m: CatalogueMovie) => T) => pgArray(batch.map(f));
    const json = (f: (m: CatalogueMovie) => unknown) => pgArray(batch.map((m) => JSON.stringify(f(m))));
    inserted += await em.transactional((tem) =>
      run(
        tem,
        `insert into "movies" ("id", "title", "original_title", "release_date", "genres", "keywords", "cast",
           "directors", "runtime", "original_language", "popularity", "vote_average", "vote_count", "imdb_id",
           "poster_path", "overview", "related", "created_at", "updated_at")
         select t.*, ?::timestamptz, ?::timestamptz
         from unnest(?::int[], ?::text[], ?::text[], ?::date[], ?::jsonb[], ?::jsonb[], ?::jsonb[], ?::jsonb[],
           ?::smallint[], ?::text[], ?::float8[], ?::float8[], ?::int[], ?::text[], ?::text[], ?::text[], ?::jsonb[]) as t
         on conflict do nothing`,
        [
          now.toISOString(),
          now.toISOString(),
          col((m) => m.id),
          col((m) => cut(m.title, 300)),
          col((m) => cut(m.title, 300)),
          col((m) => (m.releaseDate && /^\d{4}-\d{2}-\d{2}$/.test(m.releaseDate) ? m.releaseDate : null)),
          json((m) => m.genres),
          json((m) => m.keywords),
          json((m) => m.cast),
          json((m) => m.directors),
          col((m) => m.runtime),
          col((m) => m.originalLanguage?.slice(0, 8) ?? null),
          col((m) => m.popularity),
          col((m) => m.voteAverage),
          col((m) => m.voteCount),
          col((m) => m.imdbId ?? null),
          col((m) => m.posterPath ?? null),
          col((m) => m.overview || null),
          json((m) => m.related ?? []),
        ],
      ),
    );
  }
  return inserted;
}

function list<T>(v: unknown): T[] {
  if (typeof v === 'string') {
    try {
      return list(JSON.parse(v));
    } catch {
      return [];
    }
  }
  return Array.isArray(v) ? (v as T[]) : [];
}

/** The whole local catalogue as plain rows (no entities: tens of thousands of films stay cheap). */
export async function readCatalogue(em: Em): Promise<CatalogueMovie[]> {
  const rows = await em.getConnection().execute<Record<string, unknown>[]>(
    `select "id", "title", "release_date"::text as "release_date", "genres", "keywords", "cast", "directors",
       "runtime", "original_language", "popularity", "vote_average", "vote_count", "imdb_id"
     from "movies" order by "id"`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    title: String(r.title),
    releaseDate: (r.release_date as string | null) ?? null,
    genres: list<NamedRef>(r.genres),
    keywords: list<NamedRef>(r.keywords),
    cast: list<CastRef>(r.cast),
    directors: list<NamedRef>(r.directors),
    runtime: r.runtime === null ? null : Number(r.runtime),
    originalLanguage: (r.original_language as string | null) ?? null,
    popularity: Number(r.popularity),
    voteAverage: Number(r.vote_average),
    voteCount: Number(r.vote_count),
    imdbId: (r.imdb_id as string | null) ?? null,
  }));
}

/** Only a superuser may skip foreign-key triggers (session_replication_role). */
export async function canSkipForeignKeyChecks(em: Em): Promise<boolean> {
  const row = await em
    .getConnection()
    .execute<{ su?: boolean }>('select rolsuper as su from pg_roles where rolname = current_user', [], 'get');
  return row?.su === true;
}

export async function countMovies(em: Em): Promise<number> {
  const row = await em.getConnection().execute<{ n: string | number }>('select count(*) as n from "movies"', [], 'get');
  return Number(row.n);
}

export interface ChunkWriteResult {
  readonly users: number;
  readonly ratings: number;
  readonly watched: number;
  readonly members: number;
  /** Rows the chunk asked to write (inserted or already there). */
  readonly rows: number;
}

/**
 * Writes one chunk in one transaction: users (kind `synthetic`), ratings, watched rows and, with a guild id,
 * guild_members rows. Rows that already exist are skipped, so re-running the same seed changes nothing.
 */
export async function writeChunk(
  em: Em,
  chunk: CommunityChunk,
  opts: { now: Date; guildId?: string | null; skipForeignKeyChecks?: boolean },
): Promise<ChunkWriteResult> {
  const now = opts.now.toISOString();
  const ids = chunk.users.map((u) => u.id);
  const userIds = pgArray(ids);
  const names = pgArray(chunk.users.map((u) => u.displayName));
  const perRatingUser = new Array<string>(chunk.count);
  for (let u = 0; u < chunk.users.length; u++) {
    const id = ids[u] as string;
    for (let i = chunk.offsets[u] as number; i < (chunk.offsets[u + 1] as number); i++) perRatingUser[i] = id;
  }
  const ratingUsers = `{${perRatingUser.join(',')}}`;
  const movies = numericArray(chunk.movieIds);
  const scores = numericArray(chunk.halfStars, (h) => h / 2);
  const times = numericArray(chunk.ratedAt);
  const watchedIdx: number[] = [];
  for (let i = 0; i < chunk.count; i++) if (chunk.watched[i]) watchedIdx.push(i);
  const wUsers = `{${watchedIdx.map((i) => perRatingUser[i]).join(',')}}`;
  const wMovies = `{${watchedIdx.map((i) => chunk.movieIds[i]).join(',')}}`;
  const wTimes = `{${watchedIdx.map((i) => chunk.ratedAt[i]).join(',')}}`;
  const wRewatch = `{${watchedIdx.map((i) => chunk.rewatches[i]).join(',')}}`;

  return em.transactional(async (tem) => {
    // Foreign-key triggers cost two lookups (and row locks) per rating; the rows here reference users inserted in
    // this very transaction and films read from the catalogue, so a superuser may skip them (reverts at commit).
    if (opts.skipForeignKeyChecks) await run(tem, 'set local session_replication_role = replica', []);
    const users = await run(
      tem,
      `insert into "users" ("id", "kind", "display_name", "created_at", "updated_at")
       select t.id, 'synthetic', t.name, ?::timestamptz, ?::timestamptz from unnest(?::text[], ?::text[]) as t(id, name)
       on conflict ("id") do nothing`,
      [now, now, userIds, names],
    );
    const ratings = await run(
      tem,
      `insert into "ratings" ("user_id", "movie_id", "score", "created_at", "updated_at")
       select t.u, t.m, t.s, to_timestamp(t.t), to_timestamp(t.t)
       from unnest(?::text[], ?::int[], ?::numeric[], ?::int8[]) as t(u, m, s, t)
       on conflict ("user_id", "movie_id") do nothing`,
      [ratingUsers, movies, scores, times],
    );
    const watched = await run(
      tem,
      `insert into "watched" ("user_id", "movie_id", "watched_on", "rewatch_count", "created_at", "updated_at")
       select t.u, t.m, (to_timestamp(t.t) at time zone 'UTC')::date, t.r, to_timestamp(t.t), to_timestamp(t.t)
       from unnest(?::text[], ?::int[], ?::int8[], ?::smallint[]) as t(u, m, t, r)
       on conflict ("user_id", "movie_id") do nothing`,
      [wUsers, wMovies, wTimes, wRewatch],
    );
    const members = opts.guildId
      ? await run(
          tem,
          `insert into "guild_members" ("guild_id", "user_id", "first_seen_at", "last_seen_at")
           select ?, t.u, ?::timestamptz, ?::timestamptz from unnest(?::text[]) as t(u)
           on conflict ("guild_id", "user_id") do nothing`,
          [opts.guildId, now, now, userIds],
        )
      : 0;
    return {
      users,
      ratings,
      watched,
      members,
      rows: chunk.users.length * (opts.guildId ? 2 : 1) + chunk.count + watchedIdx.length,
    };
  });
}

export interface SeedProgress {
  readonly usersDone: number;
  readonly usersTotal: number;
  readonly rowsDone: number;
  readonly elapsedMs: number;
}

export interface SeedTotals {
  readonly users: number;
  readonly ratings: number;
  readonly watched: number;
  readonly members: number;
  /** Rows written or found already there. */
  readonly rows: number;
  readonly elapsedMs: number;
}

/** Streams the chunks into the database, one transaction per chunk, reporting progress after each. */
export async function writeCommunity(
  em: Em,
  chunks: Iterable<CommunityChunk>,
  opts: {
    now: Date;
    guildId?: string | null;
    skipForeignKeyChecks?: boolean;
    /** Chunks written at once (PostgreSQL only; PGlite has one connection). Default 1. */
    concurrency?: number;
    usersTotal: number;
    clock?: () => number;
    onProgress?: (p: SeedProgress) => void;
  },
): Promise<SeedTotals> {
  const clock = opts.clock ?? (() => performance.now());
  const started = clock();
  const totals = { users: 0, ratings: 0, watched: 0, members: 0, rows: 0 };
  let usersDone = 0;
  // Up to `concurrency` chunks in flight, each in its own transaction on its own connection: chunks touch disjoint
  // users, so they never wait on each other's locks, and PostgreSQL can use more than one core.
  const concurrency = Math.max(1, Math.floor(opts.concurrency ?? 1));
  const inFlight = new Set<Promise<void>>();
  let failure: unknown;
  for (const chunk of chunks) {
    const task: Promise<void> = writeChunk(em.fork(), chunk, opts).then(
      (r) => {
        totals.users += r.users;
        totals.ratings += r.ratings;
        totals.watched += r.watched;
        totals.members += r.members;
        totals.rows += r.rows;
        usersDone += chunk.users.length;
        opts.onProgress?.({
          usersDone,
          usersTotal: opts.usersTotal,
          rowsDone: totals.rows,
          elapsedMs: clock() - started,
        });
      },
      (err: unknown) => {
        failure ??= err;
      },
    );
    inFlight.add(task);
    void task.finally(() => inFlight.delete(task));
    if (inFlight.size >= concurrency) await Promise.race(inFlight);
    if (failure !== undefined) break;
  }
  await Promise.all(inFlight);
  if (failure !== undefined) throw failure;
  return { ...totals, elapsedMs: clock() - started };
}
