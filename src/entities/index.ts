// The explicit list of entities; mikro-orm.config.ts registers exactly these.
import { BlendWeightsSchema, UserBlendWeightsSchema } from './blend-weights.entity.ts';
import { DeliveryOutboxSchema } from './delivery-outbox.entity.ts';
import { FeedbackSchema } from './feedback.entity.ts';
import { GuildMemberSchema } from './guild-member.entity.ts';
import { GuildSettingsSchema } from './guild-settings.entity.ts';
import { ImportChangeSchema } from './import-change.entity.ts';
import { ImportJobSchema } from './import-job.entity.ts';
import { ImportRowSchema } from './import-row.entity.ts';
import { ModelSnapshotSchema } from './model-snapshot.entity.ts';
import { MovieSchema } from './movie.entity.ts';
import { MovieAlternativeTitleSchema } from './movie-alternative-title.entity.ts';
import { MovieNightSchema } from './movie-night.entity.ts';
import { MovieNightCandidateSchema } from './movie-night-candidate.entity.ts';
import { MovieNightParticipantSchema } from './movie-night-participant.entity.ts';
import { MovieNightVoteSchema } from './movie-night-vote.entity.ts';
import { MovieTitleSchema } from './movie-title.entity.ts';
import { RateLimitUseSchema } from './rate-limit-use.entity.ts';
import { RatingSchema } from './rating.entity.ts';
import { RecommendationLogSchema } from './recommendation-log.entity.ts';
import { UserSchema } from './user.entity.ts';
import { UserStreamingServiceSchema } from './user-streaming-service.entity.ts';
import { WatchOffersSchema } from './watch-offers.entity.ts';
import { WatchedSchema } from './watched.entity.ts';
import { WatchlistItemSchema } from './watchlist-item.entity.ts';

export * from './blend-weights.entity.ts';
export * from './delivery-outbox.entity.ts';
export * from './feedback.entity.ts';
export * from './guild-member.entity.ts';
export * from './guild-settings.entity.ts';
export * from './import-change.entity.ts';
export * from './import-job.entity.ts';
export * from './import-row.entity.ts';
export * from './model-snapshot.entity.ts';
export * from './movie.entity.ts';
export * from './movie-alternative-title.entity.ts';
export * from './movie-night.entity.ts';
export * from './movie-night-candidate.entity.ts';
export * from './movie-night-participant.entity.ts';
export * from './movie-night-vote.entity.ts';
export * from './movie-title.entity.ts';
export * from './rate-limit-use.entity.ts';
export * from './rating.entity.ts';
export * from './recommendation-log.entity.ts';
export * from './user.entity.ts';
export * from './user-streaming-service.entity.ts';
export * from './watch-offers.entity.ts';
export * from './watched.entity.ts';
export * from './watchlist-item.entity.ts';

export const ENTITIES = [
  UserSchema,
  MovieSchema,
  RatingSchema,
  WatchedSchema,
  RecommendationLogSchema,
  FeedbackSchema,
  GuildSettingsSchema,
  GuildMemberSchema,
  DeliveryOutboxSchema,
  ImportJobSchema,
  ImportRowSchema,
  ImportChangeSchema,
  MovieNightSchema,
  MovieNightParticipantSchema,
  MovieNightCandidateSchema,
  MovieNightVoteSchema,
  MovieTitleSchema,
  WatchlistItemSchema,
  BlendWeightsSchema,
  ModelSnapshotSchema,
  UserBlendWeightsSchema,
  RateLimitUseSchema,
  WatchOffersSchema,
  UserStreamingServiceSchema,
  MovieAlternativeTitleSchema,
] as const;
