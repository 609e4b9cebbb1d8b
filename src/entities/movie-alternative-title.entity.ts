import { defineEntity, p } from '@mikro-orm/core';
import { Movie } from './movie.entity.ts';

/**
 * Another name a film goes by: TMDB's alternative titles ("Seven" for Se7en, "Der Pate" for The Godfather), stored
 * with the film's details (src/services/catalogue-service.ts is the one place that writes them) so that autocomplete
 * and the local search find a film by them.
 */
export const MovieAlternativeTitleSchema = defineEntity({
  name: 'MovieAlternativeTitle',
  tableName: 'movie_alternative_titles',
  properties: {
    movie: () => p.manyToOne(Movie).primary().deleteRule('cascade'),
    /**
     * The title's key (src/title-key.ts `titleKey`: the same normalisation as the expression index on movies.title),
     * stored rather than computed per query: a film can have dozens of alternative titles, and a "contains" match
     * over all of them must not run the key's regular expression on every row. One row per key and film.
     */
    key: p.string().length(300).primary(),
    /** The first title TMDB lists with this key. */
    title: p.string().length(300),
  },
  indexes: [
    // Matched by prefix, like movies_title_key_index.
    {
      name: 'movie_alternative_titles_key_index',
      expression: `create index "movie_alternative_titles_key_index" on "movie_alternative_titles" ("key" text_pattern_ops)`,
    },
  ],
});
export class MovieAlternativeTitle extends MovieAlternativeTitleSchema.class {}
MovieAlternativeTitleSchema.setClass(MovieAlternativeTitle);
