import { defineEntity, p } from '@mikro-orm/core';
import { titleKeySql } from '../title-key.ts';
import { Movie } from './movie.entity.ts';

/**
 * Another name a film goes by: TMDB's alternative titles ("Seven" for Se7en, "Der Pate" for The Godfather), stored
 * with the film's details (src/services/catalogue-service.ts is the one place that writes them) so that autocomplete
 * and the local search find a film by them, through the same title key as `movies.title`.
 */
export const MovieAlternativeTitleSchema = defineEntity({
  name: 'MovieAlternativeTitle',
  tableName: 'movie_alternative_titles',
  properties: {
    movie: () => p.manyToOne(Movie).primary().deleteRule('cascade'),
    /** One row per distinct title key of the film (the first title TMDB lists with that key). */
    title: p.string().length(300).primary(),
  },
  indexes: [
    // Matched by prefix on the title key (src/title-key.ts), like movies_title_key_index.
    {
      name: 'movie_alternative_titles_key_index',
      expression: `create index "movie_alternative_titles_key_index" on "movie_alternative_titles" (${titleKeySql('"title"')} text_pattern_ops)`,
    },
  ],
});
export class MovieAlternativeTitle extends MovieAlternativeTitleSchema.class {}
MovieAlternativeTitleSchema.setClass(MovieAlternativeTitle);
