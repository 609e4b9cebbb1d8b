// Builds the running application from config: database, TMDB client, catalogue, recommender and the Discord bot.
// `src/main.ts` runs it against real Discord; the sandbox and the e2e tests run the very same wiring locally.

import { hostname } from 'node:os';
import { pgliteDir } from '../mikro-orm.config.ts';
import { type Bot, createBot } from './bot/client.ts';
import { createImportReporter } from './bot/import-reporter.ts';
import { createMovieNightDiscord } from './bot/movie-night-discord.ts';
import { type LimitRule, SharedRateLimiter, UserRateLimiter } from './bot/rate-limit.ts';
import { createDiscordSender } from './bot/weekly-sender.ts';
import type { Config } from './config.ts';
import { type Orm, openDatabase } from './db.ts';
import type { Logger } from './logger.ts';
import { type HealthServer, startHealthServer } from './observability/health-server.ts';
import { createMetrics, type Metrics } from './observability/metrics.ts';
import { createBlendLearningJob } from './services/blend-learning-job.ts';
import { type CatalogueRefresher, startCatalogueRefresher } from './services/catalogue-refresher.ts';
import { type Catalogue, createCatalogue } from './services/catalogue-service.ts';
import { outboxDepth, SendError, type Sender } from './services/delivery-outbox-service.ts';
import { createImportRunner, type ImportRunner } from './services/import/import-runner.ts';
import { dmLocale } from './services/locale-service.ts';
import { createMovieNightRunner, type MovieNightRunner } from './services/movie-night-runner.ts';
import { createMovieNightService } from './services/movie-night-service.ts';
import { createRankingPool } from './services/ranking-pool.ts';
import { createRedisLimits, type RedisLimits } from './services/rate-limit-redis.ts';
import { takeSharedLimit } from './services/rate-limit-service.ts';
import { createRecommendationService, type RecommendationService } from './services/recommendation-service.ts';
import { createStreamingService, type StreamingService } from './services/streaming-service.ts';
import { createTmdbClient, type TmdbClient } from './services/tmdb/index.ts';
import { createWeeklyRunner, type WeeklyRunner } from './services/weekly-run-service.ts';
import { createWeeklyScheduler, type WeeklyScheduler } from './weekly/scheduler.ts';

export interface AppOptions {
  readonly config: Config;
  readonly logger: Logger;
  /** An already open database (tests); otherwise one is opened from config and closed on stop. */
  readonly orm?: Orm;
  readonly clock?: () => Date;
  /** Overrides config.recommender.rebuildIntervalMs (tests and the sandbox pass 0: no background rebuilds). */
  readonly recommenderRefreshMs?: number;
  /** Overrides config.tmdb.refreshIntervalMs (0 = no background refresh). */
  readonly catalogueRefreshMs?: number;
  /** How often due movie-night steps run (close joining, close polls, events, rating prompts); default 30 s; 0 = never. */
  readonly movieNightTickMs?: number;
}

export interface App {
  readonly orm: Orm;
  readonly tmdb: TmdbClient;
  readonly catalogue: Catalogue;
  readonly recommendations: RecommendationService;
  readonly streaming: StreamingService;
  readonly bot: Bot;
  /** The weekly-picks heartbeat (`tick(now)` runs what is due). */
  readonly weekly: WeeklyScheduler;
  /** One server's week on demand: compute, outbox, delivery (what the heartbeat calls). */
  readonly weeklyRunner: WeeklyRunner;
  /** Movie nights' heartbeat (`tick()` runs what is due). */
  readonly movieNights: MovieNightRunner;
  /** Prometheus metrics; present when the health endpoint is on (HEALTH_PORT). */
  readonly metrics: Metrics | undefined;
  /** The /healthz, /readyz, /metrics endpoint once started; undefined when off. */
  readonly health: HealthServer | undefined;
  start(): Promise<void>;
  /** Stops taking interactions, finishes the ones in flight, then closes everything it opened. */
  stop(): Promise<void>;
}

export async function createApp(opts: AppOptions): Promise<App> {
  const { config, logger } = opts;
  const clock = opts.clock ?? (() => new Date());
  if (!config.discord.token) throw new Error('DISCORD_TOKEN is required to run the bot');
  const orm = opts.orm ?? (await openDatabase(config.database, { logger }));
  const tmdb = createTmdbClient({ config: config.tmdb, logger });
  let recommendationsRef: RecommendationService | undefined;
  const metrics =
    config.health.port === null
      ? undefined
      : createMetrics({
          tmdbOrigin: config.tmdb.baseUrl,
          sources: {
            tmdbBreaker: () => tmdb.breakerState,
            outboxDepth: () => outboxDepth(orm.em.fork()),
            modelVersion: () => recommendationsRef?.modelVersion ?? null,
          },
        });
  const catalogue = createCatalogue({
    tmdb,
    logger,
    ttlDays: config.tmdb.cacheTtlDays,
    clock,
    searchCache: {
      maxEntries: config.tmdb.searchCacheSize,
      ttlMs: config.tmdb.searchCacheTtlSeconds * 1000,
    },
  });
  const streaming = createStreamingService({ tmdb, logger, ttlHours: config.tmdb.providersTtlHours, clock });
  // A second core for the weekly run's ranking (config.recommender.rankingThread).
  const rankingPool = config.recommender.rankingThread ? createRankingPool({ logger }) : undefined;
  const recommendations = createRecommendationService({
    orm,
    logger,
    clock,
    rankingPool,
    refreshIntervalMs: opts.recommenderRefreshMs ?? config.recommender.rebuildIntervalMs,
    onModelBuilt: metrics ? ({ ms }) => metrics.modelBuilt(ms) : undefined,
    // PostgreSQL may serve several processes: build once, share the snapshot. PGlite is one process: nothing to share.
    share: config.database.url
      ? {
          holder: `${hostname()}:${process.pid}`.slice(0, 64),
          freshMs: config.recommender.snapshotFreshMs,
          leaseMs: config.recommender.buildLeaseMs,
        }
      : undefined,
  });
  recommendationsRef = recommendations;
  const movieNightService = createMovieNightService({ recommendations, clock });
  // The runner needs the bot's client and the bot's commands need the runner: the commands reach it through this.
  let movieNightRunner: MovieNightRunner | undefined;
  const movieNightRunnerFor = () => {
    if (!movieNightRunner) throw new Error('movie-night runner used before the app was built');
    return movieNightRunner;
  };
  // The import runner reports through the bot's REST client, and the bot kicks the runner: bound after both exist.
  let importRunner: ImportRunner | undefined;
  const limiter = sharedLimiter(config, logger, clock, (userId, bucket, rule) =>
    takeSharedLimit(orm.em.fork(), userId, bucket, rule, clock()),
  );
  const bot = createBot({
    services: {
      orm,
      logger,
      catalogue,
      recommendations,
      streaming,
      clock,
      metrics,
      movieNights: {
        service: movieNightService,
        runner: {
          endNow: (id) => movieNightRunnerFor().endNow(id),
          rescheduled: (n) => movieNightRunnerFor().rescheduled(n),
          cancelled: (n) => movieNightRunnerFor().cancelled(n),
        },
      },
      imports: { kick: () => importRunner?.kick() },
    },
    token: config.discord.token,
    apiUrl: config.discord.apiUrl,
    limiter,
    deadlineMs: config.discord.interactionDeadlineMs,
    shards: config.discord.shards,
  });
  movieNightRunner = createMovieNightRunner({
    orm,
    logger,
    service: movieNightService,
    discord: createMovieNightDiscord({ client: bot.client, ids: bot.ids, orm }),
  });
  const nightRunner = movieNightRunner;
  const nightTickMs = opts.movieNightTickMs ?? 30_000;
  let nightTimer: NodeJS.Timeout | undefined;
  const nightTick = () =>
    nightRunner.tick().catch((err: unknown) => logger.error({ err }, 'movie night heartbeat failed'));
  // Weekly picks: DMs and channel digests go out through the bot's own REST client (one rate-limit state), with
  // feedback buttons the bot's dispatcher accepts.
  const discordSender = createDiscordSender({
    rest: bot.client.rest,
    ids: bot.ids,
    whereToWatch: (userId, movieIds) => streaming.whereToWatch(orm.em.fork(), userId, movieIds),
  });
  const sender = metrics ? countedSender(discordSender, metrics) : discordSender;
  const runner = createWeeklyRunner({
    orm,
    clock,
    logger,
    recommender: recommendations,
    streaming,
    sender,
    concurrency: config.weekly.sendConcurrency,
    leaseMs: config.weekly.leaseMs,
    maxAttempts: config.weekly.maxAttempts,
  });
  const weekly = createWeeklyScheduler({
    orm,
    logger,
    runner,
    clock,
    catchUpMs: config.weekly.catchUpHours * 3_600_000,
  });
  const learning =
    config.weekly.learningCron === 'off'
      ? null
      : createBlendLearningJob({
          orm,
          logger,
          recommender: recommendations,
          clock,
          cronExpression: config.weekly.learningCron,
        });
  importRunner = createImportRunner({
    orm,
    logger,
    tmdb,
    storeSummaries: catalogue.storeSummaries,
    reporter: createImportReporter({
      rest: bot.client.rest,
      clock,
      localeOf: (userId) => dmLocale(orm.em.fork(), userId),
    }),
    clock,
  });
  let refresher: CatalogueRefresher | undefined;
  let health: HealthServer | undefined;
  const refreshMs = opts.catalogueRefreshMs ?? config.tmdb.refreshIntervalMs;

  return {
    orm,
    tmdb,
    catalogue,
    recommendations,
    streaming,
    bot,
    weekly,
    weeklyRunner: runner,
    movieNights: nightRunner,
    metrics,
    get health() {
      return health;
    },
    async start() {
      if (!opts.orm) logger.info(dataLocation(config), 'data location');
      if (config.health.port !== null) {
        // Up before the slow parts so liveness answers during start-up; readiness says when we can serve.
        health = await startHealthServer({
          host: config.health.host,
          port: config.health.port,
          logger,
          metrics,
          checks: {
            gateway: () => bot.isConnected(),
            database: async () => {
              await orm.em.fork().execute('select 1');
              return true;
            },
            model: () => recommendations.modelVersion !== null,
          },
        });
      }
      await recommendations.start();
      await bot.start();
      if (config.weekly.schedulerEnabled) weekly.start();
      // After a restart: count the votes cast while we were down, then do whatever fell due meanwhile.
      await nightRunner.resume();
      if (nightTickMs > 0) {
        void nightTick();
        nightTimer = setInterval(() => void nightTick(), nightTickMs);
        nightTimer.unref();
      }
      learning?.start();
      importRunner?.start();
      if (refreshMs > 0) {
        refresher = startCatalogueRefresher({
          orm,
          catalogue,
          logger,
          clock,
          intervalMs: refreshMs,
          batchSize: config.tmdb.refreshBatchSize,
          changesEveryMs: config.tmdb.changesEveryMs,
        });
      }
    },
    async stop() {
      health?.markStopping();
      await refresher?.stop();
      if (nightTimer) clearInterval(nightTimer);
      await nightRunner.settle();
      await importRunner?.stop();
      await weekly.stop();
      await learning?.stop();
      await bot.stop();
      await limiter?.redis?.close();
      await recommendations.stop();
      await rankingPool?.close();
      await tmdb.close();
      if (!opts.orm) await orm.close();
      await health?.close();
      metrics?.close();
    },
  };
}

type LimitTake = (userId: string, bucket: string, rule: LimitRule) => Promise<number | null>;

/**
 * Per-user command limits that add up across processes: in Redis when REDIS_URL is set, else in PostgreSQL; PGlite is
 * one process, so the dispatcher's in-memory limiter is enough there (undefined). While Redis is away each take falls
 * back to PostgreSQL (or to this process's memory on PGlite), so a Redis outage never blocks a command.
 */
function sharedLimiter(
  config: Config,
  logger: Logger,
  clock: () => Date,
  inDatabase: LimitTake,
): (SharedRateLimiter & { redis?: RedisLimits }) | undefined {
  const onPostgres = config.database.url !== undefined;
  if (!config.redis.url) return onPostgres ? new SharedRateLimiter(inDatabase) : undefined;
  const redis = createRedisLimits(config.redis.url, logger);
  const memory = new UserRateLimiter(() => clock().getTime());
  const fallback: LimitTake = onPostgres ? inDatabase : async (u, b, rule) => memory.check(u, b, rule);
  let warnedAt = Number.NEGATIVE_INFINITY;
  const limiter = new SharedRateLimiter(async (userId, bucket, rule) => {
    try {
      return await redis.take(userId, bucket, rule, clock());
    } catch (err) {
      if (Date.now() - warnedAt > 30_000) {
        warnedAt = Date.now();
        logger.warn({ err }, `rate limits: redis unavailable, counting in ${onPostgres ? 'PostgreSQL' : 'memory'}`);
      }
      return fallback(userId, bucket, rule);
    }
  });
  return Object.assign(limiter, { redis });
}

/** Where the data lives, for the start-up log: the absolute PGlite folder, or the PostgreSQL server without secrets. */
function dataLocation(config: Config): Record<string, string> {
  if (!config.database.url) return { driver: 'pglite', path: pgliteDir(config.database) };
  const u = new URL(config.database.url);
  return { driver: 'postgresql', host: u.host, database: u.pathname.replace(/^\//, '') };
}

/** Counts each weekly delivery attempt by kind and outcome (the sender throws SendError to say which failure). */
function countedSender(inner: Sender, metrics: Metrics): Sender {
  return {
    async send(message) {
      try {
        const result = await inner.send(message);
        metrics.delivery(message.kind, 'sent');
        return result;
      } catch (err) {
        metrics.delivery(message.kind, err instanceof SendError ? err.kind : 'transient');
        throw err;
      }
    },
  };
}
