// Composition root: config, logger, database, TMDB, catalogue, recommender and the Discord bot, built once.
// SIGTERM/SIGINT stop taking interactions, let the ones in flight finish, then close the database.
import { createApp } from './app.ts';
import { ConfigError, loadConfig, readEnv } from './config.ts';
import { createLogger } from './logger.ts';

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
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, inFlight: app.bot.dispatcher.pending }, 'shutting down');
    try {
      await app.stop();
      logger.info('bye');
    } catch (err) {
      logger.error({ err }, 'unclean shutdown');
      process.exitCode = 1;
    }
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await app.start();
  logger.info('marquee started');
}

await main();
