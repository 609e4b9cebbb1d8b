export {
  FakeDiscord,
  type FakeDiscordOptions,
  type FakeUser,
  type GatewayFrame,
  InteractionHandle,
  type InteractionState,
  OptionType,
  type RecordedRequest,
  type StoredMessage,
  waitForEvent,
} from './fake-discord.ts';
export { type BucketRule, RateLimiter, type RateLimitOptions } from './rate-limits.ts';
export { SnowflakeGenerator, snowflakeTimestamp } from './snowflake.ts';
