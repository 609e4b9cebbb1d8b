// Star ratings: 0.5 to 5 in half steps, one per user and movie. The database enforces the same rules (CHECK and
// UNIQUE constraints); checking here too gives the user a clear message instead of a constraint error.
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { Em } from '../db.ts';
import { Movie, Rating } from '../entities/index.ts';
import { UserFacingError } from '../errors.ts';
import { noteTasteChanged } from './recommendation-taste.ts';
import { ensureUser } from './user-service.ts';
import { takeOffWatchlist } from './watchlist-service.ts';

export const MIN_STARS = 0.5;
export const MAX_STARS = 5;

/** Returns the score if it is 0.5–5 in half steps; otherwise a UserFacingError explaining the rule. */
export function validateStars(score: number): number {
  if (!Number.isFinite(score) || score < MIN_STARS || score > MAX_STARS || !Number.isInteger(score * 2)) {
    throw UserFacingError.of('invalid_input', 'rating.invalid_stars', {
      min: String(MIN_STARS),
      max: String(MAX_STARS),
      given: String(formatNumber(score)),
    });
  }
  return score;
}

function formatNumber(n: number): string {
  return Number.isFinite(n) ? String(n) : 'that';
}

export async function requireMovie(em: Em, movieId: number): Promise<Movie> {
  const movie = Number.isInteger(movieId) ? await em.findOne(Movie, movieId) : null;
  if (!movie) throw UserFacingError.of('unknown_movie', 'movie.unknown');
  return movie;
}

export interface RatingView {
  readonly movieId: number;
  readonly title: string;
  readonly releaseDate: string | null;
  readonly score: number;
  readonly updatedAt: Date;
}

export interface RatingChange {
  readonly movieId: number;
  readonly title: string;
  /** The score before this change; null when the film had not been rated. */
  readonly previous: number | null;
  readonly current: number;
}

/** Creates a rating (and takes the film off the watchlist); a second rating of the same film is refused (use setRating to change one). */
export async function addRating(em: Em, userId: string, movieId: number, score: number): Promise<RatingChange> {
  validateStars(score);
  const movie = await requireMovie(em, movieId);
  const user = await ensureUser(em, userId);
  if (await em.count(Rating, { user, movie })) {
    throw UserFacingError.of('duplicate', 'rating.duplicate', { title: movie.title });
  }
  em.create(Rating, { user, movie, score });
  try {
    await em.flush();
    await takeOffWatchlist(em, userId, movieId);
  } catch (err) {
    if (err instanceof UniqueConstraintViolationException) {
      throw UserFacingError.of('duplicate', 'rating.duplicate', { title: movie.title }, { cause: err });
    }
    throw err;
  }
  await noteTasteChanged(em, userId);
  return { movieId, title: movie.title, previous: null, current: score };
}

/** Creates or updates a rating (taking the film off the watchlist) and reports old → new. Safe when two updates race for the same film. */
export async function setRating(em: Em, userId: string, movieId: number, score: number): Promise<RatingChange> {
  validateStars(score);
  const movie = await requireMovie(em, movieId);
  const user = await ensureUser(em, userId);
  for (let attempt = 0; ; attempt++) {
    const existing = await em.findOne(Rating, { user, movie });
    const previous = existing ? existing.score : null;
    if (existing) existing.score = score;
    else em.create(Rating, { user, movie, score });
    try {
      await em.flush();
      await takeOffWatchlist(em, userId, movieId);
      await noteTasteChanged(em, userId);
      return { movieId, title: movie.title, previous, current: score };
    } catch (err) {
      // Another request inserted the same rating between our read and our write: read again and update it.
      if (!(err instanceof UniqueConstraintViolationException) || attempt > 0) throw err;
      em.clear();
    }
  }
}

/** Removes a rating; returns the removed score, or null when there was none. */
export async function removeRating(em: Em, userId: string, movieId: number): Promise<number | null> {
  const existing = await em.findOne(Rating, { user: userId, movie: movieId });
  if (!existing) return null;
  const score = existing.score;
  await em.remove(existing).flush();
  await noteTasteChanged(em, userId);
  return score;
}

export async function getRating(em: Em, userId: string, movieId: number): Promise<number | null> {
  const r = await em.findOne(Rating, { user: userId, movie: movieId }, { fields: ['score'] });
  return r ? r.score : null;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly total: number;
  /** 1-based. */
  readonly page: number;
  readonly pages: number;
}

export function pageBounds(page: number, pageSize: number): { limit: number; offset: number; page: number } {
  const size = Math.min(Math.max(Math.trunc(pageSize) || 10, 1), 100);
  const p = Math.max(Math.trunc(page) || 1, 1);
  return { limit: size, offset: (p - 1) * size, page: p };
}

export async function listRatings(
  em: Em,
  userId: string,
  opts: { page?: number; pageSize?: number } = {},
): Promise<Page<RatingView>> {
  const { limit, offset, page } = pageBounds(opts.page ?? 1, opts.pageSize ?? 10);
  const [rows, total] = await em.findAndCount(
    Rating,
    { user: userId },
    { populate: ['movie'], orderBy: { updatedAt: 'desc', id: 'desc' }, limit, offset },
  );
  return {
    items: rows.map((r) => ({
      movieId: r.movie.id,
      title: r.movie.title,
      releaseDate: r.movie.releaseDate ?? null,
      score: r.score,
      updatedAt: r.updatedAt,
    })),
    total,
    page,
    pages: Math.max(1, Math.ceil(total / limit)),
  };
}
