import { defineEntity, p } from '@mikro-orm/core';
import { Movie } from './movie.entity.ts';
import { User } from './user.entity.ts';

/** A film someone has seen; watching it again bumps `rewatchCount` instead of adding a row. */
export const WatchedSchema = defineEntity({
  name: 'Watched',
  tableName: 'watched',
  properties: {
    id: p.bigint('number').primary(),
    user: () => p.manyToOne(User).deleteRule('cascade'),
    movie: () => p.manyToOne(Movie).deleteRule('cascade'),
    /** Calendar date (YYYY-MM-DD) of the latest viewing. */
    watchedOn: p.string().columnType('date'),
    rewatchCount: p.smallint().default(0),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
  uniques: [{ name: 'watched_user_movie_unique', properties: ['user', 'movie'] }],
  checks: [{ name: 'watched_rewatch_count_check', expression: 'rewatch_count >= 0' }],
  indexes: [{ name: 'watched_user_watched_on_index', properties: ['user', 'watchedOn'] }],
});
export class Watched extends WatchedSchema.class {}
WatchedSchema.setClass(Watched);
