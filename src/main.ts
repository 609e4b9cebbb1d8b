// Composition root: config, logger, database, TMDB, catalogue, recommender and the Discord bot, built once.
// SIGTERM/SIGINT stop taking interactions, let the ones in flight finish, then close the database. The exit code says
// whether that went cleanly: 0 only when everything closed in time, 1 otherwise (a supervisor should restart us).
import { createApp } from './app.ts';
import { ConfigError, loadConfig, readEnv } from './config.ts';
import { createLogger } from './logger.ts';
import { guardProcess } from './process-guards.ts';

/** Longest a shutdown may take before we give up on closing cleanly and exit 1. */
const SHUTDOWN_TIMEOUT_MS = 20_000;

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(readEnv(), { discord: true });
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\nSee .env.example for every variable.\n`);
      process.exit(78); // EX_CONFIG
    }
    throw err;
  }
  const logger = createLogger(config);
  const app = await createApp({ config, logger });

  let stopping = false;
  const shutdown = async (reason: string, failed = false) => {
    if (stopping) return;
    stopping = true;
    // Until stop() returns, the outcome is unclean: if the event loop empties while it hangs, we still exit 1.
    process.exitCode = 1;
    setTimeout(() => {
      logger.fatal({ reason, timeoutMs: SHUTDOWN_TIMEOUT_MS }, 'unclean shutdown: gave up waiting');
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS).unref();
    logger.info({ reason, inFlight: app.bot.dispatcher.pending }, 'shutting down');
    try {
      await app.stop();
      logger.info('bye');
      process.exitCode = failed ? 1 : 0;
    } catch (err) {
      logger.error({ err }, 'unclean shutdown');
    }
  };
  guardProcess(process, logger, (reason) => void shutdown(reason, true));
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await app.start();
  logger.info('marquee started');
}

await main();
