// The watchlist: films someone means to see. One row per user and film; adding twice is a no-op, and rating or
// logging a film takes it off (rating-service and watched-service call `takeOffWatchlist` when they write).
// The recommender never offers a watchlisted film as a new pick (recommendation-data reads this table).
import type { Em } from '../db.ts';
import { Movie, WatchlistItem } from '../entities/index.ts';
import { type Page, pageBounds, requireMovie } from './rating-service.ts';
import { noteTasteChanged } from './recommendation-taste.ts';
import { ensureUser } from './user-service.ts';

export interface WatchlistView {
  readonly movieId: number;
  readonly title: string;
  readonly releaseDate: string | null;
  readonly addedAt: Date;
}

export interface WatchlistChange {
  readonly movieId: number;
  readonly title: string;
  /** False when the film was already on (add) or already off (remove) the list. */
  readonly changed: boolean;
  /** Whether the film is on the list after the call. */
  readonly onList: boolean;
}

/** Adds a film; adding one that is already there changes nothing (and never fails). */
export async function addToWatchlist(
  em: Em,
  userId: string,
  movieId: number,
  opts: { source: string },
): Promise<WatchlistChange> {
  const movie = await requireMovie(em, movieId);
  const user = await ensureUser(em, userId);
  const inserted = await em
    .createQueryBuilder(WatchlistItem)
    .insert({ user: user.id, movie: movie.id, source: opts.source.slice(0, 32), addedAt: new Date() })
    .onConflict(['user', 'movie'])
    .ignore()
    .execute('run');
  if (inserted.affectedRows > 0) await noteTasteChanged(em, user.id);
  return { movieId: movie.id, title: movie.title, changed: inserted.affectedRows > 0, onList: true };
}

/** Takes a film off the list; returns whether it was there. */
export async function removeFromWatchlist(em: Em, userId: string, movieId: number): Promise<WatchlistChange> {
  const movie = await requireMovie(em, movieId);
  const removed = await em.nativeDelete(WatchlistItem, { user: userId, movie: movieId });
  if (removed > 0) await noteTasteChanged(em, userId);
  return { movieId, title: movie.title, changed: removed > 0, onList: false };
}

/** The 🔖 button: on the list → off, off → on. */
export async function toggleWatchlist(
  em: Em,
  userId: string,
  movieId: number,
  opts: { source: string },
): Promise<WatchlistChange> {
  if (await isOnWatchlist(em, userId, movieId)) {
    const r = await removeFromWatchlist(em, userId, movieId);
    // Someone else's click may have removed it in between: the outcome (off the list) is what was asked for.
    return { ...r, changed: true };
  }
  return addToWatchlist(em, userId, movieId, opts);
}

/**
 * Many films at once (imports): idempotent, one statement per chunk, films not in `movies` are skipped. Returns how
 * many were newly added.
 */
export async function addManyToWatchlist(
  em: Em,
  userId: string,
  movieIds: readonly number[],
  opts: { source: string; addedAt?: Date },
): Promise<number> {
  const ids = [...new Set(movieIds.filter((id) => Number.isSafeInteger(id) && id > 0))];
  if (ids.length === 0) return 0;
  await ensureUser(em, userId);
  let added = 0;
  for (let i = 0; i < ids.length; i += 1000) {
    const chunk = ids.slice(i, i + 1000);
    const known = await em.find(Movie, { id: { $in: chunk } }, { fields: ['id'] });
    if (known.length === 0) continue;
    const res = await em
      .createQueryBuilder(WatchlistItem)
      .insert(
        known.map((m) => ({
          user: userId,
          movie: m.id,
          source: opts.source.slice(0, 32),
          addedAt: opts.addedAt ?? new Date(),
        })),
      )
      .onConflict(['user', 'movie'])
      .ignore()
      .execute('run');
    added += res.affectedRows;
  }
  if (added > 0) await noteTasteChanged(em, userId);
  return added;
}

export async function isOnWatchlist(em: Em, userId: string, movieId: number): Promise<boolean> {
  return (await em.count(WatchlistItem, { user: userId, movie: movieId })) > 0;
}

/** Every film on the user's list (the recommender's exclusions, the weekly reminder). */
export async function watchlistMovieIds(em: Em, userId: string): Promise<number[]> {
  const rows = await em.execute<{ movie_id: number }[]>(
    'select movie_id from watchlist where user_id = ? order by movie_id',
    [userId],
  );
  return rows.map((r) => Number(r.movie_id));
}

/** Newest first, like the watch log. */
export async function listWatchlist(
  em: Em,
  userId: string,
  opts: { page?: number; pageSize?: number } = {},
): Promise<Page<WatchlistView>> {
  const { limit, offset, page } = pageBounds(opts.page ?? 1, opts.pageSize ?? 10);
  const [rows, total] = await em.findAndCount(
    WatchlistItem,
    { user: userId },
    { populate: ['movie'], orderBy: { addedAt: 'desc', id: 'desc' }, limit, offset },
  );
  return {
    items: rows.map((w) => ({
      movieId: w.movie.id,
      title: w.movie.title,
      releaseDate: w.movie.releaseDate ?? null,
      addedAt: w.addedAt,
    })),
    total,
    page,
    pages: Math.max(1, Math.ceil(total / limit)),
  };
}

/** Called by the services that write a rating or a watch: a film you have seen is no longer one you mean to see. */
export async function takeOffWatchlist(em: Em, userId: string, movieId: number): Promise<boolean> {
  // The caller (a rating or a watch) notes the taste change itself.
  return (await em.nativeDelete(WatchlistItem, { user: userId, movie: movieId })) > 0;
}
