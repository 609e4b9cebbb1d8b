import { defineEntity, p } from '@mikro-orm/core';
import { Movie } from './movie.entity.ts';
import { User } from './user.entity.ts';

/**
 * A film someone means to see. One row per user and film; rating or logging the film removes it
 * (src/services/watchlist-service.ts is the one place that writes this table).
 */
export const WatchlistItemSchema = defineEntity({
  name: 'WatchlistItem',
  tableName: 'watchlist',
  properties: {
    id: p.bigint('number').primary(),
    user: () => p.manyToOne(User).deleteRule('cascade'),
    movie: () => p.manyToOne(Movie).deleteRule('cascade'),
    /** Where it was added: `command`, `search`, `card`, `pick`, `weekly_dm`, `similar`, `import`, … */
    source: p.string().length(32),
    addedAt: p.datetime().onCreate(() => new Date()),
    /** When a weekly DM said the film is on one of the person's services: each film is mentioned once. */
    remindedAt: p.datetime().nullable(),
  },
  uniques: [{ name: 'watchlist_user_movie_unique', properties: ['user', 'movie'] }],
  indexes: [{ name: 'watchlist_user_added_at_index', properties: ['user', 'addedAt'] }],
});
export class WatchlistItem extends WatchlistItemSchema.class {}
WatchlistItemSchema.setClass(WatchlistItem);
