// The watch log: one row per user and film; watching again bumps the rewatch count and moves the date.
import type { Em } from '../db.ts';
import { Rating, Watched } from '../entities/index.ts';
import { UserFacingError } from '../errors.ts';
import { type Page, pageBounds, requireMovie } from './rating-service.ts';
import { noteTasteChanged } from './recommendation-taste.ts';
import { ensureUser } from './user-service.ts';
import { takeOffWatchlist } from './watchlist-service.ts';

/** Today's calendar date in UTC, as YYYY-MM-DD. */
export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/**
 * Accepts YYYY-MM-DD, "today" and "yesterday"; refuses impossible dates and dates after `now`.
 * Dates before 1888 (the oldest surviving film) are refused too: they are typos.
 */
export function parseWatchedDate(input: string | undefined | null, now: Date): string {
  const today = isoDate(now);
  if (input === undefined || input === null || input.trim() === '' || input.trim().toLowerCase() === 'today') {
    return today;
  }
  const s = input.trim().toLowerCase();
  if (s === 'yesterday') return isoDate(new Date(now.getTime() - 86_400_000));
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !d || isoDate(d) !== s) {
    throw UserFacingError.of('invalid_input', 'watched.bad_date');
  }
  if (s > today) throw UserFacingError.of('invalid_input', 'watched.future_date');
  if (s < '1888-01-01') throw UserFacingError.of('invalid_input', 'watched.before_cinema');
  return s;
}

export interface WatchedChange {
  readonly movieId: number;
  readonly title: string;
  readonly watchedOn: string;
  /** 0 on the first viewing. */
  readonly rewatchCount: number;
  readonly firstTime: boolean;
}

/** Logs a viewing (a rewatch when already logged) and takes the film off the watchlist. */
export async function addWatched(
  em: Em,
  userId: string,
  movieId: number,
  opts: { date?: string | null; now: Date },
): Promise<WatchedChange> {
  const watchedOn = parseWatchedDate(opts.date, opts.now);
  const movie = await requireMovie(em, movieId);
  if (movie.releaseDate && watchedOn < movie.releaseDate) {
    throw movie.releaseDate > isoDate(opts.now)
      ? UserFacingError.of('invalid_input', 'watched.not_out_yet', { title: movie.title, release: movie.releaseDate })
      : UserFacingError.of('invalid_input', 'watched.before_release', {
          title: movie.title,
          release: movie.releaseDate,
          date: watchedOn,
        });
  }
  const user = await ensureUser(em, userId);
  const existing = await em.findOne(Watched, { user, movie });
  if (existing) {
    existing.rewatchCount += 1;
    if (watchedOn > existing.watchedOn) existing.watchedOn = watchedOn;
    await em.flush();
    await takeOffWatchlist(em, userId, movieId);
    await noteTasteChanged(em, userId);
    return {
      movieId,
      title: movie.title,
      watchedOn: existing.watchedOn,
      rewatchCount: existing.rewatchCount,
      firstTime: false,
    };
  }
  em.create(Watched, { user, movie, watchedOn });
  await em.flush();
  await takeOffWatchlist(em, userId, movieId);
  await noteTasteChanged(em, userId);
  return { movieId, title: movie.title, watchedOn, rewatchCount: 0, firstTime: true };
}

/** Returns true when an entry was removed. */
export async function removeWatched(em: Em, userId: string, movieId: number): Promise<boolean> {
  const n = await em.nativeDelete(Watched, { user: userId, movie: movieId });
  if (n > 0) await noteTasteChanged(em, userId);
  return n > 0;
}

export interface WatchedView {
  readonly movieId: number;
  readonly title: string;
  readonly releaseDate: string | null;
  readonly watchedOn: string;
  readonly rewatchCount: number;
  /** The user's own rating, when they gave one. */
  readonly stars: number | null;
}

export async function listWatched(
  em: Em,
  userId: string,
  opts: { page?: number; pageSize?: number } = {},
): Promise<Page<WatchedView>> {
  const { limit, offset, page } = pageBounds(opts.page ?? 1, opts.pageSize ?? 10);
  const [rows, total] = await em.findAndCount(
    Watched,
    { user: userId },
    { populate: ['movie'], orderBy: { watchedOn: 'desc', id: 'desc' }, limit, offset },
  );
  const ratings = rows.length
    ? await em.find(
        Rating,
        { user: userId, movie: { $in: rows.map((r) => r.movie.id) } },
        { fields: ['movie', 'score'] },
      )
    : [];
  const stars = new Map(ratings.map((r) => [r.movie.id, r.score]));
  return {
    items: rows.map((w) => ({
      movieId: w.movie.id,
      title: w.movie.title,
      releaseDate: w.movie.releaseDate ?? null,
      watchedOn: w.watchedOn,
      rewatchCount: w.rewatchCount,
      stars: stars.get(w.movie.id) ?? null,
    })),
    total,
    page,
    pages: Math.max(1, Math.ceil(total / limit)),
  };
}
