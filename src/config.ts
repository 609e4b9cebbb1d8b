// The only reader of process.env. Parses once into a frozen, typed object and reports every problem at once.
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';

export type LogFormat = 'json' | 'pretty';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface DatabaseConfig {
  /** PostgreSQL connection string; when absent the embedded PGlite database is used. */
  readonly url: string | undefined;
  /** Folder for embedded data (PGlite lives in `<dataDir>/pglite`). */
  readonly dataDir: string;
  readonly debug: boolean;
  /** PostgreSQL pool; absent in hand-written test configs, where DEFAULT_DATABASE_POOL applies. */
  readonly pool?: DatabasePoolConfig;
}

export interface DatabasePoolConfig {
  /** Connections the pool may open. */
  readonly max: number;
  /** How long a query waits for a free connection before failing ("try again in a moment") instead of hanging. */
  readonly acquireTimeoutMs: number;
}

/** See WeeklyConfig.sendPerSecond (also the benchmark's pace). */
export const DEFAULT_WEEKLY_SEND_PER_SECOND = 47;

export const DEFAULT_DATABASE_POOL: DatabasePoolConfig = Object.freeze({ max: 10, acquireTimeoutMs: 5_000 });

export interface DiscordConfig {
  readonly token: string | undefined;
  readonly appId: string | undefined;
  /** REST base such as `http://127.0.0.1:8080/api`; unset means real Discord. */
  readonly apiUrl: string | undefined;
  /** Guild to register commands in during development (`commands:deploy --guild` overrides). */
  readonly devGuildId: string | undefined;
  /**
   * An interaction that has not finished after this long gets "try again in a moment" (its work may still finish and
   * follow up); nobody is left looking at "thinking…" for ever.
   */
  readonly interactionDeadlineMs: number;
  readonly shards: ShardConfig;
}

/**
 * Gateway shards (events/gateway.mdx § Sharding). One process runs `ids` of `count` shards; several processes with
 * disjoint `ids` and the same `count` share one PostgreSQL database.
 */
export interface ShardConfig {
  /** Total shards across every process; `auto` takes Discord's recommendation (GET /gateway/bot) and runs them all. */
  readonly count: number | 'auto';
  /** The shards this process runs; `all` is every shard `0 … count-1`. */
  readonly ids: readonly number[] | 'all';
}

export interface TmdbConfig {
  /** v4 read access token, sent as `Authorization: Bearer`. Preferred over apiKey. */
  readonly readToken: string | undefined;
  /** v3 API key, sent as `api_key` query parameter. */
  readonly apiKey: string | undefined;
  readonly baseUrl: string;
  readonly requestsPerSecond: number;
  readonly maxInFlight: number;
  readonly connectTimeoutMs: number;
  readonly timeoutMs: number;
  readonly cacheTtlDays: number;
  /** How long a film's watch providers in a region are trusted (TMDB refreshes JustWatch's data daily). */
  readonly providersTtlHours: number;
  readonly language: string;
  /** Retries after the first attempt (429, 5xx, network errors). */
  readonly maxRetries: number;
  readonly retryBaseDelayMs: number;
  readonly retryMaxDelayMs: number;
  /** A 429 asking us to wait longer than this fails at once instead of waiting. */
  readonly maxRetryAfterMs: number;
  /** Consecutive failures that open the circuit breaker. */
  readonly breakerFailureThreshold: number;
  readonly breakerCooldownMs: number;
  /** Search results kept in memory (entries / seconds). */
  readonly searchCacheSize: number;
  readonly searchCacheTtlSeconds: number;
  /** How often expired or never-fetched films are re-fetched in the background (0 = never), and how many per run. */
  readonly refreshIntervalMs: number;
  readonly refreshBatchSize: number;
  /** How often films TMDB lists as changed (GET /3/movie/changes) are expired early (0 = never). */
  readonly changesEveryMs: number;
}

/** Defaults of what a caller may leave out (the catalogue's search cache, the refresher); loadConfig uses them too. */
export const TMDB_DEFAULTS = Object.freeze({
  searchCacheSize: 500,
  searchCacheTtlSeconds: 600,
  refreshIntervalMs: 60 * 60_000,
  refreshBatchSize: 50,
  changesEveryMs: 24 * 3_600_000,
  providersTtlHours: 24,
});

export interface RecommenderConfig {
  /** How often the model is rebuilt from the database in the background (0 = only at start). */
  readonly rebuildIntervalMs: number;
  /**
   * On PostgreSQL (several processes may share it): one process builds and saves a snapshot, the others load it. A
   * snapshot younger than this is loaded instead of building (half the rebuild interval; 1 minute when rebuilds are
   * off, so processes started together build once).
   */
  readonly snapshotFreshMs: number;
  /** The longest one build may hold the build lease; others wait this long at most, then build themselves. */
  readonly buildLeaseMs: number;
  /**
   * Rank large batches (the weekly run) on a second thread too (RANKING_THREAD, on by default when the machine has
   * two or more cores). It holds its own copy of the model: about as much memory again as the model.
   */
  readonly rankingThread: boolean;
}

export interface WeeklyConfig {
  /** Run the weekly-picks heartbeat in this process (several processes may; the database keeps runs single). */
  readonly schedulerEnabled: boolean;
  /** A run missed while the bot was down still happens if it is at most this late. */
  readonly catchUpHours: number;
  /** Discord requests in flight while delivering (@discordjs/rest queues them under the rate limits). */
  readonly sendConcurrency: number;
  /**
   * Weekly requests per second, spaced evenly: just under Discord's global 50 per second, so that a 429 never stalls
   * the bot's REST queue and a little room is left for its other requests (interaction answers do not count).
   */
  readonly sendPerSecond: number;
  /** A claimed message not recorded within this time belongs to a dead process and is sent again (same nonce). */
  readonly leaseMs: number;
  readonly maxAttempts: number;
  /** node-cron expression (UTC) for re-fitting the blend weights; `off` disables it. */
  readonly learningCron: string;
}

export interface RedisConfig {
  /** Redis for per-user command limits shared by every process (REDIS_URL); unset = PostgreSQL (or memory on PGlite). */
  readonly url: string | undefined;
}

export interface HealthConfig {
  /** Port of the /healthz, /readyz and /metrics endpoint; null (HEALTH_PORT unset) keeps it off. */
  readonly port: number | null;
  /** Address to bind; loopback unless the operator opens it on purpose (e.g. 0.0.0.0 inside a container). */
  readonly host: string;
}

export interface Config {
  readonly env: 'development' | 'production' | 'test';
  readonly log: { readonly level: LogLevel; readonly format: LogFormat };
  readonly database: DatabaseConfig;
  readonly discord: DiscordConfig;
  readonly tmdb: TmdbConfig;
  readonly recommender: RecommenderConfig;
  readonly weekly: WeeklyConfig;
  readonly health: HealthConfig;
  readonly redis: RedisConfig;
}

/** What the caller needs to be present; a script that only migrates the database needs no Discord token. */
export interface ConfigNeeds {
  readonly discord?: boolean;
}

export class ConfigError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

export type Env = Readonly<Record<string, string | undefined>>;

/** Reads `.env` (if present) under the real environment: variables already set win. */
export function readEnv(options: { cwd?: string; envFile?: string; env?: Env } = {}): Env {
  const base = options.env ?? process.env;
  const file = resolve(options.cwd ?? process.cwd(), options.envFile ?? base.MARQUEE_ENV_FILE ?? '.env');
  if (!existsSync(file)) return { ...base };
  return { ...parseEnv(readFileSync(file, 'utf8')), ...base };
}

class Reader {
  readonly problems: string[] = [];
  private readonly env: Env;
  constructor(env: Env) {
    this.env = env;
  }

  /** Empty strings count as unset, so `FOO=` in a .env file means "not given". */
  str(name: string): string | undefined {
    const v = this.env[name]?.trim();
    return v === undefined || v === '' ? undefined : v;
  }

  required(name: string, why: string): string | undefined {
    const v = this.str(name);
    if (v === undefined) this.problems.push(`${name} is required ${why}`);
    return v;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const v = this.str(name);
    if (v === undefined) return fallback;
    if ((allowed as readonly string[]).includes(v)) return v as T;
    this.problems.push(`${name} must be one of ${allowed.join(', ')} (got "${v}")`);
    return fallback;
  }

  number(name: string, fallback: number, opts: { min?: number; max?: number; integer?: boolean } = {}): number {
    const raw = this.str(name);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    const { min = Number.NEGATIVE_INFINITY, max = Number.POSITIVE_INFINITY, integer = false } = opts;
    if (!Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
      const range = `${min === Number.NEGATIVE_INFINITY ? '' : `>= ${min}`}${max === Number.POSITIVE_INFINITY ? '' : ` and <= ${max}`}`;
      this.problems.push(`${name} must be ${integer ? 'an integer' : 'a number'} ${range} (got "${raw}")`.trim());
      return fallback;
    }
    return n;
  }

  bool(name: string, fallback: boolean): boolean {
    const v = this.str(name)?.toLowerCase();
    if (v === undefined) return fallback;
    if (['1', 'true', 'yes', 'on'].includes(v)) return true;
    if (['0', 'false', 'no', 'off'].includes(v)) return false;
    this.problems.push(`${name} must be true or false (got "${v}")`);
    return fallback;
  }

  url(name: string, fallback: string | undefined, protocols: readonly string[]): string | undefined {
    const v = this.str(name);
    if (v === undefined) return fallback;
    try {
      const u = new URL(v);
      if (!protocols.includes(u.protocol)) throw new Error('protocol');
      return v.replace(/\/+$/, '');
    } catch {
      this.problems.push(`${name} must be a ${protocols.join(' or ')} URL`);
      return fallback;
    }
  }

  snowflake(name: string): string | undefined {
    const v = this.str(name);
    if (v !== undefined && !/^\d{17,20}$/.test(v)) {
      this.problems.push(`${name} must be a Discord id (17–20 digits)`);
      return undefined;
    }
    return v;
  }
}

export function loadConfig(env: Env = readEnv(), needs: ConfigNeeds = {}): Config {
  const r = new Reader(env);
  const nodeEnv = r.oneOf('NODE_ENV', ['development', 'production', 'test'] as const, 'development');

  const database: DatabaseConfig = {
    url: r.url('DATABASE_URL', undefined, ['postgres:', 'postgresql:']),
    dataDir: resolve(r.str('MARQUEE_DATA_DIR') ?? './data'),
    debug: r.bool('DATABASE_DEBUG', false),
    pool: {
      max: r.number('DATABASE_POOL_MAX', DEFAULT_DATABASE_POOL.max, { min: 1, max: 1000, integer: true }),
      acquireTimeoutMs: r.number('DATABASE_POOL_ACQUIRE_TIMEOUT_MS', DEFAULT_DATABASE_POOL.acquireTimeoutMs, {
        min: 100,
        max: 600_000,
        integer: true,
      }),
    },
  };

  const discord: DiscordConfig = {
    token: needs.discord ? r.required('DISCORD_TOKEN', 'to connect to Discord') : r.str('DISCORD_TOKEN'),
    appId: needs.discord ? r.required('DISCORD_APP_ID', 'to handle interactions') : r.snowflake('DISCORD_APP_ID'),
    apiUrl: r.url('DISCORD_API_URL', undefined, ['http:', 'https:']),
    devGuildId: r.snowflake('DISCORD_DEV_GUILD_ID'),
    interactionDeadlineMs: r.number('INTERACTION_DEADLINE_MS', 15_000, { min: 3_000, max: 14 * 60_000, integer: true }),
    shards: readShards(r, r.str('DATABASE_URL') !== undefined),
  };
  if (needs.discord && discord.appId !== undefined && !/^\d{17,20}$/.test(discord.appId)) {
    r.problems.push('DISCORD_APP_ID must be a Discord id (17–20 digits)');
  }

  const tmdb: TmdbConfig = {
    readToken: r.str('TMDB_READ_TOKEN'),
    apiKey: r.str('TMDB_API_KEY'),
    baseUrl: r.url('TMDB_BASE_URL', 'https://api.themoviedb.org', ['http:', 'https:']) ?? 'https://api.themoviedb.org',
    requestsPerSecond: r.number('TMDB_RATE_LIMIT', 40, { min: 1, max: 1000 }),
    maxInFlight: r.number('TMDB_MAX_IN_FLIGHT', 20, { min: 1, max: 100, integer: true }),
    connectTimeoutMs: r.number('TMDB_CONNECT_TIMEOUT_MS', 2_000, { min: 100, max: 60_000, integer: true }),
    timeoutMs: r.number('TMDB_TIMEOUT_MS', 5_000, { min: 100, max: 120_000, integer: true }),
    cacheTtlDays: r.number('TMDB_CACHE_TTL_DAYS', 7, { min: 0.001, max: 365 }),
    providersTtlHours: r.number('TMDB_PROVIDERS_TTL_HOURS', TMDB_DEFAULTS.providersTtlHours, {
      min: 0.01,
      max: 24 * 30,
    }),
    language: r.str('TMDB_LANGUAGE') ?? 'en-US',
    maxRetries: r.number('TMDB_MAX_RETRIES', 3, { min: 0, max: 10, integer: true }),
    retryBaseDelayMs: r.number('TMDB_RETRY_BASE_MS', 250, { min: 1, max: 60_000, integer: true }),
    retryMaxDelayMs: r.number('TMDB_RETRY_MAX_MS', 4_000, { min: 1, max: 120_000, integer: true }),
    maxRetryAfterMs: r.number('TMDB_MAX_RETRY_AFTER_MS', 10_000, { min: 0, max: 600_000, integer: true }),
    breakerFailureThreshold: r.number('TMDB_BREAKER_THRESHOLD', 5, { min: 1, max: 1000, integer: true }),
    breakerCooldownMs: r.number('TMDB_BREAKER_COOLDOWN_MS', 30_000, { min: 100, max: 3_600_000, integer: true }),
    searchCacheSize: r.number('TMDB_SEARCH_CACHE_SIZE', TMDB_DEFAULTS.searchCacheSize, {
      min: 1,
      max: 100_000,
      integer: true,
    }),
    searchCacheTtlSeconds: r.number('TMDB_SEARCH_CACHE_TTL_SECONDS', TMDB_DEFAULTS.searchCacheTtlSeconds, {
      min: 1,
      max: 86_400,
      integer: true,
    }),
    refreshIntervalMs:
      r.number('TMDB_REFRESH_MINUTES', TMDB_DEFAULTS.refreshIntervalMs / 60_000, { min: 0, max: 10_080 }) * 60_000,
    refreshBatchSize: r.number('TMDB_REFRESH_BATCH', TMDB_DEFAULTS.refreshBatchSize, {
      min: 1,
      max: 10_000,
      integer: true,
    }),
    changesEveryMs:
      r.number('TMDB_CHANGES_HOURS', TMDB_DEFAULTS.changesEveryMs / 3_600_000, { min: 0, max: 14 * 24 }) * 3_600_000,
  };

  const rebuildIntervalMs = r.number('MODEL_REBUILD_MINUTES', 10, { min: 0, max: 10_080 }) * 60_000;
  const recommender: RecommenderConfig = {
    rebuildIntervalMs,
    snapshotFreshMs: rebuildIntervalMs > 0 ? rebuildIntervalMs / 2 : 60_000,
    buildLeaseMs: r.number('MODEL_BUILD_LEASE_MINUTES', 10, { min: 1, max: 1_440 }) * 60_000,
    rankingThread: r.bool('RANKING_THREAD', availableParallelism() >= 2),
  };

  const weekly: WeeklyConfig = {
    schedulerEnabled: r.bool('WEEKLY_SCHEDULER', true),
    catchUpHours: r.number('WEEKLY_CATCH_UP_HOURS', 6, { min: 0, max: 72 }),
    sendConcurrency: r.number('WEEKLY_SEND_CONCURRENCY', 50, { min: 1, max: 500, integer: true }),
    sendPerSecond: r.number('WEEKLY_SEND_PER_SECOND', DEFAULT_WEEKLY_SEND_PER_SECOND, { min: 1, max: 50 }),
    leaseMs: r.number('WEEKLY_LEASE_MS', 60_000, { min: 1_000, max: 3_600_000, integer: true }),
    maxAttempts: r.number('WEEKLY_MAX_ATTEMPTS', 3, { min: 1, max: 20, integer: true }),
    learningCron: r.str('BLEND_LEARNING_CRON') ?? '23 4 * * *',
  };

  const log = {
    level: r.oneOf('LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
    format: r.oneOf('LOG_FORMAT', ['json', 'pretty'] as const, 'json'),
  };

  const health: HealthConfig = {
    port:
      r.str('HEALTH_PORT') === undefined ? null : r.number('HEALTH_PORT', 0, { min: 0, max: 65_535, integer: true }),
    host: r.str('HEALTH_HOST') ?? '127.0.0.1',
  };

  const redis: RedisConfig = { url: r.url('REDIS_URL', undefined, ['redis:', 'rediss:']) };

  if (r.problems.length > 0) throw new ConfigError(r.problems);
  return deepFreeze({ env: nodeEnv, log, database, discord, tmdb, recommender, weekly, health, redis });
}

/** `0,1` or `0-3` → shard ids; every problem is reported, including PGlite asked to share its work. */
function readShards(r: Reader, postgres: boolean): ShardConfig {
  const rawCount = r.str('DISCORD_SHARD_COUNT');
  const count: number | 'auto' =
    rawCount === undefined || rawCount === 'auto'
      ? 'auto'
      : r.number('DISCORD_SHARD_COUNT', 1, { min: 1, max: 10_000, integer: true });
  const rawIds = r.str('DISCORD_SHARDS');
  if (rawIds === undefined || rawIds === 'all') return { count, ids: 'all' };
  const ids = new Set<number>();
  for (const part of rawIds.split(',')) {
    const m = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(part);
    if (!m || Number(m[2] ?? m[1]) < Number(m[1])) {
      r.problems.push(`DISCORD_SHARDS must list shard ids such as 0,1 or 0-3 (got "${rawIds}")`);
      return { count, ids: 'all' };
    }
    for (let i = Number(m[1]); i <= Number(m[2] ?? m[1]); i++) ids.add(i);
  }
  if (count === 'auto') {
    r.problems.push('DISCORD_SHARDS needs DISCORD_SHARD_COUNT: every process must agree on the total');
    return { count, ids: 'all' };
  }
  const list = [...ids].sort((a, b) => a - b);
  if (list.some((i) => i >= count)) {
    r.problems.push(`DISCORD_SHARDS must be below DISCORD_SHARD_COUNT (${count}); shard ids start at 0`);
  }
  if (!postgres && list.length < count) {
    r.problems.push(
      `DISCORD_SHARDS runs ${list.length} of ${count} shards here, so other processes would run the rest; the embedded ` +
        'PGlite database serves one process only. Set DATABASE_URL to a PostgreSQL server to run several processes, ' +
        'or leave DISCORD_SHARDS unset to run every shard in this one',
    );
  }
  return { count, ids: list };
}

function deepFreeze<T extends object>(o: T): T {
  for (const v of Object.values(o)) if (v && typeof v === 'object') deepFreeze(v);
  return Object.freeze(o);
}
