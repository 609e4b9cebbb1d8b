import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, readEnv } from '../../src/config.ts';

function problemsOf(env: Record<string, string>, needs = {}): readonly string[] {
  try {
    loadConfig(env, needs);
    return [];
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
}

describe('loadConfig', () => {
  it('when nothing is set, then it uses embedded PGlite and sensible defaults', () => {
    const c = loadConfig({});
    expect(c.database.url).toBeUndefined();
    expect(c.database.dataDir).toMatch(/data$/);
    expect(c.tmdb.requestsPerSecond).toBe(40);
    expect(c.tmdb.maxInFlight).toBe(20);
    expect(c.tmdb.baseUrl).toBe('https://api.themoviedb.org');
    expect(c.log).toEqual({ level: 'info', format: 'json' });
  });

  it('when nothing is set, then the film refresh, TMDB change list, pool and deadline defaults apply', () => {
    const c = loadConfig({});
    expect(c.tmdb).toMatchObject({ refreshIntervalMs: 3_600_000, refreshBatchSize: 50, changesEveryMs: 86_400_000 });
    expect(c.recommender.rebuildIntervalMs).toBe(600_000);
    expect(c.database.pool).toEqual({ max: 10, acquireTimeoutMs: 5_000 });
    expect(c.discord.interactionDeadlineMs).toBe(15_000);
  });

  it('when the change list and refresh are switched off, then they are 0', () => {
    const c = loadConfig({ TMDB_CHANGES_HOURS: '0', TMDB_REFRESH_MINUTES: '0', MODEL_REBUILD_MINUTES: '0' });
    expect([c.tmdb.changesEveryMs, c.tmdb.refreshIntervalMs, c.recommender.rebuildIntervalMs]).toEqual([0, 0, 0]);
  });

  it('when the result is returned, then it is frozen all the way down', () => {
    const c = loadConfig({ DATABASE_URL: 'postgresql://u@localhost/db' });
    expect(Object.isFrozen(c)).toBe(true);
    expect(Object.isFrozen(c.database)).toBe(true);
    expect(() => {
      (c.database as { url: string }).url = 'x';
    }).toThrow(TypeError);
  });

  it('when several variables are wrong, then one error lists every problem', () => {
    const problems = problemsOf(
      {
        DATABASE_URL: 'mysql://nope',
        TMDB_RATE_LIMIT: 'fast',
        TMDB_MAX_IN_FLIGHT: '2.5',
        LOG_LEVEL: 'loud',
        DATABASE_DEBUG: 'maybe',
      },
      { discord: true },
    );
    expect(problems).toHaveLength(7);
    expect(problems.join('\n')).toMatch(/DATABASE_URL must be a postgres: or postgresql: URL/);
    expect(problems.join('\n')).toMatch(/TMDB_RATE_LIMIT must be a number/);
    expect(problems.join('\n')).toMatch(/TMDB_MAX_IN_FLIGHT must be an integer/);
    expect(problems.join('\n')).toMatch(/LOG_LEVEL must be one of/);
    expect(problems.join('\n')).toMatch(/DATABASE_DEBUG must be true or false/);
    expect(problems.join('\n')).toMatch(/DISCORD_TOKEN is required/);
    expect(problems.join('\n')).toMatch(/DISCORD_APP_ID is required/);
  });

  it('when the Discord token is not needed, then its absence is fine', () => {
    expect(problemsOf({})).toEqual([]);
  });

  it('when a secret is invalid elsewhere, then the error message never echoes the secret', () => {
    const problems = problemsOf({ DISCORD_TOKEN: 'super-secret-token', DISCORD_APP_ID: 'abc' }, { discord: true });
    expect(problems.join('\n')).not.toContain('super-secret-token');
    expect(problems.join('\n')).toMatch(/DISCORD_APP_ID must be a Discord id/);
  });

  it('when a .env file exists, then it is read and the real environment wins', () => {
    const dir = mkdtempSync(join(tmpdir(), 'marquee-env-'));
    writeFileSync(join(dir, '.env'), 'LOG_LEVEL=debug\nTMDB_RATE_LIMIT=10\n# comment\nTMDB_LANGUAGE=fr-FR\n');
    const env = readEnv({ cwd: dir, env: { TMDB_RATE_LIMIT: '5' } });
    const c = loadConfig(env);
    expect(c.log.level).toBe('debug');
    expect(c.tmdb.requestsPerSecond).toBe(5);
    expect(c.tmdb.language).toBe('fr-FR');
  });

  it('when a variable is set to an empty string, then it counts as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', TMDB_RATE_LIMIT: ' ' }).database.url).toBeUndefined();
  });
});

describe('loadConfig: gateway shards', () => {
  const PG = { DATABASE_URL: 'postgresql://127.0.0.1/marquee' };

  it('when nothing is set, then Discord recommends the count and this process runs every shard', () => {
    expect(loadConfig({}).discord.shards).toEqual({ count: 'auto', ids: 'all' });
  });

  it('when a process runs some shards on PostgreSQL, then ranges and lists are read', () => {
    expect(loadConfig({ ...PG, DISCORD_SHARD_COUNT: '8', DISCORD_SHARDS: '0-2,6' }).discord.shards).toEqual({
      count: 8,
      ids: [0, 1, 2, 6],
    });
  });

  it('when PGlite is asked to leave shards to other processes, then it says PGlite serves one process', () => {
    const problems = problemsOf({ DISCORD_SHARD_COUNT: '4', DISCORD_SHARDS: '0,1' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('PGlite database serves one process only');
    expect(problems[0]).toContain('DATABASE_URL');
    // Every shard in the one PGlite process is fine.
    expect(loadConfig({ DISCORD_SHARD_COUNT: '4' }).discord.shards).toEqual({ count: 4, ids: 'all' });
    expect(loadConfig({ DISCORD_SHARD_COUNT: '2', DISCORD_SHARDS: '0-1' }).discord.shards.ids).toEqual([0, 1]);
  });

  it('when shard ids are malformed, beyond the count, or given without a count, then each is reported', () => {
    expect(problemsOf({ ...PG, DISCORD_SHARD_COUNT: '4', DISCORD_SHARDS: 'one' })[0]).toContain('such as 0,1 or 0-3');
    expect(problemsOf({ ...PG, DISCORD_SHARD_COUNT: '4', DISCORD_SHARDS: '3-1' })[0]).toContain('such as 0,1');
    expect(problemsOf({ ...PG, DISCORD_SHARD_COUNT: '2', DISCORD_SHARDS: '2' })[0]).toContain(
      'below DISCORD_SHARD_COUNT',
    );
    expect(problemsOf({ ...PG, DISCORD_SHARDS: '0' })[0]).toContain('needs DISCORD_SHARD_COUNT');
    expect(problemsOf({ ...PG, DISCORD_SHARD_COUNT: '0' })[0]).toContain('DISCORD_SHARD_COUNT');
  });
});
