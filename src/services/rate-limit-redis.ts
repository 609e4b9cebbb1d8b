// Per-user command limits in Redis, when REDIS_URL is set: the same sliding-window log as rate-limit-service.ts (one
// sorted set of use times per bucket and user), counted and recorded atomically by one Lua script, so that every
// process on every host counts one user's uses together without a database round trip or row churn. Keys expire with
// their window, so Redis holds a person's recent uses for at most that long (the longest window is /import's 10 min),
// which is why `/privacy delete` need not reach into Redis.
// node-redis (the `redis` package, Redis' own client) rather than ioredis: maintained by Redis, typed, and its offline
// queue can be switched off so a take fails fast while Redis is away (the caller falls back) instead of hanging.
import { randomUUID } from 'node:crypto';
import { createClient } from 'redis';
import type { Logger } from '../logger.ts';
import type { SharedLimitRule } from './rate-limit-service.ts';

// KEYS[1] the log; ARGV: now (ms), window (ms), limit, a unique member. Returns -1 when recorded, else the oldest use.
const TAKE = `
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then
  local first = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return tonumber(first[2])
end
redis.call('ZADD', KEYS[1], now, ARGV[4])
redis.call('PEXPIRE', KEYS[1], window)
return -1
`;

export interface RedisLimits {
  /** Records a use and returns null, or the seconds to wait (nothing recorded). Throws when Redis cannot answer. */
  take(userId: string, bucket: string, rule: SharedLimitRule, now: Date): Promise<number | null>;
  close(): Promise<void>;
}

/**
 * Connects in the background: until Redis answers (and whenever it is away) `take` throws at once, so the caller can
 * fall back instead of holding the interaction.
 */
export function createRedisLimits(url: string, logger: Logger, prefix = 'marquee:rate:'): RedisLimits {
  const log = logger.child({ component: 'redis' });
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: { connectTimeout: 2_000, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 5_000) },
  });
  let lastError = 0;
  client.on('error', (err: Error) => {
    // Once per 30 s: a Redis that is down would otherwise log every reconnect attempt.
    if (Date.now() - lastError > 30_000) log.warn({ err: { message: err.message } }, 'redis unavailable');
    lastError = Date.now();
  });
  void client.connect().catch((err: Error) => log.warn({ err: { message: err.message } }, 'redis connect failed'));
  return {
    async take(userId, bucket, rule, now) {
      const t = now.getTime();
      const member = `${t}:${randomUUID()}`;
      const first = Number(
        await client.eval(TAKE, {
          keys: [`${prefix}${bucket}:${userId}`],
          arguments: [String(t), String(rule.windowMs), String(rule.limit), member],
        }),
      );
      if (first < 0) return null;
      return Math.max(1, Math.ceil((rule.windowMs - (t - first)) / 1000));
    },
    async close() {
      if (client.isOpen) await client.close();
      else client.destroy();
    },
  };
}
