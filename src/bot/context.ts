// What commands and button handlers receive: the narrow slices of the services the bot uses, built once in the
// composition root. Tests may pass anything with these shapes.
import type { Orm } from '../db.ts';
import type { Logger } from '../logger.ts';
import type { Metrics } from '../observability/metrics.ts';
import type { Catalogue as CatalogueService } from '../services/catalogue-service.ts';
import type { MovieNightRunner } from '../services/movie-night-runner.ts';
import type { MovieNightService } from '../services/movie-night-service.ts';
import type { RecommendationService } from '../services/recommendation-service.ts';
import type { StreamingService } from '../services/streaming-service.ts';

export type { AutocompleteChoice as AutocompleteHit, MovieCard } from '../services/catalogue-service.ts';
export type {
  GroupPickView,
  PickView,
  RecommendationResult,
  RecommendOptions,
  SimilarResult,
  SimilarView,
} from '../services/recommendation-service.ts';

export type Catalogue = Pick<
  CatalogueService,
  'search' | 'autocomplete' | 'titlesFor' | 'ensureMovie' | 'getDetails' | 'popular'
>;
export type Recommendations = Pick<
  RecommendationService,
  'recommend' | 'needsOnboarding' | 'similar' | 'recommendForGroup'
>;

/** Movie nights: the service, and the runner's actions a command triggers (closing a poll now, event changes). */
export interface MovieNightBot {
  readonly service: MovieNightService;
  readonly runner: Pick<MovieNightRunner, 'endNow' | 'rescheduled' | 'cancelled'>;
}

export interface BotServices {
  readonly orm: Orm;
  readonly logger: Logger;
  readonly catalogue: Catalogue;
  readonly recommendations: Recommendations;
  /** Where to stream (TMDB's watch providers); absent in some test setups, where nothing about streaming is shown. */
  readonly streaming?: StreamingService;
  /** The background import runner: `kick()` after queueing a job. */
  readonly imports?: { kick(): void };
  readonly clock: () => Date;
  /** Absent in setups without movie nights (some tests); the command then says it is unavailable. */
  readonly movieNights?: MovieNightBot;
  /** Counts and times interactions when the metrics endpoint is on. */
  readonly metrics?: Pick<Metrics, 'interaction'>;
}
