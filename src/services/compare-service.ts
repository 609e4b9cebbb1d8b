// /compare: how close two people's taste is, from the films both rated. The match is shrunk towards 50 so that a
// handful of films in common never reads as a perfect match: with n films in common and raw agreement a (0–1),
// match = (n·a + K·½) / (n + K). Three identical ratings give 69, twenty give 90. Respects the other person's
// profile visibility (privacy-service.canSee).
import type { Em } from '../db.ts';
import { User } from '../entities/index.ts';
import { UserFacingError } from '../errors.ts';
import { canSee } from './privacy-service.ts';

/** Films in common that count as much as the prior: the shrinkage strength. */
export const COMPARE_SHRINK = 5;
/** The widest possible disagreement on the 0.5–5 scale. */
const SPREAD = 4.5;

export interface CommonFilm {
  readonly movieId: number;
  readonly title: string;
  readonly releaseDate: string | null;
  readonly mine: number;
  readonly theirs: number;
}

export interface TasteComparison {
  /** 0–100, shrunk towards 50 by the number of films in common. */
  readonly match: number;
  readonly common: number;
  /** Films you both rated, closest ratings first (the more loved first among equals). */
  readonly agree: readonly CommonFilm[];
  /** Films you both rated, furthest apart first. */
  readonly disagree: readonly CommonFilm[];
}

/** The shrunk 0–100 match of `n` films in common whose mean absolute rating gap is `meanGap` stars. */
export function shrunkMatch(n: number, meanGap: number, shrink = COMPARE_SHRINK): number {
  if (n <= 0) return 50;
  const agreement = 1 - Math.min(Math.max(meanGap, 0), SPREAD) / SPREAD;
  return Math.round((100 * (n * agreement + shrink * 0.5)) / (n + shrink));
}

/**
 * Compares `viewerId`'s ratings with `otherId`'s. Throws a UserFacingError when the other person's profile is not
 * visible to the viewer here, or when they are not someone Marquee can compare (an imported or synthetic user).
 */
export async function compareTaste(
  em: Em,
  viewerId: string,
  otherId: string,
  guildId: string | null,
  opts: { listSize?: number } = {},
): Promise<TasteComparison> {
  if (viewerId === otherId) {
    throw UserFacingError.of('invalid_input', 'compare.self');
  }
  const other = await em.findOne(User, otherId, { fields: ['kind'] });
  if (other && other.kind !== 'discord') {
    throw UserFacingError.of('not_found', 'compare.not_possible');
  }
  if (!(await canSee(em, viewerId, otherId, guildId))) {
    throw UserFacingError.of('forbidden', 'compare.not_visible');
  }
  const rows = await em.execute<
    { movie_id: number; title: string; release_date: unknown; mine: string | number; theirs: string | number }[]
  >(
    `select a.movie_id, m.title, m.release_date, a.score as mine, b.score as theirs
       from ratings a
       join ratings b on b.movie_id = a.movie_id and b.user_id = ?
       join movies m on m.id = a.movie_id
      where a.user_id = ?
      order by a.movie_id`,
    [otherId, viewerId],
  );
  const films: CommonFilm[] = rows.map((r) => ({
    movieId: Number(r.movie_id),
    title: r.title,
    releaseDate:
      r.release_date instanceof Date
        ? r.release_date.toISOString().slice(0, 10)
        : r.release_date
          ? String(r.release_date).slice(0, 10)
          : null,
    mine: Number(r.mine),
    theirs: Number(r.theirs),
  }));
  const gap = (f: CommonFilm) => Math.abs(f.mine - f.theirs);
  const meanGap = films.length ? films.reduce((s, f) => s + gap(f), 0) / films.length : 0;
  const size = opts.listSize ?? 3;
  const agree = [...films]
    .sort((a, b) => gap(a) - gap(b) || b.mine + b.theirs - (a.mine + a.theirs) || a.movieId - b.movieId)
    .slice(0, size);
  const disagree = films
    .filter((f) => gap(f) >= 1.5)
    .sort((a, b) => gap(b) - gap(a) || a.movieId - b.movieId)
    .slice(0, size);
  return { match: shrunkMatch(films.length, meanGap), common: films.length, agree, disagree };
}
