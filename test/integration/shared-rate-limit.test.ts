// Per-user limits kept in the database: uses from two processes (two ORMs on one PostgreSQL; one PGlite otherwise)
// count together, and the window slides.
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { SharedRateLimiter } from '../../src/bot/rate-limit.ts';
import { type Orm, openDatabase } from '../../src/db.ts';
import { takeSharedLimit } from '../../src/services/rate-limit-service.ts';
import { useTestDatabase } from '../support/database.ts';

const db = useTestDatabase();
let second: Orm | undefined;
let now = new Date('2026-11-30T02:00:00Z');

beforeAll(async () => {
  // A second "process": its own connection pool on the same PostgreSQL database.
  if (inject('dbKind') === 'postgres') second = await openDatabase(db.config, { migrate: false });
});
afterAll(async () => {
  await second?.close(true);
});

const limiter = (orm: Orm) =>
  new SharedRateLimiter((userId, bucket, rule) => takeSharedLimit(orm.em.fork(), userId, bucket, rule, now));
const rule = { limit: 3, windowMs: 60_000 };

it('when a user spreads uses over two processes, then the limit counts them together and says how long to wait', async () => {
  const a = limiter(db.orm);
  const b = limiter(second ?? db.orm);
  await a.take('u1', 'recommend', rule);
  await b.take('u1', 'recommend', rule);
  now = new Date(now.getTime() + 10_000);
  await a.take('u1', 'recommend', rule);
  await expect(b.take('u1', 'recommend', rule)).rejects.toMatchObject({
    code: 'rate_limited',
    message: 'Easy there! You can use /recommend again in 50 s.',
  });
  await b.take('u2', 'recommend', rule); // another user is not affected
  now = new Date(now.getTime() + 50_001);
  await b.take('u1', 'recommend', rule); // the first two uses left the window
});

it('when many takes race for the last slot, then exactly the limit is granted', async () => {
  const a = limiter(db.orm);
  const b = limiter(second ?? db.orm);
  const results = await Promise.allSettled(
    Array.from({ length: 8 }, (_, i) => (i % 2 ? a : b).take('racer', 'search', rule)),
  );
  expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
});
