// What commands and button handlers receive. The service shapes below are the contracts from the team brief, stated
// structurally so the bot depends on behaviour, not on a particular implementation.
import type { Em, Orm } from '../db.ts';
import type { Movie } from '../entities/index.ts';
import type { ImpressionContext } from '../entities/recommendation-log.entity.ts';
import type { Logger } from '../logger.ts';

export interface MovieCard {
  readonly id: number;
  readonly title: string;
  readonly year: number | null;
  readonly releaseDate: string | null;
  readonly genres: string[];
  readonly voteAverage: number;
  readonly voteCount: number;
  readonly posterUrl: string | null;
  readonly runtime: number | null;
  readonly overview: string | null;
  readonly directors: string[];
  readonly cast: string[];
}

export interface AutocompleteHit {
  readonly id: number;
  readonly label: string;
}

export interface Catalogue {
  search(em: Em, query: string, opts?: { year?: number; page?: number }): Promise<MovieCard[]>;
  autocomplete(em: Em, text: string, opts: { budgetMs: number }): Promise<AutocompleteHit[]>;
  ensureMovie(em: Em, tmdbId: number): Promise<Movie>;
  getDetails(em: Em, tmdbId: number): Promise<MovieCard>;
  popular(em: Em, limit: number): Promise<MovieCard[]>;
}

export interface PickView {
  readonly impressionId: number;
  readonly movieId: number;
  readonly title: string;
  readonly year: number | null;
  readonly posterPath: string | null;
  readonly genres: string[];
  readonly score: number;
  readonly reason: string;
}

export type RecommendationResult =
  | { readonly kind: 'picks'; readonly picks: PickView[]; readonly modelVersion: string; readonly batchId: string }
  | { readonly kind: 'onboarding'; readonly movies: { id: number; title: string; year: number | null }[] };

export interface RecommendOptions {
  count?: number;
  genre?: string;
  fromYear?: number;
  toYear?: number;
  maxRuntime?: number;
  context: ImpressionContext;
  guildId?: string | null;
  excludeMovieIds?: number[];
}

export interface Recommendations {
  recommend(em: Em, userId: string, opts: RecommendOptions): Promise<RecommendationResult>;
  noteUserChanged(userId: string): void;
}

/** Everything the bot needs, built once in the composition root. */
export interface BotServices {
  readonly orm: Orm;
  readonly logger: Logger;
  readonly catalogue: Catalogue;
  readonly recommendations: Recommendations;
  readonly clock: () => Date;
}
