// The whole product on one machine with no accounts: the local Discord, the fake TMDB (or real TMDB when a key is
// set), PGlite, and the real bot wired exactly as src/main.ts wires it. The sandbox and the e2e tests use this.
import { mkdirSync } from 'node:fs';
import { type App, createApp } from '../src/app.ts';
import { deployCommands } from '../src/bot/deploy.ts';
import { type Config, loadConfig } from '../src/config.ts';
import { type Orm, openDatabase } from '../src/db.ts';
import { Movie } from '../src/entities/index.ts';
import { createLogger, type Logger } from '../src/logger.ts';
import { FakeDiscord, type FakeDiscordOptions } from './discord/index.ts';
import { DEMO_MOVIES, type FakeTmdb, type StartFakeTmdbOptions, startFakeTmdb } from './tmdb/index.ts';

export interface LocalStackOptions {
  /** `memory://` for a throwaway database, or a folder such as `./data/sandbox`. */
  readonly dataDir: string;
  readonly discord?: FakeDiscordOptions;
  /** Real TMDB credentials; when absent the fake TMDB serves its demo catalogue. */
  readonly tmdb?: { readToken?: string; apiKey?: string };
  /** What the fake TMDB serves (default its demo catalogue); e.g. the TMDB 5000 films plus worst cases. */
  readonly tmdbCatalogue?: StartFakeTmdbOptions['catalogue'];
  readonly logger?: Logger;
  readonly logLevel?: string;
  /** With `memory://`: a migrated PGlite dump to start from instead of an empty cluster (tests pass one per run). */
  readonly pgliteLoadDataDir?: Blob;
  /** Extra environment for loadConfig (e.g. TMDB timeouts in tests). */
  readonly env?: Record<string, string>;
  /** Fetch every demo film into the catalogue at start so /recommend has something to pick from (default true). */
  readonly preloadDemo?: boolean;
  /** The bot's clock (default the wall clock); pass the local Discord's adjustable clock to move both together. */
  readonly clock?: () => Date;
  /** Movie-night heartbeat (default 0: tests and scripted sessions call `app.movieNights.tick()` themselves). */
  readonly movieNightTickMs?: number;
  /** Runs after the catalogue is loaded and before the bot starts (the sandbox seeds a demo community here). */
  readonly beforeStart?: (ctx: { orm: Orm; discord: FakeDiscord; app: App }) => Promise<void>;
}

export interface LocalStack {
  readonly discord: FakeDiscord;
  readonly fakeTmdb: FakeTmdb | null;
  readonly app: App;
  readonly orm: Orm;
  readonly config: Config;
  stop(): Promise<void>;
}

export async function startLocalStack(opts: LocalStackOptions): Promise<LocalStack> {
  const discord = await new FakeDiscord(opts.discord).start();
  const realTmdb = Boolean(opts.tmdb?.readToken || opts.tmdb?.apiKey);
  const fakeTmdb = realTmdb ? null : await startFakeTmdb(opts.tmdbCatalogue ? { catalogue: opts.tmdbCatalogue } : {});
  const env: Record<string, string> = {
    DISCORD_TOKEN: discord.token,
    DISCORD_APP_ID: discord.appId,
    DISCORD_API_URL: discord.apiBase,
    LOG_LEVEL: opts.logLevel ?? 'silent',
    ...(fakeTmdb
      ? { TMDB_BASE_URL: fakeTmdb.url, TMDB_READ_TOKEN: 'fake-tmdb-token' }
      : { TMDB_READ_TOKEN: opts.tmdb?.readToken ?? '', TMDB_API_KEY: opts.tmdb?.apiKey ?? '' }),
    ...(opts.dataDir.startsWith('memory://') ? {} : { MARQUEE_DATA_DIR: opts.dataDir }),
    // No background schedules unless asked for: tests and scripted sessions drive the weekly run themselves.
    WEEKLY_SCHEDULER: 'false',
    BLEND_LEARNING_CRON: 'off',
    ...opts.env,
  };
  const config = loadConfig(env, { discord: true });
  const logger = opts.logger ?? createLogger(config);
  let orm: Orm;
  if (opts.dataDir.startsWith('memory://')) {
    orm = await openDatabase(config.database, {
      pgliteDbName: 'memory://',
      pgliteLoadDataDir: opts.pgliteLoadDataDir,
      logger,
    });
  } else {
    mkdirSync(opts.dataDir, { recursive: true });
    orm = await openDatabase(config.database, { logger });
  }
  const app = await createApp({
    config,
    logger,
    orm,
    recommenderRefreshMs: 0,
    catalogueRefreshMs: 0,
    movieNightTickMs: opts.movieNightTickMs ?? 0,
    ...(opts.clock ? { clock: opts.clock } : {}),
  });
  try {
    if (opts.preloadDemo ?? true) await preloadCatalogue(app, orm, realTmdb);
    await opts.beforeStart?.({ orm, discord, app });
    // Globally, as production deploys: guild commands would never be offered in DMs or through a user install
    // (interactions/application-commands.mdx § Making a Guild Command); each command's contexts decide instead.
    await deployCommands({ token: discord.token, appId: discord.appId, apiUrl: discord.apiBase });
    await app.start();
  } catch (err) {
    await app.stop().catch(() => {});
    await orm.close();
    await discord.stop();
    await fakeTmdb?.stop();
    throw err;
  }
  return {
    discord,
    fakeTmdb,
    app,
    orm,
    config,
    async stop() {
      await app.stop();
      await orm.close();
      await discord.stop();
      await fakeTmdb?.stop();
    },
  };
}

/** Loads the demo films (or TMDB's popular list) into the movies table once, so picks and onboarding have films. */
async function preloadCatalogue(app: App, orm: Orm, realTmdb: boolean): Promise<void> {
  const em = orm.em.fork();
  if ((await em.count(Movie, { fetchedAt: { $ne: null } })) >= 20) return;
  if (realTmdb) {
    await app.catalogue.popular(em, 60);
    return;
  }
  // A few at a time: the fake TMDB answers at once, so this is bounded by the database, not the network.
  const queue = [...DEMO_MOVIES];
  const worker = async () => {
    for (let m = queue.shift(); m; m = queue.shift()) await app.catalogue.ensureMovie(orm.em.fork(), m.id);
  };
  await Promise.all(Array.from({ length: 6 }, worker));
}
