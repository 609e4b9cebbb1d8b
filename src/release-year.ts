// The one home for "which year is this film from": a release date as TMDB, the database or a Date gives it.

/** The year of a release date (`YYYY-MM-DD…` or a Date), or null when there is none or it is not a real year. */
export function yearOf(releaseDate: unknown): number | null {
  if (releaseDate instanceof Date) {
    return Number.isNaN(releaseDate.getTime()) ? null : releaseDate.getUTCFullYear();
  }
  if (typeof releaseDate !== 'string' || !/^\d{4}/.test(releaseDate)) return null;
  const y = Number(releaseDate.slice(0, 4));
  return y > 0 ? y : null;
}
