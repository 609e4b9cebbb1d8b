import { defineEntity, p } from '@mikro-orm/core';
import { Movie } from './movie.entity.ts';

/** A provider as a film's offer names it: TMDB's id and name, and TMDB's order within the region (lower first). */
export interface OfferedProvider {
  id: number;
  name: string;
  priority: number;
}

/** How a film can be watched in one region, by how you pay (JustWatch's data through TMDB). */
export interface Offers {
  flatrate: OfferedProvider[];
  free: OfferedProvider[];
  ads: OfferedProvider[];
  rent: OfferedProvider[];
  buy: OfferedProvider[];
}

/**
 * Where a film can be watched in one region: the cache of TMDB's `/movie/{id}/watch/providers` for that region
 * (src/services/streaming-service.ts is the one place that writes it). A row with empty lists records that TMDB
 * knows no offer there, so that is not asked again until `expiresAt` either.
 */
export const WatchOffersSchema = defineEntity({
  name: 'WatchOffers',
  tableName: 'watch_offers',
  properties: {
    movie: () => p.manyToOne(Movie).primary().deleteRule('cascade'),
    /** ISO 3166-1 alpha-2. */
    region: p.string().length(2).primary(),
    /** TMDB's "where to watch" page for this film and region. */
    link: p.string().length(300).nullable(),
    offers: p.json<Offers>(),
    fetchedAt: p.datetime(),
    expiresAt: p.datetime(),
  },
  indexes: [{ name: 'watch_offers_expires_at_index', properties: ['expiresAt'] }],
});
export class WatchOffers extends WatchOffersSchema.class {}
WatchOffersSchema.setClass(WatchOffers);
