// TMDB's movie genre ids and names (stable for years). Used to name genres in search results, which carry only
// ids, without a round trip; the catalogue refreshes it from /3/genre/movie/list when TMDB is reachable.
// The one home of the list: the fake TMDB serves it and the seed generator draws from it.
export interface TmdbGenre {
  readonly id: number;
  readonly name: string;
}

/** TMDB's movie genre list, in TMDB's order (ids are TMDB's). */
export const TMDB_MOVIE_GENRES: readonly TmdbGenre[] = [
  { id: 28, name: 'Action' },
  { id: 12, name: 'Adventure' },
  { id: 16, name: 'Animation' },
  { id: 35, name: 'Comedy' },
  { id: 80, name: 'Crime' },
  { id: 99, name: 'Documentary' },
  { id: 18, name: 'Drama' },
  { id: 10751, name: 'Family' },
  { id: 14, name: 'Fantasy' },
  { id: 36, name: 'History' },
  { id: 27, name: 'Horror' },
  { id: 10402, name: 'Music' },
  { id: 9648, name: 'Mystery' },
  { id: 10749, name: 'Romance' },
  { id: 878, name: 'Science Fiction' },
  { id: 10770, name: 'TV Movie' },
  { id: 53, name: 'Thriller' },
  { id: 10752, name: 'War' },
  { id: 37, name: 'Western' },
];

/**
 * The genres a person picks from (/recommend genre, /movienight start genre): TMDB's movie genres without TV Movie,
 * alphabetically, by their English name (the choice's value; Discord shows each locale's name from
 * src/i18n/commands.ts).
 */
export const CHOOSABLE_GENRES: readonly string[] = TMDB_MOVIE_GENRES.map((g) => g.name)
  .filter((g) => g !== 'TV Movie')
  .sort();

/** Genre names by id. */
export const TMDB_GENRE_NAMES: ReadonlyMap<number, string> = new Map(TMDB_MOVIE_GENRES.map((g) => [g.id, g.name]));
