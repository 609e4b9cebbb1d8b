// The one home for poster URLs: TMDB builds an image URL from its configuration's secure base URL, a size from its
// `poster_sizes`, and the film's `poster_path` (developer.themoviedb.org, "Images": basics). Every card, pick and
// thumbnail uses one size, so they look alike wherever they appear.

/** TMDB's image base until its configuration has been read (the value its /3/configuration gives). */
export const DEFAULT_IMAGE_BASE = 'https://image.tmdb.org/t/p/';

/** The one poster size: Discord shows thumbnails at most 80 px wide, so TMDB's w185 is ample and light. */
export const POSTER_SIZE = 'w185';

/**
 * The poster size to ask for given TMDB's `poster_sizes`: {@link POSTER_SIZE} when listed, else the smallest listed
 * width at least as large, else `original`.
 */
export function posterSizeFrom(sizes: readonly string[] | undefined): string {
  if (!sizes || sizes.length === 0 || sizes.includes(POSTER_SIZE)) return POSTER_SIZE;
  const want = Number(POSTER_SIZE.slice(1));
  const widths = sizes
    .filter((s) => /^w\d+$/.test(s))
    .map((s) => Number(s.slice(1)))
    .filter((w) => w >= want)
    .sort((a, b) => a - b);
  return widths.length > 0 ? `w${widths[0]}` : 'original';
}

/** A poster's URL, or null without a poster path. A full URL (already resolved) is kept as is. */
export function posterUrl(
  posterPath: string | null | undefined,
  imageBase: string = DEFAULT_IMAGE_BASE,
  size: string = POSTER_SIZE,
): string | null {
  if (!posterPath) return null;
  if (/^https?:\/\//.test(posterPath)) return posterPath;
  return `${imageBase}${size}${posterPath}`;
}
