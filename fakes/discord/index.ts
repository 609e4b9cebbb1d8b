export { AdjustableClock, type Clock, systemClock } from './clock.ts';
export { DiscordHttpError, FormErrors } from './errors.ts';
export { FakeDiscord, type FakeDiscordOptions } from './fake-discord.ts';
export type { RouteContext, RouteDef } from './http.ts';
export { InteractionHandle, type Where, waitForEvent } from './people.ts';
export { type BucketRule, RateLimiter, type RateLimitOptions } from './rate-limits.ts';
export { guildIdOnShard, shardOf } from './shards.ts';
export { SnowflakeGenerator, snowflakeTimestamp } from './snowflake.ts';
export type {
  FakeGuild,
  FakeUser,
  GatewayFrame,
  InteractionState,
  Json,
  RecordedRequest,
  RouteResult,
  StoredMessage,
} from './types.ts';
