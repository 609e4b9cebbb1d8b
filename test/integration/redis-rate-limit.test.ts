// Per-user limits in Redis (REDIS_URL): uses from two processes (two clients) count together, the window slides, and
// with Redis away a take fails at once so the composition root can fall back to PostgreSQL. Needs the local Redis
// (127.0.0.1:6379, or REDIS_TEST_URL); runs once, in the PGlite project (it touches no database).
import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createRedisLimits } from '../../src/services/rate-limit-redis.ts';

const url = process.env.REDIS_TEST_URL ?? 'redis://127.0.0.1:6379';
const logger = pino({ level: 'silent' });
const prefix = `marquee-test:${randomUUID()}:`;
const a = createRedisLimits(url, logger, prefix);
const b = createRedisLimits(url, logger, prefix);
afterAll(async () => {
  await Promise.all([a.close(), b.close()]);
});

/** The client connects in the background: wait for its first answer (a take on a throwaway key). */
async function connected(limits: typeof a): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      await limits.take('probe', `probe-${randomUUID()}`, { limit: 1, windowMs: 1_000 }, new Date());
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw new Error(`redis at ${url} did not answer`);
}

describe.skipIf(inject('dbKind') === 'postgres')('per-user limits in Redis', () => {
  it('when a user spreads uses over two processes, then they count together and the window slides', async () => {
    await Promise.all([connected(a), connected(b)]);
    const rule = { limit: 3, windowMs: 60_000 };
    let now = new Date('2026-11-30T05:00:00Z');
    expect(await a.take('u1', 'recommend', rule, now)).toBeNull();
    expect(await b.take('u1', 'recommend', rule, now)).toBeNull();
    now = new Date(now.getTime() + 10_000);
    expect(await a.take('u1', 'recommend', rule, now)).toBeNull();
    // The fourth use within the minute is refused by either process: 50 s until the first use leaves the window.
    expect(await b.take('u1', 'recommend', rule, now)).toBe(50);
    expect(await a.take('u1', 'recommend', rule, now)).toBe(50);
    // Other users and other buckets are counted apart.
    expect(await b.take('u2', 'recommend', rule, now)).toBeNull();
    expect(await b.take('u1', 'search', rule, now)).toBeNull();
    // Once the first two uses are a minute old, two more fit.
    now = new Date(now.getTime() + 50_000);
    expect(await a.take('u1', 'recommend', rule, now)).toBeNull();
    expect(await b.take('u1', 'recommend', rule, now)).toBeNull();
    expect(await a.take('u1', 'recommend', rule, now)).toBe(10);
  });

  it('when Redis cannot be reached, then a take fails at once instead of waiting', async () => {
    const away = createRedisLimits('redis://127.0.0.1:1', logger, prefix);
    const started = performance.now();
    await expect(away.take('u1', 'recommend', { limit: 1, windowMs: 1_000 }, new Date())).rejects.toThrow();
    expect(performance.now() - started).toBeLessThan(1_000);
    await away.close();
  });
});
