// Our own plain types for what TMDB returns. Nothing outside src/services/tmdb sees TMDB's wire format.
import type { CastRef, NamedRef } from '../../entities/movie.entity.ts';

export type { CastRef, NamedRef };

export interface TmdbPage<T> {
  readonly page: number;
  readonly totalPages: number;
  readonly totalResults: number;
  readonly results: readonly T[];
}

export interface TmdbMovieSummary {
  readonly id: number;
  readonly title: string;
  readonly originalTitle: string | null;
  /** `YYYY-MM-DD`, or null when TMDB has none (it sends ""). */
  readonly releaseDate: string | null;
  readonly genreIds: readonly number[];
  readonly overview: string | null;
  readonly posterPath: string | null;
  readonly originalLanguage: string | null;
  readonly popularity: number;
  readonly voteAverage: number;
  readonly voteCount: number;
}

export interface TmdbVideo {
  readonly key: string;
  readonly site: string;
  readonly type: string;
  readonly name: string;
  readonly official: boolean;
}

export interface TmdbProvider {
  readonly id: number;
  readonly name: string;
  readonly logoPath: string | null;
  /** TMDB's order for this provider (lower first); in a film's offers, the order within its region. */
  readonly displayPriority: number;
}

/** A film's offers in one region, by how you pay: subscription, rent, buy, free with ads, free. */
export interface TmdbWatchProviders {
  /** TMDB's "where to watch" page for the film in this region. */
  readonly link: string | null;
  readonly flatrate: readonly TmdbProvider[];
  readonly rent: readonly TmdbProvider[];
  readonly buy: readonly TmdbProvider[];
  readonly ads: readonly TmdbProvider[];
  readonly free: readonly TmdbProvider[];
}

export interface TmdbRegion {
  /** ISO 3166-1 alpha-2. */
  readonly code: string;
  readonly englishName: string;
}

export interface TmdbAlternativeTitle {
  /** ISO 3166-1, or null when TMDB gives none. */
  readonly country: string | null;
  readonly title: string;
  /** TMDB's free-text kind ("romanization", "working title", …), or null. */
  readonly type: string | null;
}

export interface TmdbCertification {
  readonly country: string;
  readonly certification: string;
}

export interface TmdbMovieDetails {
  readonly id: number;
  readonly title: string;
  readonly originalTitle: string | null;
  readonly releaseDate: string | null;
  readonly genres: readonly NamedRef[];
  readonly overview: string | null;
  readonly posterPath: string | null;
  readonly originalLanguage: string | null;
  readonly popularity: number;
  readonly voteAverage: number;
  readonly voteCount: number;
  /** Minutes; null when TMDB does not know (it sends 0). */
  readonly runtime: number | null;
  readonly imdbId: string | null;
  readonly collection: NamedRef | null;
  readonly keywords: readonly NamedRef[];
  /** Top-billed cast in billing order. */
  readonly cast: readonly CastRef[];
  readonly directors: readonly NamedRef[];
  readonly videos: readonly TmdbVideo[];
  readonly certifications: readonly TmdbCertification[];
  /** Other names the film goes by (TMDB's alternative titles: "Seven" for Se7en), in TMDB's order. */
  readonly alternativeTitles: readonly TmdbAlternativeTitle[];
  readonly recommendations: readonly TmdbMovieSummary[];
  readonly similar: readonly TmdbMovieSummary[];
}

export interface TmdbConfiguration {
  /** HTTPS image base, e.g. `https://image.tmdb.org/t/p/`. */
  readonly imageBaseUrl: string;
  readonly posterSizes: readonly string[];
  readonly backdropSizes: readonly string[];
  readonly profileSizes: readonly string[];
  readonly changeKeys: readonly string[];
}

export interface TmdbChange {
  readonly id: number;
  readonly adult: boolean;
}

export type DiscoverSort =
  | 'popularity.desc'
  | 'popularity.asc'
  | 'vote_average.desc'
  | 'vote_average.asc'
  | 'vote_count.desc'
  | 'primary_release_date.desc'
  | 'primary_release_date.asc'
  | 'revenue.desc'
  | 'title.asc';

export interface DiscoverParams {
  /** Films having all these genres (TMDB genre ids). */
  readonly withGenres?: readonly number[];
  /** Films having any of these genres; combined with withGenres it is ignored. */
  readonly withAnyGenres?: readonly number[];
  readonly withoutGenres?: readonly number[];
  readonly fromYear?: number;
  readonly toYear?: number;
  readonly minVoteCount?: number;
  readonly maxRuntime?: number;
  readonly originalLanguage?: string;
  readonly sortBy?: DiscoverSort;
  /** Any of these watch providers (TMDB provider ids); needs watchRegion. */
  readonly withWatchProviders?: readonly number[];
  readonly watchRegion?: string;
  /** Only these ways of paying (any of them); needs watchRegion. */
  readonly withWatchMonetizationTypes?: readonly ('flatrate' | 'free' | 'ads' | 'rent' | 'buy')[];
  readonly page?: number;
}
