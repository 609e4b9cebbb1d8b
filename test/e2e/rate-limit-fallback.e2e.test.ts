// REDIS_URL set but Redis away (down, or a wrong address): per-user limits fall back to the database on PostgreSQL and
// to this process's memory on PGlite, so every command is still answered and the limits still count (src/app.ts,
// sharedLimiter). Runs on PGlite and on PostgreSQL; the address is a closed port, so nothing ever answers there.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createLogger } from '../../src/logger.ts';
import { startE2eStack } from '../support/e2e-stack.ts';

let stack: Awaited<ReturnType<typeof startE2eStack>>;
const lines: string[] = [];
const logger = createLogger(
  { log: { level: 'warn', format: 'json' } },
  new Writable({
    write(chunk, _e, cb) {
      lines.push(String(chunk));
      cb();
    },
  }),
);

beforeAll(async () => {
  stack = await startE2eStack({
    logger,
    env: { REDIS_URL: 'redis://127.0.0.1:1', TMDB_MAX_RETRIES: '0', TMDB_TIMEOUT_MS: '10000' },
  });
});
afterAll(async () => {
  await stack?.stop();
});

describe(`per-user limits with Redis unreachable (${inject('dbKind')})`, () => {
  it('when Redis cannot be reached, then commands are answered and the limit is still counted elsewhere', async () => {
    const d = stack.discord;
    const vera = d.user('vera');
    // /search allows 8 uses in 30 s (src/commands/search.ts): 8 answers with films, then the limit.
    for (let i = 0; i < 8; i++) {
      const reply = await d.command(vera, 'search', { query: 'heat' }).reply(20_000);
      expect(reply.content).not.toContain('Easy there');
      expect(reply.content).not.toContain('went wrong');
    }
    const ninth = await d.command(vera, 'search', { query: 'heat' }).reply(20_000);
    expect(ninth.content).toContain('Easy there');
    // Someone else is not limited by vera's uses.
    const other = await d.command(d.user('wim'), 'search', { query: 'heat' }).reply(20_000);
    expect(other.content).not.toContain('Easy there');
    if (stack.dbKind === 'postgres') {
      // Counted in PostgreSQL, where every process sees it.
      const [row] = await stack.orm.em
        .fork()
        .execute<{ n: number }[]>(
          "select count(*)::int as n from rate_limit_uses where bucket = 'search' and user_id = ?",
          [vera.id],
        );
      expect(row?.n).toBe(8);
    }
    const fellBack = lines.filter((l) => l.includes('rate limits: redis unavailable'));
    expect(fellBack.length).toBeGreaterThanOrEqual(1);
    expect(fellBack[0]).toContain(stack.dbKind === 'postgres' ? 'counting in PostgreSQL' : 'counting in memory');
  });
});
