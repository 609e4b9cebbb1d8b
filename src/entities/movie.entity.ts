import { defineEntity, p } from '@mikro-orm/core';
import { titleKeySql } from '../title-key.ts';

export interface NamedRef {
  id: number;
  name: string;
}
export interface CastRef extends NamedRef {
  character?: string;
  order: number;
}

// `.default('[]')` on a json property made MikroORM store the JSON *string* "[]"; a raw SQL default plus an
// onCreate value stores a real empty array and keeps the column definition (and migration) unchanged.
const emptyList = <T>(): T[] => [];

/**
 * A film, keyed by TMDB id. The row is the durable TMDB cache: `fetchedAt` says when details last came from TMDB
 * (null for a stub, e.g. from a MovieLens import) and `expiresAt` when they should be refreshed.
 */
export const MovieSchema = defineEntity({
  name: 'Movie',
  tableName: 'movies',
  properties: {
    id: p.integer().primary().autoincrement(false),
    title: p.string().length(300),
    originalTitle: p.string().length(300).nullable(),
    releaseDate: p.string().columnType('date').nullable(),
    genres: p.json<NamedRef[]>().defaultRaw(`'[]'`).onCreate(emptyList),
    keywords: p.json<NamedRef[]>().defaultRaw(`'[]'`).onCreate(emptyList),
    /** Top-billed cast, in billing order. */
    cast: p.json<CastRef[]>().defaultRaw(`'[]'`).onCreate(emptyList),
    directors: p.json<NamedRef[]>().defaultRaw(`'[]'`).onCreate(emptyList),
    collection: p.json<NamedRef>().nullable(),
    /**
     * TMDB's "recommendations" and "similar" lists from the last details fetch, merged (TMDB ids; the recommender's
     * `related` source, used for people with few ratings).
     */
    related: p.json<number[]>().defaultRaw(`'[]'`).onCreate(emptyList),
    runtime: p.smallint().nullable(),
    originalLanguage: p.string().length(8).nullable(),
    popularity: p.double().default(0),
    voteAverage: p.double().default(0),
    voteCount: p.integer().default(0),
    posterPath: p.string().length(200).nullable(),
    overview: p.text().nullable(),
    imdbId: p.string().length(12).nullable().unique('movies_imdb_id_unique'),
    movielensId: p.integer().nullable().unique('movies_movielens_id_unique'),
    fetchedAt: p.datetime().nullable(),
    expiresAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
  checks: [{ name: 'movies_runtime_check', expression: 'runtime is null or runtime >= 0' }],
  indexes: [
    { name: 'movies_expires_at_index', properties: ['expiresAt'] },
    { name: 'movies_popularity_index', properties: ['popularity'] },
    // Autocomplete and the local search match the title key (no case, accents or punctuation) by prefix.
    {
      name: 'movies_title_key_index',
      expression: `create index "movies_title_key_index" on "movies" (${titleKeySql('"title"')} text_pattern_ops)`,
    },
  ],
});
export class Movie extends MovieSchema.class {}
MovieSchema.setClass(Movie);
