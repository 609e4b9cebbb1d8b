import { defineEntity, p } from '@mikro-orm/core';

/**
 * A film's title in one of the languages Marquee speaks, as TMDB gives it for that `language` (issue 17: "Film titles
 * come from TMDB in the user's language"): the cache per language. `movies.title` stays the English one. No foreign
 * key: search results are cached here before (or without) their film having a `movies` row. Written and read only by
 * src/services/movie-titles.ts.
 */
export const MovieTitleSchema = defineEntity({
  name: 'MovieTitle',
  tableName: 'movie_titles',
  properties: {
    movieId: p.integer().primary(),
    /** TMDB's language code (`de-DE`, `ja-JP`; src/services/movie-titles.ts TMDB_LANGUAGE). */
    language: p.string().length(8).primary(),
    title: p.string().length(300),
    fetchedAt: p.datetime(),
  },
});
export class MovieTitle extends MovieTitleSchema.class {}
MovieTitleSchema.setClass(MovieTitle);
