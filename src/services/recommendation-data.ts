// Turns database rows into the engine's plain data: the catalogue, everyone's interactions (for the build) and
// one user's evidence (for the per-user overlay at query time). Raw SQL: a full build reads every rating.
import type { Em } from '../db.ts';
import type { ItemMeta, TrainingData, UserEvidence } from '../recommender/index.ts';
import { yearOf } from '../release-year.ts';

interface Named {
  name?: unknown;
}
function names(v: unknown): string[] {
  const arr = typeof v === 'string' ? (JSON.parse(v) as unknown) : v;
  return Array.isArray(arr) ? arr.map((x: Named) => String(x?.name ?? '')).filter((s) => s !== '') : [];
}
function collectionName(v: unknown): string | null {
  const o = typeof v === 'string' ? (JSON.parse(v) as unknown) : v;
  return o && typeof o === 'object' && 'name' in o ? String((o as Named).name) : null;
}

export { yearOf };

/** TMDB ids from the `related` jsonb column (a JSON string on some drivers). */
function relatedIds(v: unknown): number[] {
  const a = typeof v === 'string' ? (JSON.parse(v) as unknown) : v;
  return Array.isArray(a) ? a.map(Number).filter((x) => Number.isInteger(x) && x > 0) : [];
}

export interface CatalogueItem extends ItemMeta {
  readonly posterPath: string | null;
}

export async function loadCatalogue(em: Em): Promise<CatalogueItem[]> {
  const rows = await em.execute<Record<string, unknown>[]>(
    `select id, title, release_date, genres, keywords, "cast", directors, collection, runtime, original_language,
            vote_average, vote_count, poster_path, related
       from movies order by id`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    title: String(r.title),
    year: yearOf(r.release_date),
    genres: names(r.genres),
    keywords: names(r.keywords),
    cast: names(r.cast),
    directors: names(r.directors),
    language: (r.original_language as string | null) ?? null,
    collection: collectionName(r.collection),
    runtime: r.runtime === null || r.runtime === undefined ? null : Number(r.runtime),
    voteAverage: Number(r.vote_average ?? 0),
    voteCount: Number(r.vote_count ?? 0),
    posterPath: (r.poster_path as string | null) ?? null,
    related: relatedIds(r.related),
  }));
}

/** A 👍 without stars counts as this many stars. */
export const THUMBS_UP_STARS = 4.5;

/** Everyone's interactions: ratings, watched (no stars) and 👍. Dismissed films are not interactions. */
export async function loadTrainingData(em: Em, items: readonly ItemMeta[]): Promise<TrainingData> {
  const itemIndex = new Map(items.map((m, i) => [m.id, i]));
  const userIndex = new Map<string, number>();
  const userIds: string[] = [];
  const u: number[] = [];
  const it: number[] = [];
  const v: number[] = [];
  // Pushed in increasing priority: the CSR build keeps the last value per user and film, so stars win over 👍,
  // and 👍 over a plain "watched". No per-pair map: this runs over every interaction in the database.
  const add = (userId: string, movieId: number, stars: number) => {
    const i = itemIndex.get(movieId);
    if (i === undefined) return;
    let ui = userIndex.get(userId);
    if (ui === undefined) {
      ui = userIds.length;
      userIndex.set(userId, ui);
      userIds.push(userId);
    }
    u.push(ui);
    it.push(i);
    v.push(stars);
  };
  const watched = await em.execute<{ user_id: string; movie_id: number }[]>(
    'select user_id, movie_id from watched order by user_id, movie_id',
  );
  for (const r of watched) add(r.user_id, Number(r.movie_id), Number.NaN);
  const ups = await em.execute<{ user_id: string; movie_id: number }[]>(
    `select user_id, movie_id from feedback where kind = 'up' order by user_id, movie_id`,
  );
  for (const r of ups) add(r.user_id, Number(r.movie_id), THUMBS_UP_STARS);
  const ratings = await em.execute<{ user_id: string; movie_id: number; score: string | number }[]>(
    'select user_id, movie_id, score from ratings order by user_id, movie_id',
  );
  for (const r of ratings) add(r.user_id, Number(r.movie_id), Number(r.score));
  return {
    items,
    userIds,
    ratings: { user: Int32Array.from(u), item: Int32Array.from(it), value: Float32Array.from(v) },
  };
}

/** One user's rows, read fresh: what they rated, watched, 👍'd and dismissed. Keyed by movie id, in movie id order
 * (so the evidence, and hence the ranking, does not depend on the order the database returns rows in). */
export interface UserRows {
  readonly stars: ReadonlyMap<number, number>;
  readonly watched: ReadonlySet<number>;
  readonly up: ReadonlySet<number>;
  readonly down: ReadonlySet<number>;
  readonly notInterested: ReadonlySet<number>;
  readonly seen: ReadonlySet<number>;
  /** On the watchlist: the user already means to see these, so they are never offered as new picks. */
  readonly watchlist: ReadonlySet<number>;
}

export async function loadUserRows(em: Em, userId: string): Promise<UserRows> {
  const [ratings, watched, feedback, watchlist] = await Promise.all([
    em.execute<{ movie_id: number; score: string | number }[]>(
      'select movie_id, score from ratings where user_id = ? order by movie_id',
      [userId],
    ),
    em.execute<{ movie_id: number }[]>('select movie_id from watched where user_id = ? order by movie_id', [userId]),
    em.execute<{ movie_id: number; kind: string }[]>(
      'select movie_id, kind from feedback where user_id = ? order by movie_id',
      [userId],
    ),
    em.execute<{ movie_id: number }[]>('select movie_id from watchlist where user_id = ? order by movie_id', [userId]),
  ]);
  const by = (kind: string) => new Set(feedback.filter((f) => f.kind === kind).map((f) => Number(f.movie_id)));
  return {
    stars: new Map(ratings.map((r) => [Number(r.movie_id), Number(r.score)])),
    watched: new Set(watched.map((w) => Number(w.movie_id))),
    up: by('up'),
    down: by('down'),
    notInterested: by('not_interested'),
    seen: by('seen'),
    watchlist: new Set(watchlist.map((w) => Number(w.movie_id))),
  };
}

/** Members per set-based read in `loadUserRowsMany` (bound parameters stay well below PostgreSQL's 65,535). */
export const USER_ROWS_CHUNK = 1000;

/**
 * Many users' rows in three set-based queries per chunk of `USER_ROWS_CHUNK` users: the same rows `loadUserRows`
 * reads one user at a time. Every requested user gets an entry (empty sets when they have no rows).
 */
export async function loadUserRowsMany(em: Em, userIds: readonly string[]): Promise<Map<string, UserRows>> {
  interface Mutable {
    stars: Map<number, number>;
    watched: Set<number>;
    up: Set<number>;
    down: Set<number>;
    notInterested: Set<number>;
    seen: Set<number>;
    watchlist: Set<number>;
  }
  const acc = new Map<string, Mutable>();
  for (const id of userIds) {
    if (!acc.has(id)) {
      acc.set(id, {
        stars: new Map(),
        watched: new Set(),
        up: new Set(),
        down: new Set(),
        notInterested: new Set(),
        seen: new Set(),
        watchlist: new Set(),
      });
    }
  }
  const ids = [...acc.keys()];
  for (let i = 0; i < ids.length; i += USER_ROWS_CHUNK) {
    const chunk = ids.slice(i, i + USER_ROWS_CHUNK);
    const inList = chunk.map(() => '?').join(', ');
    const [ratings, watched, feedback, watchlist] = await Promise.all([
      em.execute<{ user_id: string; movie_id: number; score: string | number }[]>(
        `select user_id, movie_id, score from ratings where user_id in (${inList}) order by user_id, movie_id`,
        chunk,
      ),
      em.execute<{ user_id: string; movie_id: number }[]>(
        `select user_id, movie_id from watched where user_id in (${inList}) order by user_id, movie_id`,
        chunk,
      ),
      em.execute<{ user_id: string; movie_id: number; kind: string }[]>(
        `select user_id, movie_id, kind from feedback where user_id in (${inList}) order by user_id, movie_id`,
        chunk,
      ),
      em.execute<{ user_id: string; movie_id: number }[]>(
        `select user_id, movie_id from watchlist where user_id in (${inList}) order by user_id, movie_id`,
        chunk,
      ),
    ]);
    for (const r of ratings) acc.get(r.user_id)?.stars.set(Number(r.movie_id), Number(r.score));
    for (const w of watched) acc.get(w.user_id)?.watched.add(Number(w.movie_id));
    for (const w of watchlist) acc.get(w.user_id)?.watchlist.add(Number(w.movie_id));
    for (const f of feedback) {
      const a = acc.get(f.user_id);
      if (!a) continue;
      const m = Number(f.movie_id);
      if (f.kind === 'up') a.up.add(m);
      else if (f.kind === 'down') a.down.add(m);
      else if (f.kind === 'not_interested') a.notInterested.add(m);
      else if (f.kind === 'seen') a.seen.add(m);
    }
  }
  return acc;
}

/** How many distinct films the user rated or 👍'd (onboarding needs at least a few). */
export function positiveSignals(rows: UserRows): number {
  const s = new Set(rows.stars.keys());
  for (const m of rows.up) s.add(m);
  return s.size;
}

/** Distinct films rated or 👍'd before someone gets personal picks instead of films to rate (onboarding). */
export const PERSONAL_PICKS_MIN_SIGNALS = 3;

/** Whether we know enough of this person's taste for personal picks: the one rule for /recommend and weekly DMs. */
export function knowsEnoughForPicks(rows: UserRows): boolean {
  return positiveSignals(rows) >= PERSONAL_PICKS_MIN_SIGNALS;
}

/**
 * The same rule as {@link knowsEnoughForPicks} as a SQL condition on a users row aliased `alias` (for set-based
 * audiences such as the weekly run). Binds no parameters.
 */
export function knowsEnoughForPicksSql(alias: string): string {
  return `(select count(*) from (select r.movie_id from ratings r where r.user_id = ${alias}.id
            union select f.movie_id from feedback f where f.user_id = ${alias}.id and f.kind = 'up') k)
          >= ${PERSONAL_PICKS_MIN_SIGNALS}`;
}

/** Every movie id the user must never be recommended again. */
export function excludedMovieIds(rows: UserRows): Set<number> {
  return new Set([
    ...rows.stars.keys(),
    ...rows.watched,
    ...rows.up,
    ...rows.down,
    ...rows.notInterested,
    ...rows.seen,
    ...rows.watchlist,
  ]);
}

function reacted(rows: UserRows, movieId: number): boolean {
  return (
    rows.stars.has(movieId) ||
    rows.watched.has(movieId) ||
    rows.up.has(movieId) ||
    rows.down.has(movieId) ||
    rows.notInterested.has(movieId) ||
    rows.seen.has(movieId)
  );
}

export function toEvidence(
  rows: UserRows,
  itemIndex: ReadonlyMap<number, number>,
  selfIndex: number | undefined,
  extraExclude: readonly number[] = [],
): UserEvidence {
  const items: number[] = [];
  const ratings: number[] = [];
  const pos = new Map<number, number>();
  const push = (movieId: number, stars: number) => {
    const i = itemIndex.get(movieId);
    if (i === undefined) return;
    const at = pos.get(i);
    if (at === undefined) {
      pos.set(i, items.length);
      items.push(i);
      ratings.push(stars);
    } else if (Number.isNaN(ratings[at]!) || stars > ratings[at]!) ratings[at] = stars;
  };
  for (const [m, s] of rows.stars) push(m, s);
  for (const m of rows.up) push(m, rows.stars.get(m) ?? THUMBS_UP_STARS);
  for (const m of rows.watched) if (!rows.down.has(m)) push(m, Number.NaN);
  const idx = (ids: Iterable<number>) => {
    const out: number[] = [];
    for (const m of ids) {
      const i = itemIndex.get(m);
      if (i !== undefined) out.push(i);
    }
    return Int32Array.from(out);
  };
  return {
    items: Int32Array.from(items),
    ratings: Float32Array.from(ratings),
    disliked: idx([...rows.down, ...rows.notInterested]),
    exclude: idx([...rows.seen, ...rows.watched, ...rows.watchlist]),
    // Films the caller excludes (the weekly run: sent in earlier weekly DMs) that drew no reaction of any kind.
    ignored: idx(extraExclude.filter((m) => !reacted(rows, m))),
    ...(selfIndex === undefined ? {} : { selfIndex }),
  };
}
